// The playground at /: GraphiQL over the same-origin /query endpoint, with
// the query and variables kept in the URL so they can be shared as a link
// (the server redirects a bare visit to /?query=<FirstQuery>,
// edge/playground.go).
// Everything it loads is served by the binary: Monaco's workers are bundled
// next to this file by build.mjs, which defines WORKER_URLS.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './playground.css';

/* global WORKER_URLS */
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    return new Worker(WORKER_URLS[label] ?? WORKER_URLS.editor);
  },
};

// The URL's query and variables parameters are what the editors open with,
// and each edit writes them back (history.replaceState, so Back leaves the
// page). Request headers are left out: they hold bearer tokens, which must
// not travel in a shared link or the browser's history; GraphiQL keeps them
// in this browser's storage instead (shouldPersistHeaders). GraphiQL 5 takes
// no initial operation name: with several operations, ▶ asks which to run.
const params = {};
for (const key of ['query', 'variables']) {
  const value = new URLSearchParams(location.search).get(key);
  if (value) params[key] = value;
}

function keep(key) {
  return (value) => {
    if (value) params[key] = value;
    else delete params[key];
    history.replaceState(null, '', '?' + new URLSearchParams(params));
  };
}

const fetcher = createGraphiQLFetcher({ url: new URL('/query', location.href).href });

createRoot(document.getElementById('graphiql')).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      initialQuery={params.query}
      initialVariables={params.variables}
      onEditQuery={keep('query')}
      onEditVariables={keep('variables')}
      isHeadersEditorEnabled
      shouldPersistHeaders
    >
      <GraphiQL.Logo>
        <a className="innograph-explore" href="/explore" title="See and walk the graph">
          Explorer →
        </a>
      </GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);

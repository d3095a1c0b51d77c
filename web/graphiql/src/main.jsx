// The playground at /: GraphiQL over the same-origin /query endpoint, with
// the editors' state kept in the URL so a query can be shared as a link (the
// server redirects a bare visit to /?query=<FirstQuery>, edge/playground.go).
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

// The URL's parameters are the editors' state: what the page opens with, and
// what each edit writes back (history.replaceState, so Back leaves the page).
const params = Object.fromEntries(new URLSearchParams(location.search));

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
      initialHeaders={params.headers}
      onEditQuery={keep('query')}
      onEditVariables={keep('variables')}
      onEditHeaders={keep('headers')}
      onEditOperationName={keep('operationName')}
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

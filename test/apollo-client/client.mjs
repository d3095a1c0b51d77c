// The Apollo Client setup of docs/clients.md, as the test runs it.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { relayStylePagination } from '@apollo/client/utilities';
import { catchError, mergeMap, of, throwError, timer } from 'rxjs';

// Codes after which the same request may succeed; the others will fail again.
const RETRYABLE = new Set(['UNAVAILABLE', 'TIMEOUT']);
const MAX_RETRIES = 3;

const allRetryable = (errors) => errors?.length > 0 && errors.every((e) => RETRYABLE.has(e.extensions?.code));

// A request that failed without a GraphQL response to read: load shedding's
// 429 (its body has the code), a proxy's 502/503/504, no connection at all.
function failedRetryably(error) {
  if (!ServerError.is(error)) return error instanceof TypeError; // fetch's network failure
  try {
    return allRetryable(JSON.parse(error.bodyText).errors);
  } catch {
    return [502, 503, 504].includes(error.statusCode);
  }
}

// Retry-After when the server sent one, else exponential backoff with jitter.
function delay(error, retry) {
  const seconds = Number(error?.response?.headers.get('Retry-After'));
  return seconds > 0 ? seconds * 1000 : Math.random() * Math.min(10_000, 500 * 2 ** retry);
}

// retryLink sends a query again when every error it got is retryable.
// Mutations are not retried unless their context says `idempotent: true`
// (a create with a client-chosen id, an update: docs/clients.md).
export const retryLink = new ApolloLink((operation, forward) => {
  if (operation.operationType !== 'query' && !operation.getContext().idempotent) return forward(operation);
  const attempt = (retry) =>
    forward(operation).pipe(
      catchError((error) => (failedRetryably(error) ? of({ failed: error }) : throwError(() => error))),
      mergeMap((outcome) => {
        const again = outcome.failed || allRetryable(outcome.errors);
        if (!again || retry >= MAX_RETRIES) return outcome.failed ? throwError(() => outcome.failed) : of(outcome);
        return timer(delay(outcome.failed, retry)).pipe(mergeMap(() => attempt(retry + 1)));
      }),
    );
  return attempt(0);
});

// The five top-level connections: pages of one filter and order are one
// list, whichever way they were fetched (first/after or last/before).
const connection = relayStylePagination(['filter', 'orderBy']);

export function createClient({ uri, possibleTypes, fetch }) {
  return new ApolloClient({
    link: ApolloLink.from([retryLink, new HttpLink({ uri, fetch })]),
    cache: new InMemoryCache({
      possibleTypes, // from possible-types.mjs
      typePolicies: {
        Query: {
          fields: {
            enterprises: connection,
            universities: connection,
            alliances: connection,
            parks: connection,
            results: connection,
          },
        },
      },
    }),
    clientAwareness: { name: 'innograph-example', version: '1.0.0' },
  });
}

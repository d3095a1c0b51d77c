// Runs the documented Apollo Client setup (client.mjs, possible-types.mjs)
// against a running server with the sample graph, comparing what the client
// hands the application with what the server answers a plain fetch.
//   INNOGRAPH_URL=http://127.0.0.1:PORT/query \
//   INNOGRAPH_SHED_URL=http://127.0.0.1:PORT2/query   (load shedding at 1 request/s, burst 1)
//   node test/apollo-client/client.test.mjs
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { gql } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { print } from 'graphql';
import { createClient } from './client.mjs';
import { fromSDL, fromServer, keylessOf, possibleTypesOf } from './possible-types.mjs';

const url = process.env.INNOGRAPH_URL;
const shedURL = process.env.INNOGRAPH_SHED_URL;
assert.ok(url && shedURL, 'INNOGRAPH_URL and INNOGRAPH_SHED_URL must be set');

// plain is what the server answers without a client library to the
// document Apollo Client sends (it adds __typename to every selection).
async function plain(document, variables = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: print(addTypenameToDocument(document)), variables }),
  });
  return res.json();
}

// counting wraps fetch and records the status of every response.
function counting() {
  const statuses = [];
  const f = async (...args) => {
    const res = await fetch(...args);
    statuses.push(res.status);
    return res;
  };
  return { fetch: f, statuses };
}

const served = await fromServer(url);
const possibleTypes = possibleTypesOf(served);

test('possibleTypes and the keyless types from introspection match schema.graphqls', async () => {
  const file = await fromSDL(await readFile(new URL('../../schema.graphqls', import.meta.url), 'utf8'));
  assert.deepEqual(possibleTypes, possibleTypesOf(file));
  assert.deepEqual(keylessOf(served), keylessOf(file));
  assert.ok(possibleTypes.Node.includes('Enterprise'), JSON.stringify(possibleTypes));
  assert.ok(keylessOf(served).includes('PageInfo') && !keylessOf(served).includes('Enterprise'));
});

const nodeFields = gql`fragment NodeBits on Node { id name region synthetic }`;
const nodeBits = gql`
  query NodeBits($ids: [ID!]!) {
    nodes(ids: $ids) { ...NodeBits }
  }
  ${nodeFields}
`;

test('a fragment on Node keeps its fields with possibleTypes, and loses them without', async () => {
  // One node of every type, as the server lists them.
  const lists = await plain(gql`{
    enterprises(first: 1) { edges { node { id } } }
    universities(first: 1) { edges { node { id } } }
    alliances(first: 1) { edges { node { id } } }
    parks(first: 1) { edges { node { id } } }
    results(first: 1) { edges { node { id } } }
  }`);
  const ids = Object.values(lists.data).map((c) => c.edges[0].node.id);
  const want = (await plain(nodeBits, { ids })).data;
  assert.equal(new Set(want.nodes.map((n) => n.__typename)).size, 5, JSON.stringify(want));

  const client = createClient({ uri: url, possibleTypes });
  const { data } = await client.query({ query: nodeBits, variables: { ids } });
  assert.deepEqual(data, want);
  // Normalised by __typename and id: each node is one record of the cache.
  for (const n of want.nodes) {
    const cached = client.readFragment({ id: client.cache.identify(n), fragment: nodeFields });
    assert.deepEqual(cached, n);
  }

  // The bug of issue 11: without possibleTypes only __typename survives.
  const blind = createClient({ uri: url });
  const lost = await blind.query({ query: nodeBits, variables: { ids } });
  assert.deepEqual(lost.data.nodes, want.nodes.map((n) => ({ __typename: n.__typename })));
});

const page = gql`
  query Enterprises($first: Int, $after: String, $last: Int, $before: String) {
    enterprises(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges { cursor node { id name } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

const idsOf = (connection) => connection.edges.map((e) => e.node.id);

// pages fetches two pages of 3 through the client, the second with fetchMore,
// and returns the merged list the cache then holds.
async function pages(first, more) {
  const client = createClient({ uri: url, possibleTypes });
  const query = client.watchQuery({ query: page, variables: first });
  const sub = query.subscribe(() => {});
  try {
    const { data } = await query.refetch();
    await query.fetchMore({ variables: more(data.enterprises.pageInfo) });
    return client.readQuery({ query: page, variables: first }).enterprises;
  } finally {
    sub.unsubscribe();
  }
}

test('relayStylePagination merges two pages forward into the first six', async () => {
  const want = (await plain(page, { first: 6 })).data.enterprises;
  const got = await pages({ first: 3 }, (p) => ({ first: 3, after: p.endCursor }));
  assert.deepEqual(idsOf(got), idsOf(want));
  assert.equal(got.pageInfo.hasNextPage, want.pageInfo.hasNextPage);
  assert.equal(got.totalCount, want.totalCount);
});

test('relayStylePagination merges two pages backward into the last six', async () => {
  const want = (await plain(page, { last: 6 })).data.enterprises;
  const got = await pages({ last: 3 }, (p) => ({ last: 3, before: p.startCursor }));
  assert.deepEqual(idsOf(got), idsOf(want));
  assert.equal(got.pageInfo.hasPreviousPage, want.pageInfo.hasPreviousPage);
});

test("errorPolicy 'all': a failing root field keeps the other's data, and NOT_FOUND is not retried", async () => {
  const partial = gql`
    query Partial {
      a: enterprises(first: 2) { edges { node { id name } } }
      b: resultTrail(id: "no-such-result") { result { id name } }
    }
  `;
  const want = await plain(partial);
  const { fetch: f, statuses } = counting();
  const client = createClient({ uri: url, possibleTypes, fetch: f });
  const { data, error } = await client.query({ query: partial, errorPolicy: 'all' });
  assert.equal(want.data.a.edges.length, 2);
  assert.deepEqual(data, { ...want.data, b: null });
  assert.ok(CombinedGraphQLErrors.is(error), String(error));
  assert.deepEqual(error.errors.map((e) => [e.path, e.extensions.code]), [[['b'], 'NOT_FOUND']]);
  assert.deepEqual(statuses, [200]);
});

test('the retry link waits Retry-After when load shedding answers 429, then succeeds', async () => {
  const names = gql`query Names($first: Int) { enterprises(first: $first) { edges { node { id name } } } }`;
  const want = await Promise.all([2, 3].map(async (first) => (await plain(names, { first })).data));
  const { fetch: f, statuses } = counting();
  const client = createClient({ uri: shedURL, possibleTypes, fetch: f });
  // The server lets this client send one request a second: of two at once, one is refused.
  const start = Date.now();
  const got = await Promise.all([2, 3].map(async (first) => (await client.query({ query: names, variables: { first } })).data));
  const waited = Date.now() - start;
  assert.deepEqual(statuses.toSorted(), [200, 200, 429]);
  assert.ok(waited >= 1000, `retried after ${waited} ms, before Retry-After`);
  assert.deepEqual(got, want);
});

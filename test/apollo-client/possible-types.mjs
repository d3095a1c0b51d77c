// possibleTypes for Apollo Client's InMemoryCache and urql's Graphcache: for
// each interface and union of the schema, the object types that implement or
// belong to it. Without it a fragment on an interface (`... on Node`) does
// not match and its fields are dropped from the cache (docs/clients.md).
//
//   node possible-types.mjs http://localhost:8080/query > possibleTypes.json
//   node possible-types.mjs schema.graphqls > possibleTypes.json   (needs the graphql package)
//
// From a server it needs introspection (on by default; off in production).
import { readFile } from 'node:fs/promises';

const introspection = '{ __schema { types { name possibleTypes { name } } } }';

// possibleTypesOf turns introspected types into { Interface: [Type, ...] }.
// gqlgen answers [] rather than null for the possibleTypes of an object
// type, so an empty list is skipped too.
export function possibleTypesOf(types) {
  const out = {};
  for (const t of types) {
    if (t.possibleTypes?.length) out[t.name] = t.possibleTypes.map((p) => p.name).sort();
  }
  return out;
}

// fromServer asks a running server (fetchFn lets a caller count or proxy requests).
export async function fromServer(url, fetchFn = fetch) {
  const res = await fetchFn(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query: introspection }),
  });
  const { data, errors } = await res.json();
  if (!data) throw new Error(`introspection failed: ${JSON.stringify(errors)}`);
  return possibleTypesOf(data.__schema.types);
}

// fromSDL reads the schema file, for builds without a server.
export async function fromSDL(sdl) {
  const { buildSchema, introspectionFromSchema } = await import('graphql');
  return possibleTypesOf(introspectionFromSchema(buildSchema(sdl)).__schema.types);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const from = process.argv[2];
  if (!from) {
    console.error('usage: node possible-types.mjs URL|schema.graphqls');
    process.exit(2);
  }
  const types = /^https?:/.test(from) ? await fromServer(from) : await fromSDL(await readFile(from, 'utf8'));
  console.log(JSON.stringify(types, null, 2));
}

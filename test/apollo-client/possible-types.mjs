// What a normalising cache must know of the schema and cannot see in a
// response (docs/clients.md):
// - possibleTypes, for Apollo Client's InMemoryCache and urql's Graphcache:
//   for each interface and union, the object types that implement or belong
//   to it. Without it a fragment on an interface (`... on Node`) does not
//   match and its fields are dropped from the cache.
// - the object types without an id (relationships, edges, page info, path
//   answers), which Graphcache should be told to keep inside their parent.
//
//   node possible-types.mjs http://localhost:8080/query > possibleTypes.json
//   node possible-types.mjs schema.graphqls > possibleTypes.json   (needs the graphql package)
//   node possible-types.mjs --keyless URL|schema.graphqls > keyless.json
//
// From a server it needs introspection (on by default; off in production).
import { readFile } from 'node:fs/promises';

const introspection = '{ __schema { queryType { name } mutationType { name } types { kind name fields { name } possibleTypes { name } } } }';

// possibleTypesOf turns an introspected schema into { Interface: [Type, ...] }.
// gqlgen answers [] rather than null for the possibleTypes of an object
// type, so an empty list is skipped too.
export function possibleTypesOf(schema) {
  const out = {};
  for (const t of schema.types) {
    if (t.possibleTypes?.length) out[t.name] = t.possibleTypes.map((p) => p.name).sort();
  }
  return out;
}

// keylessOf lists the object types that have no id field, roots and
// introspection types aside.
export function keylessOf(schema) {
  const roots = [schema.queryType?.name, schema.mutationType?.name];
  return schema.types
    .filter((t) => t.kind === 'OBJECT' && !t.name.startsWith('__') && !roots.includes(t.name))
    .filter((t) => !t.fields.some((f) => f.name === 'id'))
    .map((t) => t.name)
    .sort();
}

// fromServer introspects a running server (fetchFn lets a caller count or proxy requests).
export async function fromServer(url, fetchFn = fetch) {
  const res = await fetchFn(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query: introspection }),
  });
  const { data, errors } = await res.json();
  if (!data) throw new Error(`introspection failed: ${JSON.stringify(errors)}`);
  return data.__schema;
}

// fromSDL introspects the schema file, for builds without a server.
export async function fromSDL(sdl) {
  const { buildSchema, introspectionFromSchema } = await import('graphql');
  return introspectionFromSchema(buildSchema(sdl)).__schema;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const keyless = args[0] === '--keyless';
  const from = keyless ? args[1] : args[0];
  if (!from) {
    console.error('usage: node possible-types.mjs [--keyless] URL|schema.graphqls');
    process.exit(2);
  }
  const schema = /^https?:/.test(from) ? await fromServer(from) : await fromSDL(await readFile(from, 'utf8'));
  console.log(JSON.stringify(keyless ? keylessOf(schema) : possibleTypesOf(schema), null, 2));
}

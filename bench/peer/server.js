// A peer GraphQL server over the innograph Neo4j graph, built with
// @neo4j/graphql and Apollo Server, to benchmark the Go server against.
// It only reads: the schema generates no mutations and nothing here asserts
// indexes or constraints.
import { readFile } from "node:fs/promises";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const env = (name, fallback) => process.env[name] || fallback;
const uri = env("NEO4J_URI", "bolt://127.0.0.1:7689");
const port = Number(env("PEER_PORT", "8182"));
const maxPoolSize = Number(env("NEO4J_MAX_POOL_SIZE", "50"));

const driver = neo4j.driver(
  uri,
  neo4j.auth.basic(env("NEO4J_USER", "neo4j"), env("NEO4J_PASSWORD", "innograph-dev")),
  { maxConnectionPoolSize: maxPoolSize },
);

// PEER_TRACE=1 prints, on stderr, one JSON line per statement the library
// runs ({"cypher": …} then {"params": …}), so the benchmark can show and
// PROFILE what the peer sends. Off while measuring: it costs time.
if (process.env.PEER_TRACE) {
  const createDebug = (await import("debug")).default;
  createDebug.formatters.O = (v) => JSON.stringify(v);
  createDebug.log = (line) => {
    const text = line.slice(line.indexOf("@neo4j/graphql:execution ") + "@neo4j/graphql:execution ".length);
    if (text === "executing cypher") return;
    process.stderr.write(JSON.stringify(text.startsWith("cypher params: ") ? { params: JSON.parse(text.slice(15)) } : { cypher: text }) + "\n");
  };
  createDebug.enable("@neo4j/graphql:execution");
}

const typeDefs = await readFile(new URL("./typeDefs.graphql", import.meta.url), "utf8");
const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const server = new ApolloServer({ schema: await neoSchema.getSchema(), introspection: false });

const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port } });
console.log(`peer ready on ${url}`);

async function shutdown() {
  await server.stop();
  await driver.close();
  process.exit(0);
}
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);

package main

import (
	"github.com/innograph/innograph/graph"
	"github.com/innograph/innograph/importer"
	"github.com/innograph/innograph/neo4jdb"
)

// *neo4jdb.DB is the store of every consumer: each of the resolvers' narrow
// interfaces and the importer's. The program is where they meet, so it holds
// the check: neo4jdb does not import graph (graph → graph/model ← neo4jdb).
var (
	_ graph.Reader    = (*neo4jdb.DB)(nil)
	_ graph.Paths     = (*neo4jdb.DB)(nil)
	_ graph.Writer    = (*neo4jdb.DB)(nil)
	_ importer.Lookup = (*neo4jdb.DB)(nil)
	_ importer.Writer = (*neo4jdb.DB)(nil)
	_ graph.Store     = (*neo4jdb.DB)(nil)
)

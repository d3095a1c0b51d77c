package neo4jdb_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/innograph/innograph/importer"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// recordingDB opens the test database on an empty graph with a connection
// of its own that keeps the last statement it sent, so a test can run that
// statement again and look at what Neo4j returned before Go cut anything.
func recordingDB(t *testing.T) (*neo4jdb.DB, *neo4jdb.Query) {
	t.Helper()
	neo4jtest.Open(t)
	last := new(neo4jdb.Query)
	db, err := neo4jdb.Open(ctx, neo4jtest.Config(), func(_ context.Context, q neo4jdb.Query) { *last = q })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close(context.Background()) })
	return db, last
}

// loadJSONL writes a graph in the seed format into db.
func loadJSONL(t *testing.T, db *neo4jdb.DB, g string) {
	t.Helper()
	plan, problems, err := importer.Parse(fstest.MapFS{"g.jsonl": {Data: []byte(g)}})
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	if _, err := importer.Write(ctx, db, plan, importer.Options{}); err != nil {
		t.Fatal(err)
	}
}

package neo4jdb_test

import (
	"context"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// openProfiled opens an empty test graph through a DB that remembers the
// last statement it sent, and returns it with a function that runs that
// statement again under PROFILE, planned afresh, and answers its db hits.
func openProfiled(t *testing.T) (*neo4jdb.DB, func() int64) {
	t.Helper()
	neo4jtest.Open(t)
	cfg := neo4jtest.Config()
	var last neo4jdb.Query
	db, err := neo4jdb.Open(ctx, cfg, func(_ context.Context, q neo4jdb.Query) { last = q })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close(context.Background()) })
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { driver.Close(context.Background()) })
	return db, func() int64 {
		t.Helper()
		// Planned afresh: a plan cached while an earlier test's graph was
		// small (Neo4j replans a changed graph only after
		// dbms.cypher.min_replan_interval) sorts what a seek finds rather
		// than read the index in order, and made these tests flaky.
		res, err := neo4j.ExecuteQuery(ctx, driver, "CYPHER replan=force PROFILE "+last.Cypher, last.Params, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(cfg.Database))
		if err != nil {
			t.Fatal(err)
		}
		return neo4jdb.DBHits(res.Summary.Profile())
	}
}

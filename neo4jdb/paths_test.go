package neo4jdb_test

import (
	"testing"
	"time"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
	"github.com/innograph/innograph/synthetic"
)

// TestPathTimeout: a path expansion that outlives NEO4J_PATH_TIMEOUT is stopped
// by Neo4j and reported as TIMEOUT, and the database serves the next query.
func TestPathTimeout(t *testing.T) {
	shared, _ := neo4jtest.Open(t)
	neo4jtest.LoadSynthetic(t, shared, synthetic.DefaultConfig(3000, 7))

	tight := neo4jtest.Config()
	tight.PathTimeout = time.Millisecond
	db, err := neo4jdb.Open(ctx, tight, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	// Three levels around the largest hub, without a degree cap, and every
	// relationship among a thousand nodes: about 1.5 s of work, far beyond the
	// timeout and the local Neo4j's 100 ms timeout check.
	_, err = db.Network(ctx, model.NetworkQuery{ID: synthetic.ID("uni", 0), Depth: 3, MaxNodes: 1000, Edges: true, Hubs: true})
	if model.ErrorCode(err) != model.CodeTimeout {
		t.Fatalf("want TIMEOUT, got %v", err)
	}
	if _, err := db.NodesByID(ctx, []string{synthetic.ID("ent", 1)}); err != nil {
		t.Errorf("the next query after a timeout: %v", err)
	}
}

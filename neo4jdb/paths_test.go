package neo4jdb_test

import (
	"testing"
	"time"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/importer"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
	"github.com/innograph/innograph/synthetic"
)

// TestPathTimeout: a path search that outlives NEO4J_PATH_TIMEOUT is stopped
// by Neo4j and reported as TIMEOUT, and the database serves the next query.
func TestPathTimeout(t *testing.T) {
	shared, _ := neo4jtest.Open(t)
	var rows []importer.Row
	cfg := synthetic.DefaultConfig(3000, 7)
	if err := synthetic.Generate(cfg, func(r map[string]any) error {
		rows = append(rows, importer.Row{Pos: importer.Pos{File: "generated", Line: len(rows) + 1}, Raw: r})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	plan, problems, err := importer.Validate(ctx, rows, shared)
	if err != nil || len(problems) > 0 {
		t.Fatalf("synthetic graph: %v %v", err, problems)
	}
	if _, err := importer.Write(ctx, shared, plan, importer.Options{}); err != nil {
		t.Fatal(err)
	}

	tight := neo4jtest.Config()
	tight.PathTimeout = time.Millisecond
	db, err := neo4jdb.Open(ctx, tight, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	// Six hops without a degree cap over a graph of 3,000 nodes and 35,000
	// relationships: far more than a millisecond of work.
	_, err = db.Chains(ctx, model.ChainQuery{From: synthetic.ID("ent", 1), To: synthetic.ID("ent", 2), MaxHops: 6, First: 20})
	if model.ErrorCode(err) != model.CodeTimeout {
		t.Fatalf("want TIMEOUT, got %v", err)
	}
	if _, err := db.NodesByID(ctx, []string{synthetic.ID("ent", 1)}); err != nil {
		t.Errorf("the next query after a timeout: %v", err)
	}
}

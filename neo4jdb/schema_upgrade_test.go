package neo4jdb_test

import (
	"context"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// TestSearchIndexGainsNewTypes: a database whose full-text index was made
// before the people, intermediaries, projects and demands existed gets an
// index over them at the next start, so they can be found.
func TestSearchIndexGainsNewTypes(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	ctx := context.Background()
	for _, stmt := range []string{
		"DROP INDEX node_search IF EXISTS",
		"CREATE FULLTEXT INDEX node_search IF NOT EXISTS FOR (n:Enterprise|University|Alliance|Park|Result) ON EACH [n.name, n.nameEn, n.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}}",
	} {
		if err := db.Write(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	if err := db.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateNode(ctx, model.NodeKindPerson, "per-t", map[string]any{"name": "刘鸿亮", "synthetic": false}); err != nil {
		t.Fatal(err)
	}
	hits, err := db.Search(ctx, model.SearchQuery{Text: "鸿亮", First: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits.Items) != 1 || hits.Items[0].Node.NodeID() != "per-t" {
		t.Errorf("search 鸿亮 after the upgrade: %+v, want per-t", hits)
	}
}

package neo4jdb_test

import (
	"slices"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// TestWritesReachReadBookmarks: a write's bookmark is one the reads wait
// on, so in a cluster a read routed to a secondary after a mutation sees
// it (causal consistency; a single server answers either way, so the
// bookmark itself is what the test can check).
func TestWritesReachReadBookmarks(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	before, err := db.ReadBookmarks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, db, model.NodeKindPark, map[string]any{"id": "park-bookmark", "name": "书签园", "kind": "INCUBATOR"})
	after, err := db.ReadBookmarks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) == 0 || slices.Equal(before, after) {
		t.Errorf("the reads' bookmarks did not move with the write: %v before, %v after", before, after)
	}
}

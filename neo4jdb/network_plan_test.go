package neo4jdb_test

import (
	"fmt"
	"testing"

	"github.com/innograph/innograph/graph/model"
)

// TestNetworkEdgesSkipBigGroups profiles the network of an enterprise that
// collaborates with a university developing results: the university, over
// the degree cap, is kept but not expanded, and its edges are read only by
// the kinds it holds few of, so the network costs the same 94 db hits when
// it develops 2,000 results as with 100. (Listing every kept node's
// outgoing relationships read them all: 136 db hits, then 2,036.)
func TestNetworkEdgesSkipBigGroups(t *testing.T) {
	db, lastHits := openProfiled(t)
	for kind, rows := range map[model.NodeKind][]model.NodeRow{
		model.NodeKindEnterprise: {{ID: "C", Props: map[string]any{"name": "企业"}}},
		model.NodeKindUniversity: {{ID: "U", Props: map[string]any{"name": "大学", "kind": "UNIVERSITY"}}},
	} {
		if _, err := db.UpsertNodes(ctx, kind, rows); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.UpsertRelations(ctx, model.RelationKindCollaboration, []model.RelationRow{{From: "C", To: "U", Props: map[string]any{"kind": "JOINT_LAB"}}}); err != nil {
		t.Fatal(err)
	}
	// develop gives U results from..to-1.
	develop := func(from, to int) {
		t.Helper()
		var results []model.NodeRow
		var developed []model.RelationRow
		for i := from; i < to; i++ {
			id := fmt.Sprintf("r%04d", i)
			results = append(results, model.NodeRow{ID: id, Props: map[string]any{"name": "成果", "kind": "PATENT"}})
			developed = append(developed, model.RelationRow{From: "U", To: id, Props: map[string]any{}})
		}
		if _, err := db.UpsertNodes(ctx, model.NodeKindResult, results); err != nil {
			t.Fatal(err)
		}
		if _, err := db.UpsertRelations(ctx, model.RelationKindDevelopment, developed); err != nil {
			t.Fatal(err)
		}
	}
	// network answers the network's edges and its db hits.
	network := func() (string, int64) {
		t.Helper()
		net, err := db.Network(ctx, model.NetworkQuery{ID: "C", Depth: 2, MaxNodes: 200, MaxEdges: 1000,
			PathScope: model.PathScope{MaxDegree: 50}, Edges: true, Hubs: true})
		if err != nil {
			t.Fatal(err)
		}
		var edges string
		for _, e := range net.Edges {
			edges += e.FromID + ">" + e.ToID + " "
		}
		return edges, lastHits()
	}
	develop(0, 100)
	edges, small := network()
	develop(100, 2000)
	grownEdges, grown := network()
	t.Logf("db hits of the network: %d with 100 results, %d with 2,000", small, grown)
	if edges != "C>U " || grownEdges != edges {
		t.Errorf("edges %q, then %q; want C>U", edges, grownEdges)
	}
	if grown > small+small/10 {
		t.Errorf("db hits grew from %d to %d with the hub's results: its big group was read", small, grown)
	}
}

package neo4jdb_test

import (
	"fmt"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// TestDeepReadAheadOnAHub: the deepest read-ahead the depth limit allows
// (alliances → members → alliances → members → alliances, first 20, 20, 20,
// 1, 1) around a hub is answered in a few statements of one level each
// below the first two, every list as its loader would read it.
func TestDeepReadAheadOnAHub(t *testing.T) {
	db, counter := neo4jtest.Open(t)
	var members []model.RelationRow
	var enterprises, alliances []model.NodeRow
	for a := range 3 {
		alliances = append(alliances, model.NodeRow{ID: fmt.Sprintf("a%d", a), Props: map[string]any{"name": fmt.Sprintf("联盟%d", a)}})
	}
	for e := range 30 {
		id := fmt.Sprintf("e%02d", e)
		enterprises = append(enterprises, model.NodeRow{ID: id, Props: map[string]any{"name": "企业" + id}})
		for _, a := range alliances {
			members = append(members, model.RelationRow{From: id, To: a.ID, Props: map[string]any{"role": "MEMBER"}})
		}
	}
	if _, err := db.UpsertNodes(ctx, model.NodeKindEnterprise, enterprises); err != nil {
		t.Fatal(err)
	}
	if _, err := db.UpsertNodes(ctx, model.NodeKindAlliance, alliances); err != nil {
		t.Fatal(err)
	}
	if _, err := db.UpsertRelations(ctx, model.RelationKindMembership, members); err != nil {
		t.Fatal(err)
	}
	plan := deepPlan(20, 20, 20, 1, 1)
	counter.Reset()
	got, err := db.Prefetch(ctx, []string{"e00"}, []string{"id"}, plan)
	if err != nil {
		t.Fatal(err)
	}
	// e00 and its alliances' members in one statement, then one per level.
	if n := counter.Count(); n != 4 {
		t.Errorf("%d statements, want 4", n)
	}
	alliancesOf, membersOf := plan[0].Query, plan[0].Next[0].Query
	if n := len(got.Relations[alliancesOf]["e00"].Items); n != 3 {
		t.Errorf("e00 has %d alliances, want 3", n)
	}
	// Every member's alliances (3), every alliance's first 20 members.
	for _, e := range enterprises[:20] {
		if n := len(got.Relations[alliancesOf][e.ID].Items); n != 3 {
			t.Errorf("%s has %d alliances read, want 3", e.ID, n)
		}
	}
	for _, a := range alliances {
		if n := len(got.Relations[membersOf][a.ID].Items); n != 20 {
			t.Errorf("%s has %d members read, want 20", a.ID, n)
		}
	}
	// The lowest members(first: 1) list: a primed loader's answer.
	lowest := plan[0].Next[0].Next[0].Next[0].Query
	if rels := got.Relations[lowest]["a0"].Items; len(rels) != 1 || rels[0].Relation.Endpoints().FromID != "e00" {
		t.Errorf("a0's first member: %+v", rels)
	}
}

package neo4jdb_test

import (
	"fmt"
	"testing"

	"github.com/innograph/innograph/graph/model"
)

// TestHubsRankByDegree: a hub's total is its relationships of the counted
// kinds, each kind once however often it is named, and the same as the sum
// of its counts by kind; ranking by every kind reads each node's degree
// rather than counting each of the twelve kinds on every node ranked.
func TestHubsRankByDegree(t *testing.T) {
	db, profile := openProfiled(t)
	for _, id := range []string{"L1", "L2", "L3"} {
		mustCreate(t, db, model.NodeKindAlliance, map[string]any{"id": id, "name": "联盟" + id})
	}
	mustCreate(t, db, model.NodeKindPark, map[string]any{"id": "P", "name": "园区", "kind": "INCUBATOR"})
	mustCreate(t, db, model.NodeKindUniversity, map[string]any{"id": "U", "name": "大学", "kind": "UNIVERSITY"})
	const others = 60
	for i := range others + 2 {
		mustCreate(t, db, model.NodeKindEnterprise, map[string]any{"id": fmt.Sprintf("e%02d", i), "name": "企业"})
	}
	relate := func(kind model.RelationKind, from, to string) {
		t.Helper()
		props := map[string]any{}
		if kind == model.RelationKindCollaboration {
			props["kind"] = "JOINT_LAB"
		}
		if _, err := db.AddRelation(ctx, kind, from, to, props); err != nil {
			t.Fatal(err)
		}
	}
	// e00: three memberships; e01: a location and a collaboration; the
	// others one membership each.
	for _, l := range []string{"L1", "L2", "L3"} {
		relate(model.RelationKindMembership, "e00", l)
	}
	relate(model.RelationKindLocation, "e01", "P")
	relate(model.RelationKindCollaboration, "e01", "U")
	for i := 2; i < others+2; i++ {
		relate(model.RelationKindMembership, fmt.Sprintf("e%02d", i), "L1")
	}

	for _, c := range []struct {
		name  string
		kinds []model.RelationKind
		want  []string // the top two, as id:total:counts by kind
	}{
		{"every kind", nil, []string{"e00:3", "e01:2"}},
		{"memberships named twice", []model.RelationKind{model.RelationKindMembership, model.RelationKindMembership},
			[]string{"e00:3:[3 3]", "e02:1:[1 1]"}},
		{"locations and collaborations", []model.RelationKind{model.RelationKindLocation, model.RelationKindCollaboration},
			[]string{"e01:2:[1 1]", "e00:0:[0 0]"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			page, err := db.Hubs(ctx, model.HubQuery{Kind: model.NodeKindEnterprise, Kinds: c.kinds, First: 2})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range page.Items {
				sum, counts := 0, []int{}
				for _, k := range h.ByKind {
					sum += k.Count
					counts = append(counts, k.Count)
				}
				if c.kinds == nil {
					if sum != h.Total {
						t.Errorf("%s: total %d, counts by kind add up to %d", h.Node.NodeID(), h.Total, sum)
					}
					got = append(got, fmt.Sprintf("%s:%d", h.Node.NodeID(), h.Total))
					continue
				}
				got = append(got, fmt.Sprintf("%s:%d:%v", h.Node.NodeID(), h.Total, counts))
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}

	// A count by kind costs at least a db hit a kind a node: 12 × 62 here.
	if _, err := db.Hubs(ctx, model.HubQuery{Kind: model.NodeKindEnterprise, First: 2}); err != nil {
		t.Fatal(err)
	}
	if hits := profile(); hits >= 12*(others+2) {
		t.Errorf("ranking %d enterprises by every kind cost %d db hits: counted kind by kind", others+2, hits)
	}
}

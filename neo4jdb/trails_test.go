package neo4jdb_test

import (
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// TestTrailsOrderRolesAsTheTable: a trail lists developers and alliances in
// the order of their spec's roles (model.RelationSpec.Roles), as the
// relationship lists do — lead developers before participants, chair units,
// vice chairs, secretariats, then members — and by id within a role; the
// ids here run against that order, and the role names' alphabetical order
// (CHAIR, MEMBER, SECRETARIAT, VICE_CHAIR) differs from it.
func TestTrailsOrderRolesAsTheTable(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	upsert := func(kind model.NodeKind, ids ...string) {
		rows := make([]model.NodeRow, len(ids))
		for i, id := range ids {
			rows[i] = model.NodeRow{ID: id, Props: map[string]any{"name": id}}
		}
		if kind == model.NodeKindResult {
			for i := range rows {
				rows[i].Props["kind"] = string(model.ResultKindPatent)
			}
		}
		if _, err := db.UpsertNodes(ctx, kind, rows); err != nil {
			t.Fatal(err)
		}
	}
	relate := func(kind model.RelationKind, rows ...model.RelationRow) {
		if _, err := db.UpsertRelations(ctx, kind, rows); err != nil {
			t.Fatal(err)
		}
	}
	upsert(model.NodeKindEnterprise, "d1", "d2", "d3", "e")
	upsert(model.NodeKindAlliance, "a1", "a2", "a3", "a4", "a5")
	upsert(model.NodeKindResult, "r")
	relate(model.RelationKindDevelopment,
		model.RelationRow{From: "d1", To: "r", Props: map[string]any{"role": "PARTICIPANT"}},
		model.RelationRow{From: "d2", To: "r", Props: map[string]any{"role": "LEAD"}},
		model.RelationRow{From: "d3", To: "r", Props: map[string]any{"role": "PARTICIPANT"}})
	relate(model.RelationKindTransfer, model.RelationRow{From: "r", To: "e", Props: map[string]any{"mode": string(model.TransferModeLicence)}})
	relate(model.RelationKindMembership,
		model.RelationRow{From: "e", To: "a1", Props: map[string]any{"role": "MEMBER"}},
		model.RelationRow{From: "e", To: "a2", Props: map[string]any{"role": "SECRETARIAT"}},
		model.RelationRow{From: "e", To: "a3", Props: map[string]any{"role": "VICE_CHAIR"}},
		model.RelationRow{From: "e", To: "a4", Props: map[string]any{"role": "CHAIR"}},
		model.RelationRow{From: "e", To: "a5", Props: map[string]any{"role": "MEMBER"}})
	wantDevs := []string{"d2 LEAD", "d1 PARTICIPANT", "d3 PARTICIPANT"}

	trail, err := db.ResultTrail(ctx, model.TrailQuery{ID: "r", First: 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(trail.Transfers) != 1 {
		t.Fatalf("%d transfers, want 1", len(trail.Transfers))
	}
	var devs, alliances []string
	for _, d := range trail.Developers {
		devs = append(devs, d.FromID+" "+string(d.Role))
	}
	for _, m := range trail.Transfers[0].Alliances {
		alliances = append(alliances, m.ToID+" "+string(m.Role))
	}
	equalOrder(t, "resultTrail developers", devs, wantDevs)
	equalOrder(t, "resultTrail alliances", alliances, []string{"a4 CHAIR", "a3 VICE_CHAIR", "a2 SECRETARIAT", "a1 MEMBER", "a5 MEMBER"})

	sources, err := db.TechnologySources(ctx, model.TrailQuery{ID: "e", First: 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(sources.Sources) != 1 {
		t.Fatalf("%d sources, want 1", len(sources.Sources))
	}
	devs = nil
	for _, d := range sources.Sources[0].Developers {
		devs = append(devs, d.FromID+" "+string(d.Role))
	}
	equalOrder(t, "technologySources developers", devs, wantDevs)
}

func equalOrder(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %v, want %v", what, got, want)
		return
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s: %v, want %v", what, got, want)
			return
		}
	}
}

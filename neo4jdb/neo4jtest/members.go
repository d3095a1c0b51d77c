package neo4jtest

import (
	"fmt"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
)

// LoadMembers adds the alliance id, named name, with n enterprise members
// <prefix>000, <prefix>001 …, for tests that page through a long
// relationship list: their names repeat every 7 (so ties are broken by id)
// and every chairEvery-th, from the fourth, is a chair unit.
func LoadMembers(t testing.TB, db *neo4jdb.DB, id, name, prefix string, n, chairEvery int) {
	t.Helper()
	enterprises := make([]model.NodeRow, n)
	members := make([]model.RelationRow, n)
	for i := range n {
		e := fmt.Sprintf("%s%03d", prefix, i)
		enterprises[i] = model.NodeRow{ID: e, Props: map[string]any{"name": fmt.Sprintf("成员%d", i%7)}}
		role := "MEMBER"
		if i%chairEvery == 3 {
			role = "CHAIR"
		}
		members[i] = model.RelationRow{From: e, To: id, Props: map[string]any{"role": role}}
	}
	if _, err := db.UpsertNodes(t.Context(), model.NodeKindEnterprise, enterprises); err != nil {
		t.Fatal(err)
	}
	if _, err := db.UpsertNodes(t.Context(), model.NodeKindAlliance, []model.NodeRow{{ID: id, Props: map[string]any{"name": name}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.UpsertRelations(t.Context(), model.RelationKindMembership, members); err != nil {
		t.Fatal(err)
	}
}

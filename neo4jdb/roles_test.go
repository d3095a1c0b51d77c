package neo4jdb

import (
	"testing"

	"github.com/innograph/innograph/graph/model"
)

// TestRoleRank: the rank follows the spec's role order, chairs and lead
// developers first, and the text is the one the list statements were
// planned with.
func TestRoleRank(t *testing.T) {
	for kind, want := range map[model.RelationKind]string{
		model.RelationKindMembership:  "CASE r.role WHEN 'CHAIR' THEN 0 WHEN 'VICE_CHAIR' THEN 1 WHEN 'SECRETARIAT' THEN 2 ELSE 3 END",
		model.RelationKindDevelopment: "CASE r.role WHEN 'LEAD' THEN 0 ELSE 1 END",
	} {
		if got := roleRank("r", model.RelationSpecs[kind].Roles()); got != want {
			t.Errorf("%s: got %s, want %s", kind, got, want)
		}
	}
}

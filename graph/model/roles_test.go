package model

import (
	"slices"
	"testing"
)

func TestRoles(t *testing.T) {
	for kind, want := range map[RelationKind][]string{
		RelationKindMembership:    {"CHAIR", "VICE_CHAIR", "SECRETARIAT", "MEMBER"},
		RelationKindDevelopment:   {"LEAD", "PARTICIPANT"},
		RelationKindLocation:      nil,
		RelationKindTransfer:      nil,
		RelationKindCollaboration: nil,
	} {
		if got := RelationSpecs[kind].Roles(); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", kind, got, want)
		}
	}
}

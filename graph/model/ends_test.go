package model

import (
	"errors"
	"testing"
)

func TestCheckNotSelf(t *testing.T) {
	spec := RelationSpecs[RelationKindCollaboration]
	if err := spec.CheckNotSelf("ent-1", "ent-2"); err != nil {
		t.Fatalf("two nodes: %v", err)
	}
	err := spec.CheckNotSelf("ent-1", "ent-1")
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeBadUserInput || e.Field != "toId" || e.Message != "a node cannot be related to itself" {
		t.Fatalf("one node: got %#v", err)
	}
}

func TestCheckEnds(t *testing.T) {
	kinds := map[string]NodeKind{"ent-1": NodeKindEnterprise, "uni-1": NodeKindUniversity, "all-1": NodeKindAlliance, "res-1": NodeKindResult}
	kindOf := func(id string) (NodeKind, bool) { k, ok := kinds[id]; return k, ok }
	membership := RelationSpecs[RelationKindMembership]
	for _, tc := range []struct {
		name, from, to, searched string
		wantField, wantMessage   string
	}{
		{name: "enterprise in alliance", from: "ent-1", to: "all-1"},
		{name: "university in alliance", from: "uni-1", to: "all-1"},
		{name: "missing from", from: "ent-9", to: "all-1", wantField: "memberId", wantMessage: `no node with id "ent-9"`},
		{name: "missing to, searched", from: "ent-1", to: "all-9", searched: "this load or the database",
			wantField: "allianceId", wantMessage: `no node with id "all-9" in this load or the database`},
		{name: "wrong from", from: "res-1", to: "all-1", wantField: "memberId", wantMessage: `"res-1" is of type Result; expected Enterprise or University`},
		{name: "wrong to", from: "ent-1", to: "uni-1", wantField: "allianceId", wantMessage: `"uni-1" is of type University; expected Alliance`},
		{name: "from before to", from: "all-1", to: "ent-9", wantField: "memberId", wantMessage: `"all-1" is of type Alliance; expected Enterprise or University`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := membership.CheckEnds(tc.from, tc.to, kindOf, tc.searched)
			if tc.wantField == "" {
				if err != nil {
					t.Fatalf("want nil, got %v", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Code != CodeBadUserInput || e.Field != tc.wantField || e.Message != tc.wantMessage {
				t.Fatalf("want %s: %s, got %#v", tc.wantField, tc.wantMessage, err)
			}
		})
	}
}

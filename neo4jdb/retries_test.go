package neo4jdb_test

import (
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/graph/model/modeltest"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// A create or add whose outcome the client could not learn (UNAVAILABLE
// after the commit) must be safe to retry: the same id and the same values
// answer with the existing node or relationship; anything else under the
// same id or between the same ends is still refused.
func TestRetriedWritesAreIdempotent(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	ent := map[string]any{"id": "e1", "name": " 科河种业 ", "aliases": []any{"科河"}, "founded": 2001,
		"creditCode": "914403001922038216", "certifications": []any{"TECH_CENTER", "HIGH_TECH"}}
	first := mustCreate(t, db, model.NodeKindEnterprise, ent).(*model.Enterprise)
	again := mustCreate(t, db, model.NodeKindEnterprise, ent).(*model.Enterprise)
	if again.ID != first.ID || again.Name != "科河种业" || *again.Founded != 2001 || len(again.Certifications) != 2 {
		t.Errorf("a retried create returns the node: %+v", again)
	}
	mustCreate(t, db, model.NodeKindAlliance, map[string]any{"id": "a1", "name": "联盟"})
	member := map[string]any{"memberId": "e1", "allianceId": "a1", "role": "CHAIR", "since": 2015}
	mustRelate(t, db, model.RelationKindMembership, member)
	if r := mustRelate(t, db, model.RelationKindMembership, member).(*model.Membership); r.Role != model.MemberRoleChair {
		t.Errorf("a retried add returns the relationship: %+v", r)
	}
	got, _ := db.Relations(ctx, model.RelationQuery{Kind: model.RelationKindMembership, Dir: model.Outgoing, First: 5}, []string{"e1"})
	if len(got["e1"].Items) != 1 {
		t.Errorf("a retried add must not duplicate: %d memberships", len(got["e1"].Items))
	}

	for _, tc := range []struct {
		name  string
		kind  model.NodeKind
		id    string
		props map[string]any
		field string
	}{
		{"OtherValues", model.NodeKindEnterprise, "e1", map[string]any{"name": "科河种业", "founded": int64(2002)}, "id"},
		{"FewerValues", model.NodeKindEnterprise, "e1", map[string]any{"name": "科河种业"}, "id"},
		{"OtherKind", model.NodeKindAlliance, "e1", map[string]any{"name": "科河种业"}, "id"},
		{"CreditCodeOfAnother", model.NodeKindEnterprise, "e2", map[string]any{"name": "x", "creditCode": "914403001922038216"}, "creditCode"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := db.CreateNode(ctx, tc.kind, tc.id, tc.props); modeltest.Code(err) != model.CodeBadUserInput || modeltest.Field(err) != tc.field {
				t.Errorf("want BAD_USER_INPUT on %s, got %v", tc.field, err)
			}
		})
	}
	t.Run("OtherRelationValues", func(t *testing.T) {
		_, err := db.AddRelation(ctx, model.RelationKindMembership, "e1", "a1", map[string]any{"role": "CHAIR", "since": int64(2016)})
		if modeltest.Code(err) != model.CodeBadUserInput {
			t.Errorf("want BAD_USER_INPUT, got %v", err)
		}
	})
}

// Concurrent identical creates (a client retrying while its first attempt
// is still running) all succeed and leave one node.
func TestConcurrentIdenticalCreates(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	id, props, err := model.NodeSpecs[model.NodeKindPark].Validate(map[string]any{"id": "p1", "name": "园区", "kind": "INCUBATOR"}, model.Create)
	if err != nil {
		t.Fatal(err)
	}
	counts, errs := concurrently(16, func(int) error {
		_, err := db.CreateNode(ctx, model.NodeKindPark, id, props)
		return err
	})
	if counts[""] != 16 {
		t.Fatalf("outcomes %v %v", counts, errs)
	}
	if got, _ := db.NodesByID(ctx, []string{"p1"}); len(got) != 1 {
		t.Errorf("got %v", got)
	}
}

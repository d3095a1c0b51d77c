package neo4jdb_test

import (
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/graph/model/modeltest"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// smallGraph: two enterprises and a university in an alliance (one chair),
// an incubator inside a zone, a result developed by the university and
// transferred to an enterprise, and a collaboration.
func smallGraph(t *testing.T, db *neo4jdb.DB) {
	t.Helper()
	for _, n := range []struct {
		kind model.NodeKind
		raw  map[string]any
	}{
		{model.NodeKindEnterprise, map[string]any{"id": "e1", "name": "甲企业"}},
		{model.NodeKindEnterprise, map[string]any{"id": "e2", "name": "乙企业"}},
		{model.NodeKindUniversity, map[string]any{"id": "u1", "name": "丙大学", "kind": "UNIVERSITY"}},
		{model.NodeKindAlliance, map[string]any{"id": "a1", "name": "联盟"}},
		{model.NodeKindPark, map[string]any{"id": "p1", "name": "高新区", "kind": "HIGH_TECH_ZONE"}},
		{model.NodeKindPark, map[string]any{"id": "p2", "name": "孵化器", "kind": "INCUBATOR"}},
		{model.NodeKindResult, map[string]any{"id": "r1", "name": "成果", "kind": "PATENT"}},
	} {
		mustCreate(t, db, n.kind, n.raw)
	}
	for _, r := range []struct {
		kind model.RelationKind
		raw  map[string]any
	}{
		{model.RelationKindMembership, map[string]any{"memberId": "e1", "allianceId": "a1"}},
		{model.RelationKindMembership, map[string]any{"memberId": "u1", "allianceId": "a1"}},
		{model.RelationKindMembership, map[string]any{"memberId": "e2", "allianceId": "a1", "role": "CHAIR"}},
		{model.RelationKindLocation, map[string]any{"tenantId": "p2", "parkId": "p1"}},
		{model.RelationKindLocation, map[string]any{"tenantId": "e1", "parkId": "p2", "graduated": true}},
		{model.RelationKindDevelopment, map[string]any{"developerId": "u1", "resultId": "r1", "year": 2019}},
		{model.RelationKindTransfer, map[string]any{"resultId": "r1", "enterpriseId": "e1", "mode": "LICENCE", "value": 120.5}},
		{model.RelationKindCollaboration, map[string]any{"fromId": "u1", "toId": "e2", "kind": "JOINT_LAB", "title": "联合实验室"}},
	} {
		mustRelate(t, db, r.kind, r.raw)
	}
}

func TestRelationsBatch(t *testing.T) {
	db, counter := neo4jtest.Open(t)
	smallGraph(t, db)
	for _, tc := range []struct {
		name string
		q    model.RelationQuery
		ids  []string
		want map[string][]string // parent → far-end ids in order
	}{
		{"MembersChairFirst", model.RelationQuery{Kind: model.RelationKindMembership, Dir: model.Incoming, First: 10},
			[]string{"a1"}, map[string][]string{"a1": {"e2", "u1", "e1"}}},
		{"MembersLimited", model.RelationQuery{Kind: model.RelationKindMembership, Dir: model.Incoming, First: 1},
			[]string{"a1"}, map[string][]string{"a1": {"e2"}}},
		{"AlliancesOfMany", model.RelationQuery{Kind: model.RelationKindMembership, Dir: model.Outgoing, First: 10},
			[]string{"e1", "e2", "u1", "p1"}, map[string][]string{"e1": {"a1"}, "e2": {"a1"}, "u1": {"a1"}}},
		{"EnterprisesInPark", model.RelationQuery{Kind: model.RelationKindLocation, Dir: model.Incoming, Far: model.NodeKindEnterprise, First: 10},
			[]string{"p1", "p2"}, map[string][]string{"p2": {"e1"}}},
		{"ParkTenants", model.RelationQuery{Kind: model.RelationKindLocation, Dir: model.Incoming, First: 10},
			[]string{"p1"}, map[string][]string{"p1": {"p2"}}},
		{"CollaborationBothWays", model.RelationQuery{Kind: model.RelationKindCollaboration, Dir: model.Both, First: 10},
			[]string{"u1", "e2"}, map[string][]string{"u1": {"e2"}, "e2": {"u1"}}},
		{"Transfers", model.RelationQuery{Kind: model.RelationKindTransfer, Dir: model.Incoming, First: 10},
			[]string{"e1"}, map[string][]string{"e1": {"r1"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			counter.Reset()
			q := tc.q
			q.Count = true
			got, err := db.Relations(ctx, q, tc.ids)
			if err != nil {
				t.Fatal(err)
			}
			if counter.Count() != 1 {
				t.Errorf("%d round trips for %d parents, want 1", counter.Count(), len(tc.ids))
			}
			withRels := 0
			for parent, page := range got {
				if len(page.Items) > 0 {
					withRels++
				}
				// Counted in either direction and with a far-end label.
				if !page.More && page.Total != len(page.Items) || page.More && page.Total <= len(page.Items) {
					t.Errorf("%s: total %d for %d relationships, more %v", parent, page.Total, len(page.Items), page.More)
				}
			}
			if withRels != len(tc.want) || len(got) != len(tc.ids) {
				t.Errorf("parents with relationships: got %d of %d, want %d of %d", withRels, len(got), len(tc.want), len(tc.ids))
			}
			for parent, wantFar := range tc.want {
				rels := got[parent].Items
				if len(rels) != len(wantFar) {
					t.Fatalf("%s: %d relationships, want %d", parent, len(rels), len(wantFar))
				}
				for i, r := range rels {
					e := r.Relation.Endpoints()
					far, farNode := e.ToID, e.ToNode
					if e.ToID == parent {
						far, farNode = e.FromID, e.FromNode
					}
					if far != wantFar[i] || farNode == nil || farNode.NodeID() != far || e.ViewFrom != parent {
						t.Errorf("%s[%d]: far end %s (node %v), want %s", parent, i, far, farNode, wantFar[i])
					}
				}
			}
		})
	}
	t.Run("Properties", func(t *testing.T) {
		got, err := db.Relations(ctx, model.RelationQuery{Kind: model.RelationKindTransfer, Dir: model.Outgoing, First: 5}, []string{"r1"})
		if err != nil {
			t.Fatal(err)
		}
		tr := got["r1"].Items[0].Relation.(*model.Transfer)
		if tr.Mode != model.TransferModeLicence || *tr.Value != 120.5 || tr.FromID != "r1" || tr.ToID != "e1" {
			t.Errorf("transfer %+v", tr)
		}
	})
}

func TestAddRelationErrors(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	smallGraph(t, db)
	for _, tc := range []struct {
		name     string
		kind     model.RelationKind
		from, to string
		props    map[string]any
		code     model.Code
		field    string
	}{
		{"ErrMissingFrom", model.RelationKindMembership, "nope", "a1", map[string]any{"role": "MEMBER"}, model.CodeBadUserInput, "memberId"},
		{"ErrMissingTo", model.RelationKindMembership, "e1", "nope", map[string]any{"role": "MEMBER"}, model.CodeBadUserInput, "allianceId"},
		{"ErrWrongKind", model.RelationKindMembership, "p1", "a1", map[string]any{"role": "MEMBER"}, model.CodeBadUserInput, "memberId"},
		{"ErrDuplicate", model.RelationKindMembership, "e1", "a1", map[string]any{"role": "CHAIR"}, model.CodeBadUserInput, "memberId"},
		{"ErrSelf", model.RelationKindCollaboration, "e1", "e1", map[string]any{"kind": "OTHER"}, model.CodeBadUserInput, "toId"},
		{"ErrDuplicateReversed", model.RelationKindCollaboration, "e2", "u1", map[string]any{"kind": "JOINT_LAB"}, model.CodeBadUserInput, "fromId"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := db.AddRelation(ctx, tc.kind, tc.from, tc.to, tc.props)
			if modeltest.Code(err) != tc.code || modeltest.Field(err) != tc.field {
				t.Errorf("got %v (field %q), want %s on %s", err, modeltest.Field(err), tc.code, tc.field)
			}
		})
	}
	t.Run("DuplicateLeftUnchanged", func(t *testing.T) {
		got, _ := db.Relations(ctx, model.RelationQuery{Kind: model.RelationKindMembership, Dir: model.Outgoing, First: 5}, []string{"e1"})
		if m := got["e1"].Items; len(m) != 1 || m[0].Relation.(*model.Membership).Role != model.MemberRoleMember {
			t.Errorf("a refused add must change nothing: %+v", m)
		}
	})
	t.Run("SecondKindBetweenSamePair", func(t *testing.T) {
		if _, err := db.AddRelation(ctx, model.RelationKindCollaboration, "e2", "u1", map[string]any{"kind": "JOINT_PROJECT"}); err != nil {
			t.Error(err)
		}
	})
}

func TestUpdateRemoveRelation(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	smallGraph(t, db)
	key := map[string]any{"mode": "LICENCE"}
	r, err := db.UpdateRelation(ctx, model.RelationKindTransfer, "r1", "e1", key, map[string]any{"value": nil, "year": int64(2021)})
	if err != nil {
		t.Fatal(err)
	}
	if tr := r.(*model.Transfer); tr.Value != nil || *tr.Year != 2021 || tr.FromNode.NodeID() != "r1" {
		t.Errorf("updated %+v", tr)
	}
	if _, err := db.UpdateRelation(ctx, model.RelationKindTransfer, "r1", "e1", map[string]any{"mode": "EQUITY"}, nil); modeltest.Code(err) != model.CodeNotFound {
		t.Errorf("other mode: want NOT_FOUND, got %v", err)
	}
	// Collaborations match in either direction.
	c, err := db.UpdateRelation(ctx, model.RelationKindCollaboration, "e2", "u1", map[string]any{"kind": "JOINT_LAB"}, map[string]any{"since": int64(2018)})
	if err != nil || *c.(*model.Collaboration).Since != 2018 {
		t.Fatalf("update reversed collaboration: %v", err)
	}
	removed, err := db.RemoveRelation(ctx, model.RelationKindCollaboration, "e2", "u1", map[string]any{"kind": "JOINT_LAB"})
	if err != nil {
		t.Fatal(err)
	}
	if col := removed.(*model.Collaboration); *col.Title != "联合实验室" || col.FromID != "u1" {
		t.Errorf("removed %+v", col)
	}
	if _, err := db.RemoveRelation(ctx, model.RelationKindCollaboration, "e2", "u1", map[string]any{"kind": "JOINT_LAB"}); modeltest.Code(err) != model.CodeNotFound {
		t.Errorf("second remove: want NOT_FOUND, got %v", err)
	}
}

func TestUpsertIsIdempotent(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	empty, err := db.IsEmpty(ctx)
	if err != nil || !empty {
		t.Fatalf("fresh test graph should be empty: %v %v", empty, err)
	}
	nodes := []model.NodeRow{
		{ID: "e1", Props: map[string]any{"name": "甲"}},
		{ID: "r1", Props: map[string]any{"name": "成果", "kind": "PATENT"}},
	}
	rels := []model.RelationRow{{From: "r1", To: "e1", Props: map[string]any{"mode": "ASSIGNMENT", "year": int64(2020)}}}
	upsertAll := func() []model.UpsertStatus {
		t.Helper()
		var all []model.UpsertStatus
		for i, kind := range []model.NodeKind{model.NodeKindEnterprise, model.NodeKindResult} {
			got, err := db.UpsertNodes(ctx, kind, nodes[i:i+1])
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, got...)
		}
		got, err := db.UpsertRelations(ctx, model.RelationKindTransfer, rels)
		if err != nil {
			t.Fatal(err)
		}
		return append(all, got...)
	}
	for round, want := range []model.UpsertStatus{model.StatusCreated, model.StatusUnchanged} {
		for i, got := range upsertAll() {
			if got != want {
				t.Errorf("round %d row %d: %s, want %s", round, i, got, want)
			}
		}
	}
	rels[0].Props["year"] = int64(2022)
	nodes[0].Props["name"] = "甲公司"
	if got := upsertAll(); got[0] != model.StatusUpdated || got[1] != model.StatusUnchanged || got[2] != model.StatusUpdated {
		t.Errorf("changed rows: %v, want UPDATED, UNCHANGED, UPDATED", got)
	}
	got, _ := db.Relations(ctx, model.RelationQuery{Kind: model.RelationKindTransfer, Dir: model.Outgoing, First: 5}, []string{"r1"})
	if len(got["r1"].Items) != 1 || *got["r1"].Items[0].Relation.(*model.Transfer).Year != 2022 {
		t.Errorf("a changed row updates in place: %+v", got["r1"])
	}
	if err := db.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if empty, _ := db.IsEmpty(ctx); !empty {
		t.Error("DeleteAll left nodes")
	}
}

func TestCreateRelations(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	if _, err := db.UpsertNodes(ctx, model.NodeKindEnterprise, []model.NodeRow{
		{ID: "e1", Props: map[string]any{"name": "甲"}}, {ID: "e2", Props: map[string]any{"name": "乙"}},
	}); err != nil {
		t.Fatal(err)
	}
	rows := []model.RelationRow{{From: "e1", To: "e2", Props: map[string]any{"kind": "JOINT_LAB", "since": int64(2019)}}}
	if err := db.CreateRelations(ctx, model.RelationKindCollaboration, rows); err != nil {
		t.Fatal(err)
	}
	got, err := db.Relations(ctx, model.RelationQuery{Kind: model.RelationKindCollaboration, Dir: model.Both, First: 5}, []string{"e2"})
	if err != nil || len(got["e2"].Items) != 1 || *got["e2"].Items[0].Relation.(*model.Collaboration).Since != 2019 {
		t.Fatalf("created collaboration: %+v %v", got["e2"], err)
	}
	rows[0].To = "ghost"
	if err := db.CreateRelations(ctx, model.RelationKindCollaboration, rows); model.ErrorCode(err) != model.CodeInternal {
		t.Errorf("a vanished end must fail the batch, got %v", err)
	}
	got, _ = db.Relations(ctx, model.RelationQuery{Kind: model.RelationKindCollaboration, Dir: model.Both, First: 5}, []string{"e1"})
	if len(got["e1"].Items) != 1 {
		t.Errorf("the failed batch must write nothing: %+v", got["e1"])
	}
}

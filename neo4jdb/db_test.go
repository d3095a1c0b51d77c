package neo4jdb_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/graph/model/modeltest"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

var ctx = context.Background()

// mustCreate creates a node from raw input through the same validation as the API.
func mustCreate(t *testing.T, db *neo4jdb.DB, kind model.NodeKind, raw map[string]any) model.Node {
	t.Helper()
	id, props, err := model.NodeSpecs[kind].Validate(raw, model.Create)
	if err != nil {
		t.Fatal(err)
	}
	n, err := db.CreateNode(ctx, kind, id, props)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func mustRelate(t *testing.T, db *neo4jdb.DB, kind model.RelationKind, raw map[string]any) model.Relation {
	t.Helper()
	from, to, props, err := model.RelationSpecs[kind].Validate(raw, model.Create)
	if err != nil {
		t.Fatal(err)
	}
	r, err := db.AddRelation(ctx, kind, from, to, props)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestOpenUnavailable(t *testing.T) {
	neo4jtest.Open(t) // skip where there is no test database at all
	cfg := neo4jtest.Config()
	cfg.URI = "bolt://127.0.0.1:1" // nothing listens on port 1
	cfg.AcquireTimeout = time.Second
	_, err := neo4jdb.Open(ctx, cfg, nil)
	if modeltest.Code(err) != model.CodeUnavailable {
		t.Errorf("want UNAVAILABLE, got %v", err)
	}
}

func TestEnsureSchemaIsIdempotent(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	if err := db.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.Ping(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestCancelledContextIsTimeout(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	c, cancel := context.WithDeadline(ctx, time.Now().Add(-time.Second))
	defer cancel()
	if _, err := db.NodesByID(c, []string{"x"}); modeltest.Code(err) != model.CodeTimeout {
		t.Errorf("want TIMEOUT, got %v", err)
	}
}

func TestNodesCRUD(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	e := mustCreate(t, db, model.NodeKindEnterprise, map[string]any{
		"id": "ent-kehe", "name": "科河种业", "aliases": []any{"科河"}, "founded": 2001,
		"creditCode": "914403001922038216", "certifications": []any{"TECH_CENTER"},
	}).(*model.Enterprise)
	if e.Name != "科河种业" || *e.Founded != 2001 || e.Certifications[0] != model.CertificationTechCenter {
		t.Errorf("created %+v", e)
	}

	t.Run("NodesByID", func(t *testing.T) {
		got, err := db.NodesByID(ctx, []string{"ent-kehe", "missing"})
		if err != nil || len(got) != 1 || got["ent-kehe"].NodeKind() != model.NodeKindEnterprise {
			t.Errorf("got %v, %v", got, err)
		}
	})
	t.Run("ErrDuplicateID", func(t *testing.T) {
		_, err := db.CreateNode(ctx, model.NodeKindPark, "ent-kehe", map[string]any{"name": "x", "kind": "INCUBATOR"})
		if modeltest.Code(err) != model.CodeBadUserInput || modeltest.Field(err) != "id" {
			t.Errorf("want BAD_USER_INPUT on id, got %v", err)
		}
	})
	t.Run("ErrDuplicateCreditCode", func(t *testing.T) {
		_, err := db.CreateNode(ctx, model.NodeKindEnterprise, "ent-other", map[string]any{"name": "x", "creditCode": "914403001922038216"})
		if modeltest.Code(err) != model.CodeBadUserInput || modeltest.Field(err) != "creditCode" {
			t.Errorf("want BAD_USER_INPUT on creditCode, got %v", err)
		}
	})
	t.Run("Update", func(t *testing.T) {
		n, err := db.UpdateNode(ctx, model.NodeKindEnterprise, "ent-kehe", map[string]any{"founded": nil, "industry": "种业"})
		if err != nil {
			t.Fatal(err)
		}
		got := n.(*model.Enterprise)
		if got.Founded != nil || *got.Industry != "种业" || got.Name != "科河种业" {
			t.Errorf("updated %+v", got)
		}
	})
	t.Run("ErrUpdateWrongKind", func(t *testing.T) {
		_, err := db.UpdateNode(ctx, model.NodeKindPark, "ent-kehe", map[string]any{"name": "x"})
		if modeltest.Code(err) != model.CodeNotFound {
			t.Errorf("want NOT_FOUND, got %v", err)
		}
	})
	t.Run("Delete", func(t *testing.T) {
		mustCreate(t, db, model.NodeKindAlliance, map[string]any{"id": "all-1", "name": "联盟"})
		mustCreate(t, db, model.NodeKindResult, map[string]any{"id": "res-1", "name": "科河8号", "kind": "PLANT_VARIETY"})
		mustRelate(t, db, model.RelationKindMembership, map[string]any{"memberId": "ent-kehe", "allianceId": "all-1"})
		mustRelate(t, db, model.RelationKindDevelopment, map[string]any{"developerId": "ent-kehe", "resultId": "res-1"})
		p, err := db.DeleteNode(ctx, "ent-kehe")
		if err != nil {
			t.Fatal(err)
		}
		if p.Kind != model.NodeKindEnterprise || len(p.Detached) != 2 {
			t.Errorf("payload %+v", p)
		}
		if _, err := db.DeleteNode(ctx, "ent-kehe"); modeltest.Code(err) != model.CodeNotFound {
			t.Errorf("second delete: want NOT_FOUND, got %v", err)
		}
	})
}

// listGraph creates enterprises e0..e(n-1) with names n00.. and years 2000+i.
func listGraph(t *testing.T, db *neo4jdb.DB, n int) {
	t.Helper()
	rows := make([]model.NodeRow, n)
	for i := range rows {
		region := "内蒙古自治区/巴彦淖尔市"
		if i%2 == 1 {
			region = "宁夏回族自治区/银川市"
		}
		rows[i] = model.NodeRow{ID: fmt.Sprintf("e%02d", i), Props: map[string]any{
			"name": fmt.Sprintf("n%02d 企业", n-i), "region": region, "founded": int64(2000 + i%5),
			"certifications": []string{"HIGH_TECH"},
		}}
	}
	if _, err := db.UpsertNodes(ctx, model.NodeKindEnterprise, rows); err != nil {
		t.Fatal(err)
	}
}

func TestListNodesPagination(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	listGraph(t, db, 25)
	for _, tc := range []struct {
		name    string
		orderBy string
		desc    bool
		where   []model.Condition
		total   int
	}{
		{"ByName", "name", false, nil, 25},
		{"ByYearDesc", "founded", true, nil, 25},
		{"ByIDFiltered", "id", false, []model.Condition{{Op: model.OpRegion, Prop: "region", Value: "宁夏回族自治区"}}, 12},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := model.ListQuery{Kind: model.NodeKindEnterprise, Where: tc.where, OrderBy: tc.orderBy, Desc: tc.desc, First: 10}
			seen := map[string]bool{}
			var forward []string
			var last model.ListItem
			for pages := 0; ; pages++ {
				page, err := db.ListNodes(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				items, more := page.Items, page.More
				for i, it := range items {
					if seen[it.Node.NodeID()] {
						t.Fatalf("node %s on two pages", it.Node.NodeID())
					}
					seen[it.Node.NodeID()] = true
					forward = append(forward, it.Node.NodeID())
					if (pages > 0 || i > 0) && !inOrder(last, it, tc.desc) {
						t.Errorf("%v before %v is out of order", last.Cursor, it.Cursor)
					}
					last = it
				}
				if !more {
					break
				}
				q.After = &last.Cursor
			}
			if len(seen) != tc.total {
				t.Errorf("paged through %d nodes, want %d", len(seen), tc.total)
			}
			q.Count, q.After = true, &last.Cursor
			page, err := db.ListNodes(ctx, q)
			if err != nil || page.Total != tc.total || len(page.Items) != 0 {
				t.Errorf("past the last page: total %d, %d items, %v; want total %d and no items", page.Total, len(page.Items), err, tc.total)
			}
			// Backward from the end, pages come in list order and join up
			// to the forward walk.
			var backward []string
			q = model.ListQuery{Kind: model.NodeKindEnterprise, Where: tc.where, OrderBy: tc.orderBy, Desc: tc.desc, First: 10, Backward: true}
			for {
				page, err := db.ListNodes(ctx, q)
				if err != nil || len(page.Items) == 0 {
					t.Fatalf("backward page before %v: %d items, %v", q.Before, len(page.Items), err)
				}
				ids := make([]string, len(page.Items))
				for i, it := range page.Items {
					ids[i] = it.Node.NodeID()
				}
				backward = append(ids, backward...)
				if !page.More {
					break
				}
				q.Before = &page.Items[0].Cursor
			}
			if !slices.Equal(forward, backward) {
				t.Errorf("backward walk %v\nforward walk  %v", backward, forward)
			}
		})
	}
}

func inOrder(a, b model.ListItem, desc bool) bool {
	less := func(x, y model.Cursor) bool {
		switch xk := x.Key.(type) {
		case string:
			if yk := y.Key.(string); xk != yk {
				return xk < yk
			}
		case int64:
			if yk := y.Key.(int64); xk != yk {
				return xk < yk
			}
		}
		return x.ID < y.ID
	}
	if desc {
		return less(b.Cursor, a.Cursor)
	}
	return less(a.Cursor, b.Cursor)
}

func TestListNodesFilters(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	listGraph(t, db, 10)
	mustCreate(t, db, model.NodeKindEnterprise, map[string]any{"id": "x1", "name": "富田机械", "nameEn": "Futian Machinery",
		"aliases": []any{"富田"}, "industry": "农牧业机械", "certifications": []any{"HIGH_TECH", "TECH_SME"}})
	mustCreate(t, db, model.NodeKindEnterprise, map[string]any{"id": "x2", "name": "临河企业", "region": "内蒙古自治区/巴彦淖尔市/临河区"})
	region := func(v string) []model.Condition {
		return []model.Condition{{Op: model.OpRegion, Prop: "region", Value: v}}
	}
	for _, tc := range []struct {
		name  string
		where []model.Condition
		want  int
	}{
		{"NameChinese", []model.Condition{{Op: model.OpNameContains, Value: "机械"}}, 1},
		{"NameEnglishAnyCase", []model.Condition{{Op: model.OpNameContains, Value: "futian"}}, 1},
		{"Alias", []model.Condition{{Op: model.OpNameContains, Value: "富田"}}, 1},
		{"Equals", []model.Condition{{Op: model.OpEquals, Prop: "industry", Value: "农牧业机械"}}, 1},
		{"HasAll", []model.Condition{{Op: model.OpHasAll, Prop: "certifications", Value: []string{"HIGH_TECH", "TECH_SME"}}}, 1},
		{"HasOne", []model.Condition{{Op: model.OpHasAll, Prop: "certifications", Value: []string{"HIGH_TECH"}}}, 11},
		{"YearRange", []model.Condition{{Op: model.OpAtLeast, Prop: "founded", Value: int64(2003)}, {Op: model.OpAtMost, Prop: "founded", Value: int64(2004)}}, 4},
		// A region matches whole segments at any level of the path: five
		// enterprises in 内蒙古自治区/巴彦淖尔市, five in 宁夏回族自治区/银川市,
		// x2 in 内蒙古自治区/巴彦淖尔市/临河区.
		{"RegionProvince", region("内蒙古自治区"), 6},
		{"RegionPathPrefix", region("内蒙古自治区/巴彦淖尔市"), 6},
		{"RegionCity", region("巴彦淖尔市"), 6},
		{"RegionOtherCity", region("银川市"), 5},
		{"RegionDistrict", region("临河区"), 1},
		{"RegionInnerPath", region("巴彦淖尔市/临河区"), 1},
		{"RegionWholePath", region("内蒙古自治区/巴彦淖尔市/临河区"), 1},
		{"RegionSkipsALevel", region("内蒙古自治区/临河区"), 0},
		{"RegionSegmentStart", region("内蒙古"), 0},
		{"RegionSegmentPart", region("巴彦"), 0},
		{"RegionSegmentEnd", region("自治区"), 0},
		{"RegionSegmentsPart", region("自治区/巴彦淖尔"), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page, err := db.ListNodes(ctx, model.ListQuery{Kind: model.NodeKindEnterprise, Where: tc.where, OrderBy: "name", First: 100, Count: true})
			if err != nil || page.Total != tc.want || len(page.Items) != tc.want {
				t.Errorf("count = %d (%d items), %v; want %d", page.Total, len(page.Items), err, tc.want)
			}
		})
	}
	if _, err := db.ListNodes(ctx, model.ListQuery{Kind: model.NodeKindUniversity, OrderBy: "founded", First: 1}); modeltest.Code(err) != model.CodeBadUserInput {
		t.Errorf("ordering by a property the kind lacks: want BAD_USER_INPUT, got %v", err)
	}
	if _, err := db.ListNodes(ctx, model.ListQuery{Kind: model.NodeKindEnterprise, OrderBy: "name", First: 1, Count: true,
		Where: []model.Condition{{Op: model.OpEquals, Prop: "name) DETACH DELETE (n", Value: 1}}}); err == nil {
		t.Error("a property that is not a field must be refused")
	}
}

func TestSearchCJK(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	mustCreate(t, db, model.NodeKindEnterprise, map[string]any{"id": "e1", "name": "科河种业", "region": "内蒙古自治区", "industry": "种业"})
	mustCreate(t, db, model.NodeKindResult, map[string]any{"id": "r1", "name": "科河8号", "kind": "PLANT_VARIETY"})
	mustCreate(t, db, model.NodeKindUniversity, map[string]any{"id": "u1", "name": "中国农业科学院草原研究所",
		"aliases": []any{"中国农科院草原研究所"}, "nameEn": "Grassland Research Institute", "kind": "RESEARCH_INSTITUTE"})
	for _, tc := range []struct {
		query string
		kinds []model.NodeKind
		first string // the id expected first
		count int
	}{
		{"科河种业", nil, "e1", 2},
		{"科河", []model.NodeKind{model.NodeKindResult}, "r1", 1},
		{"农科院", nil, "u1", 1},
		{"grassland", nil, "u1", 1},
		{"草原 (研究)", nil, "u1", 1},
		{"不存在的名字", nil, "", 0},
	} {
		t.Run(tc.query, func(t *testing.T) {
			page, err := db.Search(ctx, model.SearchQuery{Text: tc.query, Kinds: tc.kinds, First: 10})
			if err != nil {
				t.Fatal(err)
			}
			hits := page.Items
			if len(hits) != tc.count {
				t.Fatalf("%d hits, want %d", len(hits), tc.count)
			}
			if tc.count > 0 && (hits[0].Node.NodeID() != tc.first || hits[0].Score <= 0) {
				t.Errorf("first hit %s (%.2f), want %s", hits[0].Node.NodeID(), hits[0].Score, tc.first)
			}
		})
	}
	// A projection reads only the properties asked for, and the node's type.
	page, err := db.Search(ctx, model.SearchQuery{Text: "科河种业", First: 1, Props: []string{"id", "name", "nope"}})
	hits := page.Items
	if err != nil || len(hits) != 1 {
		t.Fatalf("projected search: %v %v", hits, err)
	}
	e, ok := hits[0].Node.(*model.Enterprise)
	if !ok || e.ID != "e1" || e.Name != "科河种业" || e.Region != nil || e.Industry != nil {
		t.Errorf("projected hit: %+v", hits[0].Node)
	}
}

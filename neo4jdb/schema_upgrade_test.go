package neo4jdb_test

import (
	"context"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// TestSearchIndexGainsNewTypes: a database whose full-text index was made
// before the people, intermediaries, projects and demands existed gets an
// index over them at the next start, so they can be found.
func TestSearchIndexGainsNewTypes(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	ctx := context.Background()
	for _, stmt := range []string{
		"DROP INDEX node_search IF EXISTS",
		"CREATE FULLTEXT INDEX node_search IF NOT EXISTS FOR (n:Enterprise|University|Alliance|Park|Result) ON EACH [n.name, n.nameEn, n.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}}",
	} {
		if err := db.Write(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	if err := db.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateNode(ctx, model.NodeKindPerson, "per-t", map[string]any{"name": "刘鸿亮", "synthetic": false}); err != nil {
		t.Fatal(err)
	}
	hits, err := db.Search(ctx, model.SearchQuery{Text: "鸿亮", First: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits.Items) != 1 || hits.Items[0].Node.NodeID() != "per-t" {
		t.Errorf("search 鸿亮 after the upgrade: %+v, want per-t", hits)
	}
}

// TestRegionSpansBackfilled: nodes written before region spans existed
// (their region alone, as an older version wrote them) get their spans at
// the next start, so region filters find them at any level; a second start
// writes nothing.
func TestRegionSpansBackfilled(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	ctx := context.Background()
	if err := db.Write(ctx, `UNWIND range(1, 25) AS i
		CREATE (:Node:Enterprise {id: 'old' + i, name: '旧企业' + i,
			region: CASE WHEN i % 5 = 0 THEN '内蒙古自治区' ELSE '内蒙古自治区/阿拉善盟/阿拉善左旗' END})`); err != nil {
		t.Fatal(err)
	}
	count := func(region string) int {
		t.Helper()
		page, err := db.ListNodes(ctx, model.ListQuery{Kind: model.NodeKindEnterprise, OrderBy: "name", First: 1, Count: true,
			Where: []model.Condition{{Op: model.OpRegion, Prop: "region", Value: region}}})
		if err != nil {
			t.Fatal(err)
		}
		return page.Total
	}
	if n := count("阿拉善盟"); n != 0 {
		t.Fatalf("before the backfill %d found by spans they do not have: the test does not test it", n)
	}
	if err := db.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	for region, want := range map[string]int{"阿拉善盟": 20, "阿拉善盟/阿拉善左旗": 20, "内蒙古自治区": 25, "阿拉善左旗": 20} {
		if n := count(region); n != want {
			t.Errorf("%s after the backfill: %d, want %d", region, n, want)
		}
	}
	// A node whose spans have changed since is not written again.
	if err := db.Write(ctx, `MATCH (n:Enterprise {id: 'old1'}) SET n.region2 = 'marked'`); err != nil {
		t.Fatal(err)
	}
	if err := db.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	records, err := db.ReadRecords(ctx, `MATCH (n:Enterprise {id: 'old1'}) RETURN n.region2 AS r`, nil)
	if err != nil || len(records) != 1 {
		t.Fatal(err, records)
	}
	if r, _ := records[0].Get("r"); r != "marked" {
		t.Errorf("a second start wrote the spans again: %v", r)
	}
}

// TestRegionSpansFollowUpdates: moving a node to another region, to a
// deeper path than spans cover (found through regionDeep), to a shallower path, or removing its region moves or removes its spans.
func TestRegionSpansFollowUpdates(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	ctx := context.Background()
	if _, err := db.CreateNode(ctx, model.NodeKindEnterprise, "ent-u", map[string]any{"name": "迁移企业", "region": "内蒙古自治区/阿拉善盟/阿拉善左旗"}); err != nil {
		t.Fatal(err)
	}
	found := func(region string) bool {
		t.Helper()
		page, err := db.ListNodes(ctx, model.ListQuery{Kind: model.NodeKindEnterprise, OrderBy: "name", First: 5,
			Where: []model.Condition{{Op: model.OpRegion, Prop: "region", Value: region}}})
		if err != nil {
			t.Fatal(err)
		}
		return len(page.Items) == 1
	}
	for _, step := range []struct {
		set     any
		in, out []string
	}{
		{nil, []string{"阿拉善左旗", "阿拉善盟", "内蒙古自治区/阿拉善盟/阿拉善左旗"}, []string{"银川市"}},
		{"内蒙古自治区/阿拉善盟/阿拉善左旗/巴彦浩特镇", []string{"巴彦浩特镇", "阿拉善左旗/巴彦浩特镇", "阿拉善盟/阿拉善左旗/巴彦浩特镇",
			"内蒙古自治区/阿拉善盟/阿拉善左旗/巴彦浩特镇", "阿拉善盟"}, []string{"巴彦浩特", "内蒙古自治区/巴彦浩特镇"}},
		{"宁夏回族自治区/银川市", []string{"银川市", "宁夏回族自治区"}, []string{"阿拉善左旗", "阿拉善盟", "内蒙古自治区"}},
		{"宁夏回族自治区", []string{"宁夏回族自治区"}, []string{"银川市"}},
		{"", nil, []string{"宁夏回族自治区"}},
	} {
		if step.set != nil {
			var v any = step.set
			if v == "" {
				v = nil
			}
			if _, err := db.UpdateNode(ctx, model.NodeKindEnterprise, "ent-u", map[string]any{"region": v}); err != nil {
				t.Fatal(err)
			}
		}
		for _, r := range step.in {
			if !found(r) {
				t.Errorf("region set to %v: not found by %s", step.set, r)
			}
		}
		for _, r := range step.out {
			if found(r) {
				t.Errorf("region set to %v: still found by %s", step.set, r)
			}
		}
	}
}

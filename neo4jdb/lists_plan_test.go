package neo4jdb_test

import (
	"fmt"
	"testing"

	"github.com/innograph/innograph/graph/model"
)

// TestPageFromACursorStopsAtTheLimit profiles pages by name: a page that
// starts after, or ends before, a cursor in the middle of the list reads
// about what the first page reads — one seek into the name index, read in
// order and stopped at the limit — not every node on the cursor's far side.
func TestPageFromACursorStopsAtTheLimit(t *testing.T) {
	db, lastHits := openProfiled(t)
	const n = 3000
	listGraph(t, db, n)
	// dbHits runs q, then profiles the statement it sent.
	dbHits := func(q model.ListQuery) int64 {
		t.Helper()
		if _, err := db.ListNodes(ctx, q); err != nil {
			t.Fatal(err)
		}
		return lastHits()
	}
	q := model.ListQuery{Kind: model.NodeKindEnterprise, OrderBy: "name", First: n / 2}
	half, err := db.ListNodes(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	mid := &half.Items[len(half.Items)-1].Cursor
	q.First = 20
	first := dbHits(q)
	for _, tc := range []struct {
		name string
		q    model.ListQuery
	}{
		{"AfterMid", model.ListQuery{Kind: q.Kind, OrderBy: "name", First: 20, After: mid}},
		{"BeforeMid", model.ListQuery{Kind: q.Kind, OrderBy: "name", First: 20, Backward: true, Before: mid}},
		{"AfterMidDesc", model.ListQuery{Kind: q.Kind, OrderBy: "name", Desc: true, First: 20, After: mid}},
		{"LastPage", model.ListQuery{Kind: q.Kind, OrderBy: "name", First: 20, Backward: true}},
	} {
		if hits := dbHits(tc.q); hits > 2*first {
			t.Errorf("%s: %d db hits, the first page %d: the page does not stop at the limit", tc.name, hits, first)
		}
	}
}

// TestRegionFilterIsIndexed profiles region filters on 3,000 enterprises,
// half in 内蒙古自治区/巴彦淖尔市, half in 宁夏回族自治区/银川市, and ten in
// 内蒙古自治区/阿拉善盟: a counted list and a page read about as many nodes
// as match, at any level of the path (the span indexes answer each of
// regionBranches' lookups), not every enterprise.
func TestRegionFilterIsIndexed(t *testing.T) {
	db, lastHits := openProfiled(t)
	const n = 3000
	listGraph(t, db, n)
	alxa := make([]model.NodeRow, 10)
	for i := range alxa {
		alxa[i] = model.NodeRow{ID: fmt.Sprintf("alxa%d", i), Props: map[string]any{"name": fmt.Sprintf("阿拉善企业%d", i), "region": "内蒙古自治区/阿拉善盟"}}
	}
	if _, err := db.UpsertNodes(ctx, model.NodeKindEnterprise, alxa); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		region string
		count  bool
		want   int
	}{
		{"阿拉善盟", true, 10},
		{"阿拉善盟", false, 10},
		{"内蒙古自治区/阿拉善盟", true, 10},
		{"内蒙古自治区/阿拉善盟", false, 10},
		{"银川市", true, n / 2},
	} {
		q := model.ListQuery{Kind: model.NodeKindEnterprise, OrderBy: "name", First: 20, Count: tc.count,
			Where: []model.Condition{{Op: model.OpRegion, Prop: "region", Value: tc.region}}}
		page, err := db.ListNodes(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(page.Items); got != min(tc.want, 20) || (tc.count && page.Total != tc.want) {
			t.Fatalf("%s: %d items, total %d; want %d", tc.region, got, page.Total, tc.want)
		}
		// Reading a match costs a few db hits (index entry, node, name);
		// a scan of the label costs at least one per enterprise.
		if hits := lastHits(); hits > int64(4*tc.want+200) {
			t.Errorf("%s (count %v): %d db hits for %d matches among %d enterprises: not read through the region indexes", tc.region, tc.count, hits, tc.want, n)
		}
	}
}

// TestRegionPageStopsAtTheLimit profiles pages of 20 of the 1,500
// enterprises of 内蒙古自治区/巴彦淖尔市 (listGraph), by name, named by the
// full path, the city alone and the province, forward and backward from a
// cursor in the middle: each reads about a page from the span's composite
// index, in order, not every match (which costs at least one db hit per
// match, 1,500). Counted, the page adds one index entry per match.
func TestRegionPageStopsAtTheLimit(t *testing.T) {
	db, lastHits := openProfiled(t)
	const n = 3000
	listGraph(t, db, n)
	for _, region := range []string{"内蒙古自治区/巴彦淖尔市", "巴彦淖尔市", "内蒙古自治区"} {
		where := []model.Condition{{Op: model.OpRegion, Prop: "region", Value: region}}
		half, err := db.ListNodes(ctx, model.ListQuery{Kind: model.NodeKindEnterprise, OrderBy: "name", First: 100, Where: where})
		if err != nil {
			t.Fatal(err)
		}
		mid := &half.Items[len(half.Items)-1].Cursor
		for _, tc := range []struct {
			name string
			q    model.ListQuery
		}{
			{"First", model.ListQuery{First: 20}},
			{"AfterMid", model.ListQuery{First: 20, After: mid}},
			{"BeforeMid", model.ListQuery{First: 20, Backward: true, Before: mid}},
			{"Desc", model.ListQuery{First: 20, Desc: true}},
			{"LastPage", model.ListQuery{First: 20, Backward: true}},
			{"Counted", model.ListQuery{First: 20, Count: true}},
		} {
			q := tc.q
			q.Kind, q.OrderBy, q.Where, q.Props = model.NodeKindEnterprise, "name", where, []string{"id", "name"}
			page, err := db.ListNodes(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Items) != 20 || (q.Count && page.Total != n/2) {
				t.Fatalf("%s %s: %d items, total %d", region, tc.name, len(page.Items), page.Total)
			}
			limit := int64(200)
			if q.Count {
				limit += n / 2 // an index entry per match
			}
			if hits := lastHits(); hits > limit {
				t.Errorf("%s %s: %d db hits for a page of 20 among %d matches; want at most %d: the page does not stop at the limit",
					region, tc.name, hits, n/2, limit)
			}
		}
	}
}

// TestEqualityPageStopsAtTheLimit profiles pages of 20 of the 300 dairy
// enterprises among 3,000, by name: read in order from the composite index
// (industry, name, id), first, after a cursor and counted, not every match
// nor the name index until 20 pass (200 enterprises).
func TestEqualityPageStopsAtTheLimit(t *testing.T) {
	db, lastHits := openProfiled(t)
	const n = 3000
	rows := make([]model.NodeRow, n)
	for i := range rows {
		industry := "种业"
		if i%10 == 0 {
			industry = "乳业"
		}
		rows[i] = model.NodeRow{ID: fmt.Sprintf("e%04d", i), Props: map[string]any{"name": fmt.Sprintf("企业%04d", n-i), "industry": industry}}
	}
	if _, err := db.UpsertNodes(ctx, model.NodeKindEnterprise, rows); err != nil {
		t.Fatal(err)
	}
	where := []model.Condition{{Op: model.OpEquals, Prop: "industry", Value: "乳业"}}
	q := model.ListQuery{Kind: model.NodeKindEnterprise, OrderBy: "name", First: 100, Where: where, Props: []string{"id", "name"}}
	half, err := db.ListNodes(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	q.First = 20
	after := q
	after.After = &half.Items[len(half.Items)-1].Cursor
	counted := q
	counted.Count = true
	for name, q := range map[string]model.ListQuery{"First": q, "AfterMid": after, "Counted": counted} {
		page, err := db.ListNodes(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Items) != 20 || (q.Count && page.Total != n/10) {
			t.Fatalf("%s: %d items, total %d", name, len(page.Items), page.Total)
		}
		limit := int64(150)
		if q.Count {
			limit += n / 10 // an index entry per match
		}
		if hits := lastHits(); hits > limit {
			t.Errorf("%s: %d db hits for a page of 20 among %d matches; want at most %d", name, hits, n/10, limit)
		}
	}
}

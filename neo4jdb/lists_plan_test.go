package neo4jdb_test

import (
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

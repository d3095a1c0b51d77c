package neo4jdb_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// relPagesGraph: an alliance a1 with n members e000… whose names repeat
// (ties are broken by id) and a few chair units, and a result transferred to
// one enterprise by three modes (ties broken by the mode).
func relPagesGraph(t *testing.T, db *neo4jdb.DB, n int) {
	t.Helper()
	neo4jtest.LoadMembers(t, db, "a1", "联盟", "e", n, 9)
	if _, err := db.UpsertNodes(ctx, model.NodeKindResult, []model.NodeRow{{ID: "r1", Props: map[string]any{"name": "成果", "kind": "PATENT"}}}); err != nil {
		t.Fatal(err)
	}
	var transfers []model.RelationRow
	for _, mode := range []string{"LICENCE", "ASSIGNMENT", "EQUITY"} {
		transfers = append(transfers, model.RelationRow{From: "r1", To: "e000", Props: map[string]any{"mode": mode}})
	}
	if _, err := db.UpsertRelations(ctx, model.RelationKindTransfer, transfers); err != nil {
		t.Fatal(err)
	}
}

// TestRelationPages walks relationship lists forward (after the last
// item's cursor) and backward (before the first's) a page at a time: both
// walks read the whole list, as one page of it does, in the same order;
// More is exact in the direction read, and the total is counted only when
// asked.
func TestRelationPages(t *testing.T) {
	db, counter := neo4jtest.Open(t)
	const n, size = 23, 4
	relPagesGraph(t, db, n)
	for _, tc := range []struct {
		name   string
		q      model.RelationQuery
		parent string
		total  int
	}{
		{"Members", model.RelationQuery{Kind: model.RelationKindMembership, Dir: model.Incoming}, "a1", n},
		{"TransfersToOneEnterprise", model.RelationQuery{Kind: model.RelationKindTransfer, Dir: model.Incoming}, "e000", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			read := func(q model.RelationQuery) model.RelationPage {
				t.Helper()
				got, err := db.Relations(ctx, q, []string{tc.parent})
				if err != nil {
					t.Fatal(err)
				}
				return got[tc.parent]
			}
			whole := tc.q
			whole.First, whole.Count = 100, true
			all := read(whole)
			if len(all.Items) != tc.total || all.More || all.Total != tc.total {
				t.Fatalf("one page of all: %d items, more %v, total %d; want %d", len(all.Items), all.More, all.Total, tc.total)
			}
			q := tc.q
			q.First = size
			var forward, backward []model.RelationItem
			for {
				p := read(q)
				if p.Total != -1 {
					t.Errorf("total %d read without being asked", p.Total)
				}
				forward = append(forward, p.Items...)
				if !p.More {
					break
				}
				q.After = p.Items[len(p.Items)-1].Cursor
			}
			q = tc.q
			q.First, q.Backward = size, true
			for {
				counter.Reset()
				p := read(q)
				if counter.Count() != 1 {
					t.Errorf("%d round trips for a page", counter.Count())
				}
				backward = append(slices.Clone(p.Items), backward...)
				if !p.More {
					break
				}
				q.Before = p.Items[0].Cursor
			}
			if !slices.EqualFunc(forward, all.Items, sameItem) || !slices.EqualFunc(backward, all.Items, sameItem) {
				t.Errorf("walks differ from the whole list:\nall      %v\nforward  %v\nbackward %v", cursors(all.Items), cursors(forward), cursors(backward))
			}
			// A window between two cursors.
			q = tc.q
			q.First, q.After, q.Before = 100, all.Items[0].Cursor, all.Items[len(all.Items)-1].Cursor
			if w := read(q); !slices.EqualFunc(w.Items, all.Items[1:len(all.Items)-1], sameItem) || w.More {
				t.Errorf("window: %v", cursors(w.Items))
			}
		})
	}
	// Chair units first, then by name and id.
	all, _ := db.Relations(ctx, model.RelationQuery{Kind: model.RelationKindMembership, Dir: model.Incoming, First: 3}, []string{"a1"})
	if got := cursors(all["a1"].Items); !slices.Equal(got, []string{"0/成员0/e021/", "0/成员3/e003/", "0/成员5/e012/"}) {
		t.Errorf("members begin %v, want the chair units", got)
	}
}

func sameItem(a, b model.RelationItem) bool { return a.Cursor == b.Cursor }

func cursors(items []model.RelationItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = fmt.Sprintf("%d/%v/%s/%s", it.Cursor.Rank, it.Cursor.Key, it.Cursor.ID, it.Cursor.Tie)
	}
	return out
}

// TestRelationCountOnlyWhenAsked: a page's statement counts the list only
// when the query asks for the total, and then in the same statement.
func TestRelationCountOnlyWhenAsked(t *testing.T) {
	neo4jtest.Open(t)
	var sent []string
	db, err := neo4jdb.Open(ctx, neo4jtest.Config(), func(_ context.Context, q neo4jdb.Query) { sent = append(sent, q.Cypher) })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close(context.Background()) })
	relPagesGraph(t, db, 5)
	for _, count := range []bool{false, true} {
		sent = nil
		q := model.RelationQuery{Kind: model.RelationKindMembership, Dir: model.Incoming, First: 2, Count: count}
		got, err := db.Relations(ctx, q, []string{"a1"})
		if err != nil {
			t.Fatal(err)
		}
		if len(sent) != 1 || strings.Contains(sent[0], "COUNT {") != count {
			t.Errorf("count %v: %d statements, counting %v:\n%s", count, len(sent), strings.Contains(strings.Join(sent, ""), "COUNT {"), sent)
		}
		if want := map[bool]int{false: -1, true: 5}[count]; got["a1"].Total != want || len(got["a1"].Items) != 2 || !got["a1"].More {
			t.Errorf("count %v: total %d, %d items, more %v", count, got["a1"].Total, len(got["a1"].Items), got["a1"].More)
		}
	}
}

// TestRelationPageFromACursor profiles pages of a 3,000-member alliance: a
// node's relationships have no index in list order, so every page reads
// the whole list once and keeps the top of it (the first page as much as
// one from the middle, backward or counted), and nothing reads it twice.
func TestRelationPageFromACursor(t *testing.T) {
	db, lastHits := openProfiled(t)
	const n = 3000
	neo4jtest.LoadMembers(t, db, "a1", "联盟", "e", n, 100)
	members := model.RelationQuery{Kind: model.RelationKindMembership, Dir: model.Incoming, Projected: true, Props: "id,name", RelProps: "role"}
	dbHits := func(q model.RelationQuery) int64 {
		t.Helper()
		if _, err := db.Relations(ctx, q, []string{"a1"}); err != nil {
			t.Fatal(err)
		}
		return lastHits()
	}
	half := members
	half.First = n / 2
	got, err := db.Relations(ctx, half, []string{"a1"})
	if err != nil {
		t.Fatal(err)
	}
	mid := got["a1"].Items[n/2-1].Cursor
	first := members
	first.First = 20
	firstHits := dbHits(first)
	for _, tc := range []struct {
		name string
		page func(q *model.RelationQuery)
	}{
		{"AfterMid", func(q *model.RelationQuery) { q.After = mid }},
		{"BeforeMid", func(q *model.RelationQuery) { q.Backward, q.Before = true, mid }},
		{"LastPage", func(q *model.RelationQuery) { q.Backward = true }},
		{"Counted", func(q *model.RelationQuery) { q.Count = true }},
	} {
		q := first
		tc.page(&q)
		hits := dbHits(q)
		t.Logf("%s: %d db hits, the first page %d", tc.name, hits, firstHits)
		if hits > firstHits+firstHits/10 {
			t.Errorf("%s: %d db hits, the first page %d: the page reads more than the list once", tc.name, hits, firstHits)
		}
	}
}

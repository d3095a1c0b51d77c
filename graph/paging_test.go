package graph_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/graph/model"
)

// pagingGraph loads n enterprises and n results whose names and years
// repeat (ties are broken by id) and some of which have no year, half in
// one region and half in another.
func pagingGraph(a *apitest.API, n int) {
	a.T.Helper()
	for _, kind := range []model.NodeKind{model.NodeKindEnterprise, model.NodeKindResult} {
		rows := make([]model.NodeRow, n)
		for i := range rows {
			props := map[string]any{"name": fmt.Sprintf("名%d", i%7), "region": "内蒙古自治区/包头市"}
			if i%2 == 1 {
				props["region"] = "宁夏回族自治区/银川市"
			}
			year := "founded"
			if kind == model.NodeKindResult {
				year, props["kind"] = "year", "PATENT"
			}
			if i%4 != 0 {
				props[year] = int64(2000 + i%3)
			}
			rows[i] = model.NodeRow{ID: fmt.Sprintf("%s-%02d", kind, i), Props: props}
		}
		if _, err := a.DB.UpsertNodes(a.T.Context(), kind, rows); err != nil {
			a.T.Fatal(err)
		}
	}
}

// page is what a walk reads of one page.
type page struct {
	TotalCount int
	PageInfo   pageWhere
	Edges      []struct {
		Cursor string
		Node   struct{ ID string }
	}
}

func (p page) ids() []string {
	ids := make([]string, len(p.Edges))
	for i, e := range p.Edges {
		ids[i] = e.Node.ID
	}
	return ids
}

// TestPagingBothWays walks each list forward with first/after and backward
// with last/before, in every order, with and without a filter and a count:
// both walks give the same nodes in the same order, and pageInfo says where
// each page stands as the Relay spec has it.
func TestPagingBothWays(t *testing.T) {
	a := apitest.New(t)
	const n, size = 23, 4
	pagingGraph(a, n)
	for _, list := range []string{"enterprises", "results"} {
		for _, field := range []string{"NAME", "ID", "YEAR"} {
			for _, dir := range []string{"ASC", "DESC"} {
				for _, filter := range []struct {
					name, filter string
					want         int
					count        bool
				}{{"All", "{}", n, false}, {"Region", `{region: "宁夏回族自治区"}`, n / 2, false}, {"RegionCounted", `{region: "银川市"}`, n / 2, true}} {
					t.Run(fmt.Sprintf("%s/%s/%s/%s", list, field, dir, filter.name), func(t *testing.T) {
						count := ""
						if filter.count {
							count = "totalCount"
						}
						query := fmt.Sprintf(`query($first: Int, $after: String, $last: Int, $before: String) {
							list: %s(filter: %s, orderBy: {field: %s, direction: %s}, first: $first, after: $after, last: $last, before: $before) {
							%s pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`,
							list, filter.filter, field, dir, count)
						read := func(vars map[string]any) page {
							var out struct{ List page }
							a.OK("", query, vars, &out)
							if filter.count && out.List.TotalCount != filter.want {
								t.Errorf("totalCount %d, want %d", out.List.TotalCount, filter.want)
							}
							if len(out.List.Edges) > 0 && (*out.List.PageInfo.StartCursor != out.List.Edges[0].Cursor ||
								*out.List.PageInfo.EndCursor != out.List.Edges[len(out.List.Edges)-1].Cursor) {
								t.Errorf("startCursor/endCursor are not the first and last edges' cursors")
							}
							return out.List
						}
						forward, backward := walkBothWays(t, size, func(vars map[string]any) ([]string, pageWhere) {
							p := read(vars)
							return p.ids(), p.PageInfo
						})
						if len(forward) != filter.want || len(slices.Compact(slices.Sorted(slices.Values(forward)))) != filter.want {
							t.Errorf("forward walk read %d distinct of %d nodes: %v", len(slices.Compact(slices.Sorted(slices.Values(forward)))), filter.want, forward)
						}
						if !slices.Equal(forward, backward) {
							t.Errorf("the walks differ:\nforward  %v\nbackward %v", forward, backward)
						}
					})
				}
			}
		}
	}
}

// TestPagingTurnsBack: from a page in the middle, last/before its start
// cursor gives exactly the page before it, and first/after the end cursor of
// that gives the page again; both cursors together bound a window.
func TestPagingTurnsBack(t *testing.T) {
	a := apitest.New(t)
	pagingGraph(a, 20)
	const query = `query($first: Int, $after: String, $last: Int, $before: String) {
		list: enterprises(orderBy: {field: YEAR, direction: DESC}, first: $first, after: $after, last: $last, before: $before) {
		pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`
	read := func(vars map[string]any) page {
		var out struct{ List page }
		a.OK("", query, vars, &out)
		return out.List
	}
	p1 := read(map[string]any{"first": 5})
	p2 := read(map[string]any{"first": 5, "after": *p1.PageInfo.EndCursor})
	p3 := read(map[string]any{"first": 5, "after": *p2.PageInfo.EndCursor})
	back := read(map[string]any{"last": 5, "before": *p2.PageInfo.StartCursor})
	if !slices.Equal(back.ids(), p1.ids()) || back.PageInfo.HasPreviousPage || !back.PageInfo.HasNextPage {
		t.Errorf("last 5 before page 2: %v %+v, want page 1 %v, no previous page, a next page", back.ids(), back.PageInfo, p1.ids())
	}
	again := read(map[string]any{"first": 5, "after": *back.PageInfo.EndCursor})
	if !slices.Equal(again.ids(), p2.ids()) {
		t.Errorf("first 5 after page 1 read backward: %v, want page 2 %v", again.ids(), p2.ids())
	}
	window := read(map[string]any{"last": 20, "after": *p1.PageInfo.EndCursor, "before": *p3.PageInfo.StartCursor})
	if !slices.Equal(window.ids(), p2.ids()) || !window.PageInfo.HasNextPage || !window.PageInfo.HasPreviousPage {
		t.Errorf("between pages 1 and 3: %v %+v, want page 2 %v with pages on both sides", window.ids(), window.PageInfo, p2.ids())
	}
}

// TestPagingArguments: first and last together, or out of 1..100, and a
// cursor of another list are refused with BAD_USER_INPUT naming the
// argument; every connection takes last and before.
func TestPagingArguments(t *testing.T) {
	a := apitest.New(t)
	pagingGraph(a, 3)
	for _, tc := range []struct{ query, field string }{
		{`{ enterprises(first: 2, last: 2) { edges { cursor } } }`, "last"},
		{`{ universities(last: 0) { edges { cursor } } }`, "last"},
		{`{ alliances(last: 101) { edges { cursor } } }`, "last"},
		{`{ parks(last: 3, before: "nope") { edges { cursor } } }`, "before"},
		{`{ results(first: 101) { edges { cursor } } }`, "first"},
	} {
		a.Fails("", tc.query, nil, "BAD_USER_INPUT", tc.field)
	}
	var out map[string]struct {
		Edges    []any
		PageInfo struct{ HasPreviousPage, HasNextPage bool }
	}
	a.OK("", `{ e: enterprises(last: 2) { edges { cursor } pageInfo { hasPreviousPage hasNextPage } }
		u: universities(last: 2) { edges { cursor } pageInfo { hasPreviousPage hasNextPage } }
		a: alliances(last: 2) { edges { cursor } pageInfo { hasPreviousPage hasNextPage } }
		p: parks(last: 2) { edges { cursor } pageInfo { hasPreviousPage hasNextPage } }
		r: results(last: 2) { edges { cursor } pageInfo { hasPreviousPage hasNextPage } } }`, nil, &out)
	for name, want := range map[string]int{"e": 2, "u": 0, "a": 0, "p": 0, "r": 2} {
		c := out[name]
		if len(c.Edges) != want || c.PageInfo.HasPreviousPage != (want > 0) || c.PageInfo.HasNextPage {
			t.Errorf("%s: last 2 of 3 or none: %d edges, %+v", name, len(c.Edges), c.PageInfo)
		}
	}
}

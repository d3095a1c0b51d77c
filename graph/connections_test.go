package graph_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// relPageGraph: alliance "big" with n enterprise members m000… whose names
// repeat (ties broken by id), every 50th a chair unit; alliance "small"
// whose three members are also in big.
func relPageGraph(a *apitest.API, n int) {
	a.T.Helper()
	neo4jtest.LoadMembers(a.T, a.DB, "big", "大联盟", "m", n, 50)
	neo4jtest.LoadMembers(a.T, a.DB, "small", "小联盟", "m", 3, 50)
}

// memberPage is what the tests read of a page of members.
type memberPage struct {
	TotalCount int
	PageInfo   pageWhere
	Edges      []struct {
		Cursor string
		Node   struct {
			Role   string
			Member struct{ ID string }
		}
	}
}

func (p memberPage) ids() []string {
	ids := make([]string, len(p.Edges))
	for i, e := range p.Edges {
		ids[i] = e.Node.Member.ID
	}
	return ids
}

// where is the page's pageInfo as text.
func (p memberPage) where() string {
	deref := func(s *string) string {
		if s == nil {
			return "null"
		}
		return *s
	}
	return fmt.Sprintf("next %v previous %v start %s end %s", p.PageInfo.HasNextPage, p.PageInfo.HasPreviousPage,
		deref(p.PageInfo.StartCursor), deref(p.PageInfo.EndCursor))
}

// members reads a page of an alliance's members on its own.
func members(a *apitest.API, vars map[string]any) memberPage {
	a.T.Helper()
	var out struct {
		Node struct{ Members memberPage }
	}
	a.OK("", membersQuery, vars, &out)
	return out.Node.Members
}

const membersQuery = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
	node(id: $id) { ... on Alliance { members(first: $first, after: $after, last: $last, before: $before) {
	totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
	edges { cursor node { role member { id } } } } } } }`

// TestRelationListPagesBothWays walks the 250 members of an alliance
// forward with first/after and backward with last/before, 100 at a time:
// both walks read every member once, chair units first, in the same
// order, and pageInfo and totalCount say where each page stands.
func TestRelationListPagesBothWays(t *testing.T) {
	a := apitest.New(t)
	const n, size = 250, 100
	relPageGraph(a, n)
	read := func(vars map[string]any) memberPage {
		t.Helper()
		vars["id"] = "big"
		p := members(a, vars)
		if p.TotalCount != n {
			t.Errorf("totalCount %d, want %d", p.TotalCount, n)
		}
		if len(p.Edges) > 0 && (*p.PageInfo.StartCursor != p.Edges[0].Cursor || *p.PageInfo.EndCursor != p.Edges[len(p.Edges)-1].Cursor) {
			t.Errorf("startCursor/endCursor are not the first and last edges' cursors")
		}
		return p
	}
	forward, backward := walkBothWays(t, size, func(vars map[string]any) ([]string, pageWhere) {
		p := read(vars)
		return p.ids(), p.PageInfo
	})
	if distinct := slices.Compact(slices.Sorted(slices.Values(forward))); len(forward) != n || len(distinct) != n {
		t.Errorf("the forward walk read %d members, %d distinct; want %d", len(forward), len(distinct), n)
	}
	if !slices.Equal(forward, backward) {
		t.Errorf("the walks differ:\nforward  %v\nbackward %v", forward, backward)
	}
	if chairs := []string{"m003", "m053", "m103", "m153", "m203"}; !slices.Equal(slices.Sorted(slices.Values(forward[:5])), chairs) {
		t.Errorf("the list begins %v, want the chair units %v", forward[:5], chairs)
	}
	// Turning back: last/before the start of the second page is the first.
	p1 := read(map[string]any{"first": 10})
	p2 := read(map[string]any{"first": 10, "after": *p1.PageInfo.EndCursor})
	if back := read(map[string]any{"last": 10, "before": *p2.PageInfo.StartCursor}); !slices.Equal(back.ids(), p1.ids()) ||
		back.PageInfo.HasPreviousPage || !back.PageInfo.HasNextPage {
		t.Errorf("the page before the second: %v (previous %v, next %v), want %v", back.ids(),
			back.PageInfo.HasPreviousPage, back.PageInfo.HasNextPage, p1.ids())
	}
}

// TestNestedRelationPagesAreReadAhead: a page of alliances, each with a page
// of its members after one cursor, is read in the page's round trip and one
// for the members, and each alliance's page is what the alliance alone
// answers for that cursor: a cursor is a position in the list's order, so
// it pages any node's list of the same field.
func TestNestedRelationPagesAreReadAhead(t *testing.T) {
	a := apitest.New(t)
	relPageGraph(a, 30)
	after := *members(a, map[string]any{"id": "big", "first": 6}).PageInfo.EndCursor
	var out struct {
		Alliances struct {
			Edges []struct {
				Node struct {
					ID      string
					Members memberPage
				}
			}
		}
	}
	a.Counter.Reset()
	a.OK("", `query($first: Int, $after: String) { alliances(first: 10) { edges { node { id
		members(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
		edges { cursor node { role member { id } } } } } } } }`, map[string]any{"first": 4, "after": after}, &out)
	if n := a.Counter.Count(); n != 2 {
		t.Errorf("%d round trips, want 2 (the page, then the members)", n)
	}
	if len(out.Alliances.Edges) != 2 {
		t.Fatalf("%d alliances, want 2", len(out.Alliances.Edges))
	}
	for _, e := range out.Alliances.Edges {
		got, want := e.Node.Members, members(a, map[string]any{"id": e.Node.ID, "first": 4, "after": after})
		if !slices.Equal(got.ids(), want.ids()) || got.where() != want.where() || got.TotalCount != want.TotalCount {
			t.Errorf("%s: read ahead %v %s %d, alone %v %s %d", e.Node.ID, got.ids(), got.where(), got.TotalCount,
				want.ids(), want.where(), want.TotalCount)
		}
	}
}

// TestRelationCursorsAreChecked: a relationship list refuses the cursors
// of other lists and malformed ones, and paging arguments out of their
// rules, as the node lists do, with BAD_USER_INPUT on the argument.
func TestRelationCursorsAreChecked(t *testing.T) {
	a := apitest.New(t)
	relPageGraph(a, 5)
	var mine struct {
		Node struct {
			Alliances struct{ PageInfo struct{ EndCursor string } }
		}
	}
	a.OK("", `{ node(id: "m001") { ... on Enterprise { alliances { pageInfo { endCursor } } } } }`, nil, &mine)
	var top struct {
		Enterprises struct{ PageInfo struct{ EndCursor string } }
	}
	a.OK("", `{ enterprises(first: 1) { pageInfo { endCursor } } }`, nil, &top)
	members := `query($first: Int, $after: String, $last: Int, $before: String) { node(id: "big") { ... on Alliance {
		members(first: $first, after: $after, last: $last, before: $before) { edges { cursor } } } } }`
	for _, tc := range []struct {
		name  string
		vars  map[string]any
		field string
	}{
		{"AnotherListsCursor", map[string]any{"after": mine.Node.Alliances.PageInfo.EndCursor}, "after"},
		{"ANodeListsCursor", map[string]any{"last": 2, "before": top.Enterprises.PageInfo.EndCursor}, "before"},
		{"Malformed", map[string]any{"after": "%%%"}, "after"},
		{"FirstAndLast", map[string]any{"first": 2, "last": 2}, "last"},
		{"LastTooLarge", map[string]any{"last": 101}, "last"},
		{"FirstZero", map[string]any{"first": 0}, "first"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a.Fails("", members, tc.vars, "BAD_USER_INPUT", tc.field)
		})
	}
}

// TestSiblingNestedPagesKeepTheirCursors: two lists read ahead in one
// statement, each with a nested list paged from its own cursor, page each
// from its own (the cursors are parameters of one statement).
func TestSiblingNestedPagesKeepTheirCursors(t *testing.T) {
	a := apitest.New(t)
	relPageGraph(a, 10)
	start := members(a, map[string]any{"id": "big", "first": 5})
	x, y := start.Edges[1].Cursor, start.Edges[3].Cursor
	type alliances struct {
		Edges []struct {
			Node struct {
				Alliance struct {
					ID      string
					Members nodesOf[struct{ Member struct{ ID string } }]
				}
			}
		}
	}
	var out struct {
		Node struct{ A, B alliances }
	}
	a.Counter.Reset()
	a.OK("", `query($x: String, $y: String) { node(id: "m001") { ... on Enterprise {
		a: alliances(first: 1) { edges { node { alliance { id members(first: 2, after: $x) { edges { node { member { id } } } } } } } }
		b: alliances(first: 2) { edges { node { alliance { id members(first: 2, after: $y) { edges { node { member { id } } } } } } } } } } }`,
		map[string]any{"x": x, "y": y}, &out)
	if n := a.Counter.Count(); n != 1 {
		t.Errorf("%d round trips, want 1", n)
	}
	for _, tc := range []struct {
		name  string
		got   alliances
		after string
	}{{"a", out.Node.A, x}, {"b", out.Node.B, y}} {
		for _, e := range tc.got.Edges {
			alone := members(a, map[string]any{"id": e.Node.Alliance.ID, "first": 2, "after": tc.after})
			var got []string
			for _, m := range e.Node.Alliance.Members {
				got = append(got, m.Member.ID)
			}
			if want := alone.ids(); !slices.Equal(got, want) {
				t.Errorf("%s: %s's members %v, want %v", tc.name, e.Node.Alliance.ID, got, want)
			}
		}
	}
}

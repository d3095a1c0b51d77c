package graph_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
)

// rankedGraph has many ties for both rankings: enterprises and universities
// whose names repeat (equal full-text scores) and whose degrees repeat.
func rankedGraph(a *apitest.API) {
	a.T.Helper()
	names := []string{"科河种业", "科河种业研究院", "科河", "内蒙古科河农业"}
	var b strings.Builder
	b.WriteString(`{"type":"Alliance","id":"L","name":"联盟"}` + "\n")
	b.WriteString(`{"type":"University","id":"U","name":"科河大学","kind":"UNIVERSITY"}` + "\n")
	for i := range 25 {
		fmt.Fprintf(&b, `{"type":"Enterprise","id":"E%02d","name":%q}`+"\n", i, names[i%len(names)])
		if i%2 == 0 {
			fmt.Fprintf(&b, `{"type":"MEMBERSHIP","from":"E%02d","to":"L"}`+"\n", i)
		}
		if i%3 == 0 {
			fmt.Fprintf(&b, `{"type":"COLLABORATION","from":"E%02d","to":"U","kind":"JOINT_LAB"}`+"\n", i)
		}
	}
	a.LoadGraph(b.String())
}

// rankedAnswer is a page of search or hubs, its score aliased to key: a
// page (paging_test.go) whose edges hold a hit or a hub.
type rankedAnswer struct {
	page
	Edges []struct {
		Cursor string
		Node   struct {
			Key  float64
			Node struct{ ID string }
		}
	}
}

// TestRankedPaging walks search and hubs forward a few at a time: the walk
// gives exactly the one-page ranking (no hit twice, none missed), ranked by
// score descending, ties by id, and pageInfo says where each page stands.
func TestRankedPaging(t *testing.T) {
	a := apitest.New(t)
	rankedGraph(a)
	const edges = `edges { cursor node { key: %s node { id } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`
	for _, tc := range []struct {
		name, field, args, key string
		want                   int
	}{
		{"Search", "search", `query: "科河种业"`, "score", 26},
		{"SearchEnterprises", "search", `query: "科河", types: [ENTERPRISE]`, "score", 25},
		{"Hubs", "hubs", `kind: ENTERPRISE`, "total", 25},
		{"HubsCounted", "hubs", `kind: ENTERPRISE, relationships: [MEMBERSHIP]`, "total", 25},
	} {
		t.Run(tc.name, func(t *testing.T) {
			count := ""
			if tc.field == "hubs" {
				count = "totalCount"
			}
			query := fmt.Sprintf(`query($first: Int, $after: String) { r: %s(%s, first: $first, after: $after) { %s %s } }`,
				tc.field, tc.args, count, fmt.Sprintf(edges, tc.key))
			var out struct{ R rankedAnswer }
			a.OK("", query, map[string]any{"first": 100}, &out)
			all := out.R
			if len(all.Edges) < tc.want || all.PageInfo.HasNextPage || all.PageInfo.HasPreviousPage {
				t.Fatalf("one page: %d hits (want %d), %+v", len(all.Edges), tc.want, all.PageInfo)
			}
			for i := 1; i < len(all.Edges); i++ {
				prev, cur := all.Edges[i-1].Node, all.Edges[i].Node
				if cur.Key > prev.Key || cur.Key == prev.Key && cur.Node.ID <= prev.Node.ID {
					t.Fatalf("not by %s descending then id: %v %v", tc.key, prev, cur)
				}
			}
			ties := 0
			for i := 1; i < len(all.Edges); i++ {
				if all.Edges[i].Node.Key == all.Edges[i-1].Node.Key {
					ties++
				}
			}
			if ties < 5 {
				t.Fatalf("the test needs ties; %d", ties)
			}
			if count != "" && all.TotalCount != 25 {
				t.Errorf("totalCount %d", all.TotalCount)
			}
			var walked []string
			var after any
			for step := 0; ; step++ {
				var p struct{ R rankedAnswer }
				a.OK("", query, map[string]any{"first": 4, "after": after}, &p)
				for _, e := range p.R.Edges {
					walked = append(walked, e.Node.Node.ID)
				}
				info := p.R.PageInfo
				if info.HasPreviousPage != (step > 0) || count != "" && p.R.TotalCount != 25 {
					t.Fatalf("page %d: %+v, totalCount %d", step, info, p.R.TotalCount)
				}
				if len(p.R.Edges) > 0 && (*info.StartCursor != p.R.Edges[0].Cursor || *info.EndCursor != p.R.Edges[len(p.R.Edges)-1].Cursor) {
					t.Fatalf("page %d: start and end cursors are not its edges'", step)
				}
				if !info.HasNextPage {
					break
				}
				if len(p.R.Edges) != 4 || step > len(all.Edges) {
					t.Fatalf("page %d: %d edges and a next page", step, len(p.R.Edges))
				}
				after = *info.EndCursor
			}
			var ids []string
			for _, e := range all.Edges {
				ids = append(ids, e.Node.Node.ID)
			}
			if !slices.Equal(walked, ids) {
				t.Errorf("walked\n%v\nwant\n%v", walked, ids)
			}
		})
	}
}

// TestRankedCursors: a cursor that is not one, or that another query made
// (other text, kinds, relationship kinds, another list), is BAD_USER_INPUT
// on after, for that root field only; the kinds' order does not matter.
func TestRankedCursors(t *testing.T) {
	a := apitest.New(t)
	rankedGraph(a)
	cursor := func(query string) string {
		var out struct {
			R struct{ PageInfo struct{ EndCursor string } }
		}
		a.OK("", `{ r: `+query+` { pageInfo { endCursor } } }`, nil, &out)
		if out.R.PageInfo.EndCursor == "" {
			t.Fatalf("%s: no cursor", query)
		}
		return out.R.PageInfo.EndCursor
	}
	search := cursor(`search(query: "科河", types: [ENTERPRISE, UNIVERSITY], first: 2)`)
	hubs := cursor(`hubs(kind: ENTERPRISE, relationships: [MEMBERSHIP], first: 2)`)
	list := cursor(`enterprises(first: 2)`)
	for _, tc := range []struct{ name, field string }{
		{"Malformed", `search(query: "科河", types: [ENTERPRISE, UNIVERSITY], after: "not a cursor")`},
		{"MalformedHubs", `hubs(kind: ENTERPRISE, after: "bm90IGEgY3Vyc29y")`},
		{"OtherText", fmt.Sprintf(`search(query: "科河种业", types: [ENTERPRISE, UNIVERSITY], after: %q)`, search)},
		{"OtherKinds", fmt.Sprintf(`search(query: "科河", after: %q)`, search)},
		{"HubsCursorInSearch", fmt.Sprintf(`search(query: "科河", types: [ENTERPRISE, UNIVERSITY], after: %q)`, hubs)},
		{"ListCursorInSearch", fmt.Sprintf(`search(query: "科河", after: %q)`, list)},
		{"OtherRelationships", fmt.Sprintf(`hubs(kind: ENTERPRISE, after: %q)`, hubs)},
		{"OtherKind", fmt.Sprintf(`hubs(kind: UNIVERSITY, relationships: [MEMBERSHIP], after: %q)`, hubs)},
		{"OtherRegion", fmt.Sprintf(`hubs(kind: ENTERPRISE, relationships: [MEMBERSHIP], region: "内蒙古", after: %q)`, hubs)},
		{"SearchCursorInHubs", fmt.Sprintf(`hubs(kind: ENTERPRISE, relationships: [MEMBERSHIP], after: %q)`, search)},
		{"HubsCursorInList", fmt.Sprintf(`enterprises(after: %q)`, hubs)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := a.Do("", `{ a: enterprises(first: 1) { edges { node { id } } } r: `+tc.field+` { edges { cursor } } }`, nil)
			if len(res.Errors) != 1 || res.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || res.Errors[0].Extensions["field"] != "after" ||
				!strings.Contains(string(res.Data), `"r":null`) || !strings.Contains(string(res.Data), `"a":{"edges":[{"node":{"id":"E`) {
				t.Errorf("%s %+v", res.Data, res.Errors)
			}
		})
	}
	for _, q := range []string{
		fmt.Sprintf(`search(query: " 科河 ", types: [UNIVERSITY, ENTERPRISE, UNIVERSITY], after: %q)`, search),
		fmt.Sprintf(`hubs(kind: ENTERPRISE, relationships: [MEMBERSHIP, MEMBERSHIP], after: %q)`, hubs),
	} {
		var out map[string]any
		a.OK("", `{ r: `+q+` { edges { cursor } } }`, nil, &out)
	}
}

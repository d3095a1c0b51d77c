package graph_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/innograph/innograph/apitest"
)

// TestOneListSelectedTwice: a list selected twice in one request, with
// different fields, gives each selection its own fields, whether read ahead
// (node(id:)) or batched by the loaders (below an interface field).
func TestOneListSelectedTwice(t *testing.T) {
	a := apitest.New(t)
	relGraph(a)
	var out struct{ A, B, C, D json.RawMessage }
	a.OK("", `{
		a: node(id: "e1") { ... on Enterprise { alliances { edges { node { role alliance { name } } } } } }
		b: node(id: "e1") { ... on Enterprise { alliances { edges { node { since alliance { level } } } } } }
		c: node(id: "u1") { ... on University { collaborators { edges { node { title from { ... on University { name } } } } } } }
		d: node(id: "e2") { ... on Enterprise { collaborators { edges { node { kind from { ... on University { kind } } to { id } } } } } }
	}`, nil, &out)
	for _, tc := range []struct {
		name string
		got  json.RawMessage
		want string
	}{
		{"a", nodesOnly(t, out.A), `{"alliances":[{"role":"CHAIR","alliance":{"name":"丁联盟"}}]}`},
		{"b", nodesOnly(t, out.B), `{"alliances":[{"since":2015,"alliance":{"level":"PROVINCIAL"}}]}`},
		{"c", nodesOnly(t, out.C), `{"collaborators":[{"title":"联合实验室","from":{"name":"丙大学"}}]}`},
		{"d", nodesOnly(t, out.D), `{"collaborators":[{"kind":"JOINT_LAB","from":{"kind":"UNIVERSITY"},"to":{"id":"e2"}}]}`},
	} {
		if !apitest.JSONEqual(t, tc.got, tc.want) {
			t.Errorf("%s: %s\nwant %s", tc.name, tc.got, tc.want)
		}
	}
}

// TestNodeResolvesEveryType asks node(id:) for each type and its own fields.
func TestNodeResolvesEveryType(t *testing.T) {
	a := apitest.New(t)
	a.LoadSample()
	for id, typename := range map[string]string{
		"ent-kehe-seed": "Enterprise", "uni-caas-grassland": "University", "all-sunflower": "Alliance",
		"park-minlong": "Park", "res-kehe-8": "Result",
	} {
		var out struct {
			Node map[string]any `json:"node"`
		}
		a.OK("", `query($id: ID!) { node(id: $id) { __typename id name aliases region source
			... on Enterprise { industry certifications founded creditCode }
			... on University { universityKind: kind field }
			... on Alliance { level industry }
			... on Park { parkKind: kind level }
			... on Result { resultKind: kind year field } } }`, map[string]any{"id": id}, &out)
		if out.Node["__typename"] != typename || out.Node["id"] != id || out.Node["source"] == nil {
			t.Errorf("node(%s) = %v", id, out.Node)
		}
	}
	var missing struct{ Node *struct{} }
	a.OK("", `{ node(id: "no-such-id") { id } }`, nil, &missing)
	if missing.Node != nil {
		t.Error("an unknown id is null, not an error")
	}
}

func TestRelationshipFields(t *testing.T) {
	a := apitest.New(t)
	relGraph(a)
	var out struct {
		E1, U1, A1, P1, P2, R1 json.RawMessage
	}
	a.OK("", `{
		e1: node(id: "e1") { ... on Enterprise {
			alliances { edges { node { role since member { id } alliance { id } } } }
			parks { edges { node { graduated park { id } tenant { id } } } }
			acquiredResults { edges { node { mode year value result { id } enterprise { id } } } }
			developedResults { edges { node { result { id } } } }
			collaborators { edges { node { partner { id } } } } } }
		u1: node(id: "u1") { ... on University {
			alliances { edges { node { alliance { id } } } } parks { edges { node { park { id } } } }
			developedResults { edges { node { role year result { id } developer { id } } } }
			collaborators { edges { node { kind title from { id } to { id } partner { id } } } } } }
		a1: node(id: "a1") { ... on Alliance { members { edges { node { role member { __typename id } } } } } }
		p1: node(id: "p1") { ... on Park { tenants { edges { node { tenant { id } } } } enterprises { edges { node { tenant { id } } } } parents { edges { node { park { id } } } } } }
		p2: node(id: "p2") { ... on Park { enterprises { edges { node { tenant { id } } } } parents { edges { node { park { id } } } } } }
		r1: node(id: "r1") { ... on Result { developers { edges { node { role developer { id } } } } transfers { edges { node { enterprise { id } } } } } }
	}`, nil, &out)
	for _, tc := range []struct {
		name string
		got  json.RawMessage
		want string
	}{
		{"e1", out.E1, `{"alliances":[{"role":"CHAIR","since":2015,"member":{"id":"e1"},"alliance":{"id":"a1"}}],` +
			`"parks":[{"graduated":true,"park":{"id":"p2"},"tenant":{"id":"e1"}}],` +
			`"acquiredResults":[{"mode":"LICENCE","year":2021,"value":300,"result":{"id":"r1"},"enterprise":{"id":"e1"}}],` +
			`"developedResults":[],"collaborators":[]}`},
		{"u1", out.U1, `{"alliances":[{"alliance":{"id":"a1"}}],"parks":[{"park":{"id":"p1"}}],` +
			`"developedResults":[{"role":"LEAD","year":2019,"result":{"id":"r1"},"developer":{"id":"u1"}}],` +
			`"collaborators":[{"kind":"JOINT_LAB","title":"联合实验室","from":{"id":"u1"},"to":{"id":"e2"},"partner":{"id":"e2"}}]}`},
		{"a1", out.A1, `{"members":[{"role":"CHAIR","member":{"__typename":"Enterprise","id":"e1"}},` +
			`{"role":"MEMBER","member":{"__typename":"University","id":"u1"}}]}`},
		{"p1", out.P1, `{"tenants":[{"tenant":{"id":"u1"}},{"tenant":{"id":"p2"}}],"enterprises":[],"parents":[]}`},
		{"p2", out.P2, `{"enterprises":[{"tenant":{"id":"e1"}}],"parents":[{"park":{"id":"p1"}}]}`},
		{"r1", out.R1, `{"developers":[{"role":"LEAD","developer":{"id":"u1"}},{"role":"PARTICIPANT","developer":{"id":"e2"}}],` +
			`"transfers":[{"enterprise":{"id":"e1"}}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !apitest.JSONEqual(t, nodesOnly(t, tc.got), tc.want) {
				t.Errorf("got  %s\nwant %s", tc.got, tc.want)
			}
		})
	}
	var e2 struct {
		Node struct {
			Collaborators nodesOf[struct{ Partner struct{ ID string } }]
		}
	}
	a.OK("", `{ node(id: "e2") { ... on Enterprise { collaborators { edges { node { partner { id } } } } } } }`, nil, &e2)
	if len(e2.Node.Collaborators) != 1 || e2.Node.Collaborators[0].Partner.ID != "u1" {
		t.Errorf("seen from e2, the partner is u1: %+v", e2)
	}
}

type connection struct {
	TotalCount int
	PageInfo   struct {
		HasNextPage, HasPreviousPage bool
		EndCursor                    string
	}
	Edges []struct {
		Cursor string
		Node   map[string]any
	}
}

func TestListsAndPagination(t *testing.T) {
	a := apitest.New(t)
	a.LoadSample()
	for _, tc := range []struct {
		name, query string
		vars        map[string]any
		wantTotal   int
		wantFirst   string
	}{
		{"EnterprisesByRegion", `query($f: EnterpriseFilter) { list: enterprises(filter: $f, first: 2) {
			totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id name } } } }`,
			map[string]any{"f": map[string]any{"region": "内蒙古自治区/巴彦淖尔市"}}, 8, ""},
		{"EnterprisesTechCenter", `query($f: EnterpriseFilter) { list: enterprises(filter: $f, orderBy: {field: ID}) {
			totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }`,
			map[string]any{"f": map[string]any{"certifications": []string{"TECH_CENTER"}}}, 3, "ent-kehe-seed"},
		{"Universities", `{ list: universities(filter: {kind: RESEARCH_INSTITUTE}) {
			totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }`, nil, 2, ""},
		{"Alliances", `{ list: alliances(filter: {level: PROVINCIAL, nameContains: "向日葵"}) {
			totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }`, nil, 1, "all-sunflower"},
		{"ParksByKindDesc", `{ list: parks(filter: {kind: ECONOMIC_DEVELOPMENT_ZONE}, orderBy: {field: NAME, direction: DESC}) {
			totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }`, nil, 3, "park-tengger-etdz"},
		{"ResultsByField", `{ list: results(filter: {field: "蒙药", kind: TECHNOLOGY}) {
			totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }`, nil, 1, "res-tegexidegeqi"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out struct{ List connection }
			a.OK("", tc.query, tc.vars, &out)
			if out.List.TotalCount != tc.wantTotal {
				t.Errorf("totalCount %d, want %d", out.List.TotalCount, tc.wantTotal)
			}
			if tc.wantFirst != "" && (len(out.List.Edges) == 0 || out.List.Edges[0].Node["id"] != tc.wantFirst) {
				t.Errorf("first node %+v, want %s", out.List.Edges, tc.wantFirst)
			}
		})
	}
	t.Run("WalkAllPages", func(t *testing.T) {
		seen := map[string]bool{}
		vars := map[string]any{"after": nil}
		for pages := 1; ; pages++ {
			var out struct{ Enterprises connection }
			a.OK("", `query($after: String) { enterprises(first: 3, after: $after, orderBy: {field: NAME, direction: DESC}) {
				pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { id } } } }`, vars, &out)
			for _, e := range out.Enterprises.Edges {
				seen[e.Node["id"].(string)] = true
			}
			if out.Enterprises.PageInfo.HasPreviousPage != (pages > 1) {
				t.Errorf("page %d hasPreviousPage %v", pages, out.Enterprises.PageInfo.HasPreviousPage)
			}
			if !out.Enterprises.PageInfo.HasNextPage {
				break
			}
			vars["after"] = out.Enterprises.PageInfo.EndCursor
		}
		if len(seen) != 10 {
			t.Errorf("walked %d enterprises, want the sample's 10", len(seen))
		}
	})
	// A filtered count and its page come from one read of the matches; the
	// count ignores the cursor, the page honours it.
	t.Run("WalkFilteredPagesCounting", func(t *testing.T) {
		var ids []string
		vars := map[string]any{"after": nil}
		for {
			var out struct{ Enterprises connection }
			a.OK("", `query($after: String) { enterprises(first: 3, after: $after, filter: {region: "内蒙古自治区"}) {
				totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`, vars, &out)
			if out.Enterprises.TotalCount != 8 {
				t.Fatalf("totalCount %d after %v, want 8", out.Enterprises.TotalCount, vars["after"])
			}
			for _, e := range out.Enterprises.Edges {
				ids = append(ids, e.Node["id"].(string))
			}
			if !out.Enterprises.PageInfo.HasNextPage {
				break
			}
			vars["after"] = out.Enterprises.PageInfo.EndCursor
		}
		if len(ids) != 8 || len(slices.Compact(slices.Sorted(slices.Values(ids)))) != 8 {
			t.Errorf("walked %v, want the 8 enterprises once each", ids)
		}
	})
}

func TestSearch(t *testing.T) {
	a := apitest.New(t)
	a.LoadSample()
	var out struct {
		Search struct {
			Edges []struct {
				Node struct {
					Score float64
					Node  struct{ Typename, ID string } `json:"node"`
				}
			}
		}
	}
	hits := func() []string {
		var ids []string
		for _, e := range out.Search.Edges {
			ids = append(ids, e.Node.Node.ID)
		}
		return ids
	}
	a.OK("", `{ search(query: "科河", first: 5) { edges { node { score node { typename: __typename id } } } } }`, nil, &out)
	if e := out.Search.Edges; len(e) != 2 || e[0].Node.Score < e[1].Node.Score {
		t.Fatalf("search 科河: %+v", out.Search)
	}
	a.OK("", `{ search(query: "科河", types: [RESULT]) { edges { node { score node { typename: __typename id } } } } }`, nil, &out)
	if e := out.Search.Edges; len(e) != 1 || e[0].Node.Node.ID != "res-kehe-8" || e[0].Node.Node.Typename != "Result" {
		t.Errorf("search 科河 in results: %v", hits())
	}
	a.OK("", `{ search(query: "糖尿乐") { edges { node { score node { typename: __typename id } } } } }`, nil, &out)
	if e := out.Search.Edges; len(e) != 1 || e[0].Node.Node.ID != "res-tegexidegeqi" {
		t.Errorf("an alias is searchable: %v", hits())
	}
}

// TestListReadsWhatIsSelected: a page reads only the selected properties of
// its nodes, and they equal what node(id:) reads in full.
func TestListReadsWhatIsSelected(t *testing.T) {
	a := apitest.New(t)
	a.LoadSample()
	var page struct {
		Enterprises struct {
			Edges []struct{ Node map[string]any }
		}
	}
	a.OK("", `{ enterprises(first: 50) { edges { node { id name industry region certifications } } } }`, nil, &page)
	if len(page.Enterprises.Edges) == 0 {
		t.Fatal("no enterprises")
	}
	for _, e := range page.Enterprises.Edges {
		var one struct{ Node map[string]any }
		a.OK("", `query($id: ID!) { node(id: $id) { ... on Enterprise { id name industry region certifications } } }`,
			map[string]any{"id": e.Node["id"]}, &one)
		if fmt.Sprint(one.Node) != fmt.Sprint(e.Node) {
			t.Errorf("list %v, node %v", e.Node, one.Node)
		}
	}
	// node(id:) with lists reads the node and the lists in one statement,
	// of the node only what it selects: two aliases of the same node selecting
	// different fields each get theirs.
	id := page.Enterprises.Edges[0].Node["id"]
	var two struct{ A, B map[string]any }
	a.OK("", `query($id: ID!) {
		a: node(id: $id) { ... on Enterprise { name parks { edges { node { park { id } } } } } }
		b: node(id: $id) { ... on Enterprise { id name industry region certifications alliances { edges { node { role } } } } } }`,
		map[string]any{"id": id}, &two)
	delete(two.B, "alliances")
	if fmt.Sprint(two.B) != fmt.Sprint(page.Enterprises.Edges[0].Node) || two.A["name"] != two.B["name"] || two.A["parks"] == nil {
		t.Errorf("aliases of one node: %v and %v, want %v", two.A, two.B, page.Enterprises.Edges[0].Node)
	}
}

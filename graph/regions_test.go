package graph_test

import (
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
)

// regionGraph has one node of each type with a region at each of three
// levels of 内蒙古自治区/阿拉善盟/阿拉善左旗, and one in 巴彦淖尔市 (whose
// name begins like 巴彦浩特, a town of 阿拉善左旗).
const regionGraph = `
{"type":"Enterprise","id":"e1","name":"企业一","region":"内蒙古自治区"}
{"type":"Enterprise","id":"e2","name":"企业二","region":"内蒙古自治区/阿拉善盟"}
{"type":"Enterprise","id":"e3","name":"企业三","region":"内蒙古自治区/阿拉善盟/阿拉善左旗"}
{"type":"Enterprise","id":"e4","name":"企业四","region":"内蒙古自治区/巴彦淖尔市"}
{"type":"University","id":"u1","name":"大学","kind":"UNIVERSITY","region":"内蒙古自治区/阿拉善盟"}
{"type":"Alliance","id":"a1","name":"联盟","region":"内蒙古自治区/阿拉善盟/阿拉善左旗"}
{"type":"Park","id":"p1","name":"园区","kind":"HIGH_TECH_ZONE","region":"内蒙古自治区/阿拉善盟"}
{"type":"Result","id":"r1","name":"成果","kind":"PATENT","region":"内蒙古自治区/阿拉善盟"}
{"type":"MEMBERSHIP","from":"e3","to":"a1"}
{"type":"LOCATION","from":"e2","to":"p1"}
{"type":"LOCATION","from":"e3","to":"p1"}
`

// TestRegionFilterAnyLevel: a region filter names whole segments of the
// region path at any level, on every list and on hubs; a part of a segment
// matches nothing.
func TestRegionFilterAnyLevel(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(regionGraph)
	ids := func(v map[string]any, list string) string {
		var out []string
		edges, _ := v[list].(map[string]any)["edges"].([]any)
		for _, e := range edges {
			node := e.(map[string]any)["node"].(map[string]any)
			if inner, ok := node["node"].(map[string]any); ok { // a hub holds its node
				node = inner
			}
			out = append(out, node["id"].(string))
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct{ list, region, want string }{
		{"enterprises", "阿拉善盟", "e2 e3"},
		{"enterprises", "阿拉善左旗", "e3"},
		{"enterprises", "阿拉善盟/阿拉善左旗", "e3"},
		{"enterprises", "内蒙古自治区/阿拉善盟", "e2 e3"},
		{"enterprises", "内蒙古自治区", "e1 e2 e3 e4"},
		{"enterprises", "/内蒙古自治区/巴彦淖尔市/", "e4"},
		{"enterprises", "巴彦", ""},
		{"enterprises", "阿拉善", ""},
		{"enterprises", "内蒙古", ""},
		{"enterprises", "内蒙古自治区/阿拉善左旗", ""},
		{"universities", "阿拉善盟", "u1"},
		{"alliances", "阿拉善盟", "a1"},
		{"parks", "阿拉善盟", "p1"},
		{"results", "阿拉善盟", "r1"},
	} {
		var out map[string]any
		a.OK("", `query($r: String) { `+tc.list+`(filter: {region: $r}, orderBy: {field: ID}) { edges { node { id } } } }`, map[string]any{"r": tc.region}, &out)
		if got := ids(out, tc.list); got != tc.want {
			t.Errorf("%s in %q: %q, want %q", tc.list, tc.region, got, tc.want)
		}
	}
	for _, tc := range []struct{ region, want string }{
		{"阿拉善盟", "e3 e2"},
		{"内蒙古自治区/阿拉善盟/阿拉善左旗", "e3"},
		{"巴彦淖尔市", "e4"},
		{"巴彦", ""},
	} {
		var out map[string]any
		a.OK("", `query($r: String) { hubs(kind: ENTERPRISE, region: $r) { edges { node { node { id } } } } }`, map[string]any{"r": tc.region}, &out)
		if got := ids(out, "hubs"); got != tc.want {
			t.Errorf("hubs in %q: %q, want %q", tc.region, got, tc.want)
		}
	}
	a.Fails("", `{ enterprises(filter: {region: "/"}) { totalCount } }`, nil, "BAD_USER_INPUT", "filter.region")
	a.Fails("", `{ hubs(kind: PARK, region: " ") { totalCount } }`, nil, "BAD_USER_INPUT", "region")
}

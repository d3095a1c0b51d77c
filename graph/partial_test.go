package graph_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
)

// TestPartialResults: a root field that fails is null with its error, and
// its siblings keep their data — for every query field that can fail and
// for mutations, which run one after another whatever the one before did.
func TestPartialResults(t *testing.T) {
	a := apitest.New(t)
	a.LoadSample()
	tooMany := `"` + strings.Repeat(`x", "`, 100) + `x"`
	for _, tc := range []struct {
		name, field, code string
	}{
		// The regression of issue 11: data was null, the good sibling lost.
		{"resultTrail", `resultTrail(id: "nope") { result { id } }`, "NOT_FOUND"},
		{"technologySources", `technologySources(enterpriseId: "nope") { enterprise { id } }`, "NOT_FOUND"},
		{"nodes", `nodes(ids: [` + tooMany + `]) { id }`, "BAD_USER_INPUT"},
		{"enterprises", `enterprises(first: 0) { edges { node { id } } }`, "BAD_USER_INPUT"},
		{"universities", `universities(last: 101) { edges { node { id } } }`, "BAD_USER_INPUT"},
		{"alliances", `alliances(first: 1, last: 1) { edges { node { id } } }`, "BAD_USER_INPUT"},
		{"parks", `parks(last: 1, before: "nope") { edges { node { id } } }`, "BAD_USER_INPUT"},
		{"results", `results(after: "nope") { edges { node { id } } }`, "BAD_USER_INPUT"},
		{"search", `search(query: " ") { edges { node { score } } }`, "BAD_USER_INPUT"},
		{"chain", `chain(from: "ent-kehe-seed", to: "all-sunflower", maxHops: 9) { exhausted }`, "BAD_USER_INPUT"},
		{"network", `network(id: "ent-kehe-seed", depth: 9) { truncated }`, "BAD_USER_INPUT"},
		{"suggestPartners", `suggestPartners(id: "ent-kehe-seed", first: 0) { score }`, "BAD_USER_INPUT"},
		{"hubs", `hubs(kind: ENTERPRISE, first: 0) { totalCount }`, "BAD_USER_INPUT"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := a.Do("", fmt.Sprintf(`{ a: enterprises(first: 1) { edges { node { id } } } b: %s }`, tc.field), nil)
			var data struct {
				A *struct {
					Edges []struct{ Node struct{ ID string } }
				}
				B json.RawMessage
			}
			if err := json.Unmarshal(res.Data, &data); err != nil || data.A == nil || len(data.A.Edges) != 1 {
				t.Fatalf("the good sibling is lost: data %s, errors %+v", res.Data, res.Errors)
			}
			if string(data.B) != "null" || len(res.Errors) != 1 || res.Errors[0].Extensions["code"] != tc.code ||
				fmt.Sprint(res.Errors[0].Path) != "[b]" {
				t.Errorf("want b null with one %s error at [b]; data %s, errors %+v", tc.code, res.Data, res.Errors)
			}
		})
	}
	t.Run("mutations", func(t *testing.T) {
		res := a.Do(apitest.WriteToken, `mutation {
			a: createPark(input: {id: "park-new", name: "新园区", kind: INCUBATOR}) { id }
			b: deleteNode(id: "nope") { deletedId }
			c: addLocation(input: {tenantId: "ent-kehe-seed", parkId: "park-new"}) { park { id } } }`, nil)
		if string(res.Data) != `{"a":{"id":"park-new"},"b":null,"c":{"park":{"id":"park-new"}}}` ||
			len(res.Errors) != 1 || res.Errors[0].Extensions["code"] != "NOT_FOUND" || fmt.Sprint(res.Errors[0].Path) != "[b]" {
			t.Errorf("want a and c written and b null with NOT_FOUND; data %s, errors %+v", res.Data, res.Errors)
		}
	})
}

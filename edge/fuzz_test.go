package edge_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/edge"
	"github.com/innograph/innograph/importer"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
	"github.com/innograph/innograph/seed/data"
)

// FuzzQuery posts arbitrary bodies to the whole HTTP handler over the sample
// graph. Whatever arrives, the answer is JSON with errors that carry a code,
// never INTERNAL, and never a 5xx except 503/504 for database trouble. The
// seeds run in every `go test`; longer by hand:
//
//	go test -run='^$' -fuzz=FuzzQuery -fuzztime=10m ./edge
func FuzzQuery(f *testing.F) {
	for _, seed := range []string{
		`{"query":"{ enterprises(first: 3) { edges { node { name } } } }"}`,
		`{"query":"{ node(id: \"ent-kehe-seed\") { id name } }"}`,
		`{"query":"{ chain(from: \"ent-kehe-seed\", to: \"uni-caas-grassland\", maxHops: 4) { chains { length } } }"}`,
		`{"query":"{ network(id: \"all-sunflower\", depth: 2, maxNodes: 50) { nodes { distance } } }"}`,
		`{"query":"{ search(text: \"科河\\u202e\\u0000\") { __typename } }"}`,
		`{"query":"query($id: ID!) { node(id: $id) { id } }","variables":{"id":"\u0000\u001b[31m"}}`,
		`{"query":"mutation { createEnterprise(input: {name: \"x\"}) { id } }"}`,
		`{"query":"{ node(id: \"x\") { ... on Enterprise { alliances(first: 1) { edges { node { alliance { members(first: 1) { edges { node { member { id } } } } } } } } } } }"}`,
		`{"query":"` + strings.Repeat("{ a", 50) + `"}`,
		`{"query":1}`, `[{"query":"{ __typename }"}]`, `{"query":"{ __typename }", "variables": []}`,
		`not json`, `{`, ``, `{"query":"{ __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"x"}}}`,
	} {
		f.Add(seed)
	}
	h := apitest.Handler(sampleGraph(f), func(o *edge.Options) { o.GraphQL.MaxBodyBytes = 64 << 10 })
	f.Fuzz(func(t *testing.T, body string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, apitest.NewRequest(body, ""))
		if rec.Code >= 500 && rec.Code != http.StatusServiceUnavailable && rec.Code != http.StatusGatewayTimeout {
			t.Fatalf("status %d for %q", rec.Code, body)
		}
		var out struct {
			Errors []struct {
				Extensions map[string]any `json:"extensions"`
			} `json:"errors"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
			t.Fatalf("status %d, body not JSON for %q: %q", rec.Code, body, rec.Body.String())
		}
		for _, e := range out.Errors {
			if code, _ := e.Extensions["code"].(string); code == "" || code == "INTERNAL" {
				t.Errorf("status %d, error code %q for %q: %s", rec.Code, code, body, rec.Body.String())
			}
		}
	})
}

// sampleGraph returns the test database holding the sample graph. Fuzzing
// runs the target's setup in the coordinating process and then again in
// every worker process, side by side; only a process that finds the sample
// missing clears the graph and loads it, so a worker starting never wipes
// the graph another worker is fuzzing (that raced, and killed workers).
func sampleGraph(f *testing.F) *neo4jdb.DB {
	f.Helper()
	db := neo4jtest.Shared(f)
	plan, _, err := importer.Parse(data.Sample)
	if err != nil {
		f.Fatal(err)
	}
	ids := make([]string, len(plan.Nodes))
	for i, n := range plan.Nodes {
		ids[i] = n.Row.ID
	}
	found, err := db.NodeKinds(f.Context(), ids)
	if err != nil {
		f.Fatal(err)
	}
	if len(found) == len(ids) {
		return db
	}
	if err := db.DeleteAll(f.Context()); err != nil {
		f.Fatal(err)
	}
	if _, err := importer.Load(f.Context(), db, data.Sample); err != nil {
		f.Fatal(err)
	}
	return db
}

package graph_test

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/edge"
	"github.com/innograph/innograph/graph"
)

// BenchmarkTrustedDocuments measures what trusted documents add to the
// whole handler on an operation that reads nothing (no loader, no store):
// the same document sent as text without manifests, as text and by id with
// the manifests (the two samples and this one) enforced.
func BenchmarkTrustedDocuments(b *testing.B) {
	const text = `query Here { here: __typename }`
	id := sha256Hex(text)
	docs, err := graph.LoadTrustedDocuments(true, codegenManifest, relayManifest, graph.WriteManifest(b, map[string]string{id: text}))
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name    string
		trusted *graph.TrustedDocuments
		request map[string]any
	}{
		{"TextNoManifests", nil, map[string]any{"query": text}},
		{"TextEnforced", docs, map[string]any{"query": text}},
		{"DocumentIDEnforced", docs, map[string]any{"documentId": "sha256:" + id}},
		{"APQHashEnforced", docs, map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": id}}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			h := apitest.Handler(&stubStore{}, func(o *edge.Options) { o.GraphQL.Trusted = bc.trusted })
			body, _ := json.Marshal(bc.request)
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, apitest.NewRequest(string(body), ""))
				if !strings.Contains(rec.Body.String(), `"here":"Query"`) {
					b.Fatal(rec.Body.String())
				}
			}
		})
	}
}

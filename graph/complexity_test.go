package graph

import (
	"context"
	"testing"

	gqlcomplexity "github.com/99designs/gqlgen/complexity"
	"github.com/vektah/gqlparser/v2"
)

// TestComplexity prices the lists whose length an argument or a fixed cap
// sets by what they can return. A field costs 1 plus what is selected in
// it; a list multiplies that by its length.
func TestComplexity(t *testing.T) {
	es := NewExecutableSchema(Config{Resolvers: &Resolver{}, Complexity: complexity()})
	for _, tc := range []struct {
		name, query string
		want        int
	}{
		// Nodes or edges, whichever cap is longer: the default 1,000 edges.
		{"NetworkDefault", `{ network(id: "x") { nodes { node { id } } } }`, 5000 + 1000*3},
		{"NetworkManyNodes", `{ network(id: "x", maxNodes: 1000, maxEdges: 100) { edges { fromId toId } } }`, 5000 + 1000*3},
		{"NetworkFewEdges", `{ network(id: "x", maxNodes: 50, maxEdges: 10) { edges { fromId toId } } }`, 5000 + 50*3},
		{"NetworkAllEdges", `{ network(id: "x", maxEdges: 5000) { edges { kind fromId toId relationship { __typename } } } }`, 5000 + 5000*6},
		// Steps (first × maxHops) or the 20 skipped hubs, whichever is more.
		{"ChainDefault", `{ chain(from: "a", to: "b") { skippedHubs { id } } }`, 5000 + 20*2},
		{"ChainShort", `{ chain(from: "a", to: "b", first: 1, maxHops: 1) { skippedHubs { id } } }`, 5000 + 20*2},
		{"ChainLong", `{ chain(from: "a", to: "b", first: 20, maxHops: 6) { skippedHubs { id } } }`, 5000 + 120*2},
		// At most 10 reasons a suggestion, each chain two steps.
		{"Partners", `{ suggestPartners(id: "x") { score reasons { kind } } }`, 5000 + 10*(1+(1+10*1))},
		{"PartnerChains", `{ suggestPartners(id: "x", first: 50) { reasons { chain { steps { node { id } } } } } }`,
			5000 + 50*(1+10*(1+2*(1+2)))},
		// A row per record, at most 1,000 of them.
		{"Import", `mutation { importGraph(input: {records: [{}, {}, {}]}) { rows { index status } } }`, 1 + 3*3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, errs := gqlparser.LoadQuery(es.Schema(), tc.query)
			if errs != nil {
				t.Fatal(errs)
			}
			if got := gqlcomplexity.Calculate(context.Background(), es, doc.Operations[0], nil); got != tc.want {
				t.Errorf("complexity %d, want %d", got, tc.want)
			}
		})
	}
}

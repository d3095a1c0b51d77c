package neo4jdb_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/importer"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// TestCapsAreInCypher: the statements behind a network's edges, a chain's
// skipped hubs and a suggestion's reasons return one item more than their
// cap (to tell that it cut), never the whole list, and the answers hold the
// cap and say they were cut. S and T share 12 alliances and 25 parks: 37
// reasons, 37 hubs of two relationships each, 74 edges.
func TestCapsAreInCypher(t *testing.T) {
	neo4jtest.Open(t)
	var last neo4jdb.Query
	db, err := neo4jdb.Open(ctx, neo4jtest.Config(), func(_ context.Context, q neo4jdb.Query) { last = q })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close(context.Background()) })

	var g strings.Builder
	g.WriteString(`{"type":"Enterprise","id":"S","name":"甲"}` + "\n" + `{"type":"Enterprise","id":"T","name":"乙"}` + "\n")
	for i := range 12 {
		fmt.Fprintf(&g, `{"type":"Alliance","id":"A%02d","name":"联盟%d"}`+"\n", i, i)
		fmt.Fprintf(&g, `{"type":"MEMBERSHIP","from":"S","to":"A%02d"}`+"\n"+`{"type":"MEMBERSHIP","from":"T","to":"A%02d"}`+"\n", i, i)
	}
	for i := range 25 {
		fmt.Fprintf(&g, `{"type":"Park","id":"P%02d","name":"园区%d","kind":"INCUBATOR"}`+"\n", i, i)
		fmt.Fprintf(&g, `{"type":"LOCATION","from":"S","to":"P%02d"}`+"\n"+`{"type":"LOCATION","from":"T","to":"P%02d"}`+"\n", i, i)
	}
	plan, problems, err := importer.Parse(fstest.MapFS{"g.jsonl": {Data: []byte(g.String())}})
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	if _, err := importer.Write(ctx, db, plan, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	// sent runs the last statement again and returns the list in column
	// key of its one record.
	sent := func(key string) []any {
		t.Helper()
		records, err := db.ReadRecords(ctx, last.Cypher, last.Params)
		if err != nil || len(records) != 1 {
			t.Fatalf("%v, %d records", err, len(records))
		}
		v, _ := records[0].Get(key)
		list, _ := v.([]any)
		return list
	}

	net, err := db.Network(ctx, model.NetworkQuery{ID: "S", Depth: 2, MaxNodes: 100, MaxEdges: 10, Edges: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(sent("edges")); n != 11 || len(net.Edges) != 10 || !net.EdgesTruncated || len(net.Nodes) != 39 {
		t.Errorf("network: %d edges from Neo4j, %d of 74 in the answer (truncated %v), %d nodes; want 11, 10 (true), 39",
			n, len(net.Edges), net.EdgesTruncated, len(net.Nodes))
	}

	chains, err := db.Chains(ctx, model.ChainQuery{From: "S", To: "T", MaxHops: 2, First: 5, PathScope: model.PathScope{MaxDegree: 1}, SkippedHubs: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(sent("hubs")); n != model.MaxSkippedHubs+1 || len(chains.SkippedHubs) != model.MaxSkippedHubs || !chains.SkippedHubsTruncated {
		t.Errorf("chain: %d hubs from Neo4j, %d of 37 in the answer (truncated %v)", n, len(chains.SkippedHubs), chains.SkippedHubsTruncated)
	}

	partners, err := db.SuggestPartners(ctx, model.PartnerQuery{ID: "S", Kinds: []model.NodeKind{model.NodeKindEnterprise}, First: 5, RecentSince: 2016})
	if err != nil {
		t.Fatal(err)
	}
	list := sent("suggestions")
	if len(list) != 1 || len(partners) != 1 {
		t.Fatalf("partners: %d from Neo4j, %+v in the answer; want T alone", len(list), partners)
	}
	first, _ := list[0].(map[string]any)
	reasons, _ := first["reasons"].([]any)
	if n := len(reasons); n != model.MaxPartnerReasons+1 || len(partners[0].Reasons) != model.MaxPartnerReasons ||
		!partners[0].Truncated || partners[0].Score != 12*3+25*2 {
		t.Errorf("partners: %d reasons from Neo4j, %d of 37 in the answer (truncated %v), score %v",
			n, len(partners[0].Reasons), partners[0].Truncated, partners[0].Score)
	}
}

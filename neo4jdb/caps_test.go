package neo4jdb_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/innograph/innograph/graph/model"
)

// TestCapsAreInCypher: the statements behind a network's edges, a chain's
// skipped hubs and a suggestion's reasons return one item more than their
// cap (to tell that it cut), never the whole list, and the answers hold the
// cap and say they were cut. S and T share 12 alliances and 25 parks: 37
// reasons, 37 hubs of two relationships each, 74 edges.
func TestCapsAreInCypher(t *testing.T) {
	db, last := recordingDB(t)

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
	loadJSONL(t, db, g.String())
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

// TestMatchReasonsCapped: X serves D's poster in six ways, is affiliated
// with it, is matched with D at three stages and shares D's field, words
// and county: 13 reasons. The statement returns 11 (one more than the cap,
// to tell it cut), the answer 10 and truncated, and the score counts all.
func TestMatchReasonsCapped(t *testing.T) {
	db, last := recordingDB(t)
	var g strings.Builder
	g.WriteString(`{"type":"Demand","id":"D","name":"风电叶片检测技术需求","field":"风电装备","region":"内蒙古自治区/包头市/九原区","status":"MATCHED"}
{"type":"Enterprise","id":"P","name":"包头某风电公司"}
{"type":"POSTING","from":"P","to":"D"}
{"type":"Person","id":"X","name":"风电叶片专家","roles":["EXPERT"],"field":"风电装备","region":"内蒙古自治区/包头市/九原区"}
{"type":"AFFILIATION","from":"X","to":"P","role":"顾问"}
`)
	for _, k := range model.AllServiceKind {
		fmt.Fprintf(&g, `{"type":"SERVICE","from":"X","to":"P","kind":"%s"}`+"\n", k)
	}
	for _, s := range model.AllMatchStage {
		fmt.Fprintf(&g, `{"type":"MATCH","from":"D","to":"X","stage":"%s"}`+"\n", s)
	}
	loadJSONL(t, db, g.String())

	got, err := db.MatchDemand(ctx, model.MatchQuery{ID: "D", Kinds: model.MatchKinds, First: 10})
	if err != nil {
		t.Fatal(err)
	}
	records, err := db.ReadRecords(ctx, last.Cypher, last.Params)
	if err != nil || len(records) != 1 {
		t.Fatalf("%v, %d records", err, len(records))
	}
	v, _ := records[0].Get("candidates")
	candidates, _ := v.([]any)
	if len(candidates) != 1 {
		t.Fatalf("X alone: %v", candidates)
	}
	if sent, _ := candidates[0].(map[string]any)["reasons"].([]any); len(sent) != model.MaxMatchReasons+1 {
		t.Errorf("the statement returns %d reasons, want the cap and one more", len(sent))
	}
	want := 7*model.MatchWeights[model.MatchReasonKindPosterTie] + 3*model.MatchWeights[model.MatchReasonKindMatched] +
		model.MatchWeights[model.MatchReasonKindField] + model.MatchWeights[model.MatchReasonKindKeywords] + model.MatchWeights[model.MatchReasonKindSameRegion]
	if len(got) != 1 || len(got[0].Reasons) != model.MaxMatchReasons || !got[0].Truncated || got[0].Score != want {
		t.Fatalf("10 of 13 reasons, truncated, score %v: %+v", want, got)
	}
	if m := got[0].Match; m == nil || m.Stage != model.MatchStageContracted {
		t.Errorf("the most advanced match flags X: %+v", m)
	}
}

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

// loadJSONL writes a graph in the seed format into db.
func loadJSONL(t *testing.T, db *neo4jdb.DB, g string) {
	t.Helper()
	plan, problems, err := importer.Parse(fstest.MapFS{"g.jsonl": {Data: []byte(g)}})
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	if _, err := importer.Write(ctx, db, plan, importer.Options{}); err != nil {
		t.Fatal(err)
	}
}

// TestMatchReasonsCapped: X serves D's poster in six ways, is affiliated
// with it, is matched with D at three stages and shares D's field, words
// and county: 13 reasons. The statement returns 11 (one more than the cap,
// to tell it cut), the answer 10 and truncated, and the score counts all.
func TestMatchReasonsCapped(t *testing.T) {
	neo4jtest.Open(t)
	var last neo4jdb.Query
	db, err := neo4jdb.Open(ctx, neo4jtest.Config(), func(_ context.Context, q neo4jdb.Query) { last = q })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close(context.Background()) })
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

// TestMatchLongDemand: a demand whose name and description run to 500
// distinct characters still ranks (Lucene refused the query of all of
// them: more than 1,024 clauses), and the words of its name still find the
// candidate.
func TestMatchLongDemand(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	var text []rune // 500 distinct characters: about as many distinct terms
	for r := rune(0x4e00); len(text) < model.MaxTextLen; r++ {
		text = append(text, r)
	}
	long := string(text)
	loadJSONL(t, db, fmt.Sprintf(`{"type":"Demand","id":"D","name":"稀土永磁电机控制器需求","description":%q,"status":"OPEN"}
{"type":"Result","id":"R","name":"稀土永磁电机控制器","kind":"PRODUCT"}
`, long))
	got, err := db.MatchDemand(ctx, model.MatchQuery{ID: "D", Kinds: model.MatchKinds, First: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Node.NodeID() != "R" || got[0].Reasons[0].Kind != model.MatchReasonKindKeywords {
		t.Errorf("R shares D's words: %+v", got)
	}
}

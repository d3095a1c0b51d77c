package neo4jdb_test

import (
	"fmt"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

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

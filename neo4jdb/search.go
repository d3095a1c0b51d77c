package neo4jdb

import (
	"context"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

// searchIndex is the full-text index over names of all node types (schema.cypher).
const searchIndex = "node_search"

// Search reads a page of the nodes whose names match q.Text, best first:
// score descending, then id, so that a cursor (score, id) is a position in
// one order. The text is taken literally: Lucene operators in it are
// escaped. Of each node it reads q.Props (nil: all).
//
// The procedure yields hits by descending score but ties in Lucene's
// document order, which merges renumber, and it cannot start after a
// cursor; so the statement reads every hit (of the kinds asked) and keeps
// the best q.First+1 past the cursor in a top-n sort (memory for that many
// rows, not for every hit). Scores are deterministic for one state of the
// index (TestSearchScoresAreStable); a write between two pages changes the
// index statistics and can move hits across the cursor, as an edit moves a
// node across a name-ordered cursor.
func (db *DB) Search(ctx context.Context, q model.SearchQuery) (model.Ranked[*model.SearchHit], error) {
	var only any // null in Cypher: every type (a nil slice would be sent as [])
	if len(q.Kinds) > 0 {
		ls := make([]string, len(q.Kinds))
		for i, k := range q.Kinds {
			ls[i] = label(k)
		}
		only = ls
	}
	params := map[string]any{"index": searchIndex, "query": EscapeLucene(q.Text), "labels": only, "limit": q.First + 1}
	where := append([]string{"($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))"},
		rankedAfter("score", q.After, params)...)
	records, err := db.read(ctx, "search", `
		CALL db.index.fulltext.queryNodes($index, $query) YIELD node AS n, score
		`+whereText(where)+`
		WITH n, score ORDER BY score DESC, n.id LIMIT $limit
		RETURN `+projection("n", q.Props)+` AS node, score`, params)
	if err != nil {
		return model.Ranked[*model.SearchHit]{}, err
	}
	hits := make([]*model.SearchHit, 0, len(records))
	for _, rec := range records {
		n, err := decodeProjected(rec, "node")
		if err != nil {
			return model.Ranked[*model.SearchHit]{}, translate("search", err)
		}
		score, _, err := neo4j.GetRecordValue[float64](rec, "score")
		if err != nil {
			return model.Ranked[*model.SearchHit]{}, translate("search", err)
		}
		hits = append(hits, &model.SearchHit{Node: n, Score: score})
	}
	return rankedPage(hits, q.First), nil
}

// luceneSpecial are the characters of Lucene's query syntax.
const luceneSpecial = `+-&|!(){}[]^"~*?:\/`

// EscapeLucene makes text a literal Lucene query: each special character is
// escaped, and the operator words AND, OR and NOT are lower-cased so they
// are searched for rather than obeyed.
func EscapeLucene(text string) string {
	var b strings.Builder
	for _, r := range text {
		if strings.ContainsRune(luceneSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	words := strings.Fields(b.String())
	for i, w := range words {
		if w == "AND" || w == "OR" || w == "NOT" {
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

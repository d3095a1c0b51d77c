package neo4jdb

import (
	"context"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

// searchIndex is the full-text index over names of all node types (schema.cypher).
const searchIndex = "node_search"

// Search finds nodes whose names match text, best first. The text is taken
// literally: Lucene operators in it are escaped. Of each node it reads props
// (nil: all).
func (db *DB) Search(ctx context.Context, text string, kinds []model.NodeKind, first int, props []string) ([]*model.SearchHit, error) {
	var only any // null in Cypher: every type (a nil slice would be sent as [])
	if len(kinds) > 0 {
		ls := make([]string, len(kinds))
		for i, k := range kinds {
			ls[i] = label(k)
		}
		only = ls
	}
	// No ORDER BY: the procedure yields hits by descending score. Without a
	// type filter, Lucene itself keeps only the best `first` (a top-n
	// collector instead of every hit); with one, the filter runs first.
	options := map[string]any{}
	if only == nil {
		options["limit"] = first
	}
	records, err := db.read(ctx, "search", `
		CALL db.index.fulltext.queryNodes($index, $query, $options) YIELD node, score
		WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
		RETURN `+projection("node", props)+` AS node, score
		LIMIT $first`,
		map[string]any{"index": searchIndex, "query": EscapeLucene(text), "options": options, "labels": only, "first": first})
	if err != nil {
		return nil, err
	}
	hits := make([]*model.SearchHit, 0, len(records))
	for _, rec := range records {
		n, err := decodeProjected(rec, "node")
		if err != nil {
			return nil, translate("search", err)
		}
		score, _, err := neo4j.GetRecordValue[float64](rec, "score")
		if err != nil {
			return nil, translate("search", err)
		}
		hits = append(hits, &model.SearchHit{Node: n, Score: score})
	}
	return hits, nil
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

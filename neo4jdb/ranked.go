package neo4jdb

import "github.com/innograph/innograph/graph/model"

// Ranked lists (search hits, hubs) are ordered by a score descending, ties
// by id ascending: the best first, and among equals the order of the other
// lists. A score is computed per row (a full-text score, a count of
// relationships), never read from an index in order, so each page sorts
// the rows past its cursor and keeps the top limit; there is no backward
// page (docs/design.md).

// rankedAfter is the predicates that keep the rows after cursor c in that
// order, with c's key and id in params as afterKey and afterId; none
// without a cursor. Written as lists.go's bound is, as a range on the score
// less the cursor's ties up to its id, rather than an OR.
func rankedAfter(score string, c *model.Cursor, params map[string]any) []string {
	if c == nil {
		return nil
	}
	params["afterKey"], params["afterId"] = c.Key, c.ID
	return []string{score + " <= $afterKey", "NOT (" + score + " = $afterKey AND n.id <= $afterId)"}
}

// rankedPage cuts the extra row a ranked statement reads (its limit is
// first+1) and says whether there was one.
func rankedPage[T any](items []T, first int) model.Ranked[T] {
	if len(items) > first {
		return model.Ranked[T]{Items: items[:first], More: true}
	}
	return model.Ranked[T]{Items: items}
}

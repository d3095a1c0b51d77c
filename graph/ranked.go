package graph

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"

	"github.com/innograph/innograph/graph/model"
)

// search and hubs are ranked lists: a score (full-text relevance, number of
// relationships) descending, ties by id. They page forward only, with
// first/after and the same PageInfo rules and cursor errors as the node
// connections. Backward pages are left out: a score has no index to read
// in reverse, so a page before a cursor would sort every row before it,
// and a ranking is read from its top (docs/design.md).

// searchQuery checks the arguments of search.
func searchQuery(query string, types []model.NodeKind, first *int, after *string) (model.SearchQuery, error) {
	text, n, err := searchArgs(query, first)
	q := model.SearchQuery{Text: text, Kinds: types, First: n}
	if err == nil {
		q.After, err = rankedCursor(searchOrder(q), after, true)
	}
	return q, err
}

// searchOrder names the ranking of one search: its text and the kinds it
// is narrowed to (in any order), so that a cursor of another search, whose
// scores mean something else, is refused.
func searchOrder(q model.SearchQuery) string {
	return rankedOrder("search", q.Text, sortedSet(q.Kinds))
}

// hubsAfter adds the cursor to a checked hub query.
func hubsAfter(q model.HubQuery, after *string) (model.HubQuery, error) {
	var err error
	q.After, err = rankedCursor(hubsOrder(q), after, false)
	return q, err
}

// hubsOrder names the ranking of one hubs query: the kind ranked, the
// relationship kinds counted, the region, the industry and whether only
// facts count.
func hubsOrder(q model.HubQuery) string {
	return rankedOrder("hubs", q.Kind, sortedSet(q.Kinds), q.Region, q.Industry, q.FactsOnly)
}

func sortedSet[T cmp.Ordered](s []T) []T {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

// rankedOrder is the order a ranked list's cursor belongs to: the list's
// name and a digest of the arguments that decide its ranking (a cursor
// carries it; the arguments themselves could be 200 characters of search).
func rankedOrder(list string, args ...any) string {
	b, _ := json.Marshal(args)
	sum := sha256.Sum256(b)
	return list + ":" + hex.EncodeToString(sum[:8])
}

// rankedCursor decodes an after cursor of the ranking order. Its key is
// the score: a float for search (a whole score comes back as an integer),
// an integer for hubs.
func rankedCursor(order string, after *string, float bool) (*model.Cursor, error) {
	if after == nil {
		return nil, nil
	}
	c, err := decodeCursor("after", order, *after)
	if err != nil {
		return nil, err
	}
	switch k := c.Key.(type) {
	case int64:
		if float {
			c.Key = float64(k)
		}
	case float64:
		if !float {
			return nil, badCursor("after")
		}
	default:
		return nil, badCursor("after")
	}
	return c, nil
}

// rankedEdges builds the edges and page info of a forward page of a ranked
// list, as list does for the node connections.
func rankedEdges[T, E any](order string, after *model.Cursor, page model.Ranked[T],
	key func(T) model.Cursor, edge func(cursor string, item T) E) ([]E, *model.PageInfo) {
	info := &model.PageInfo{HasNextPage: page.More, HasPreviousPage: after != nil}
	edges := make([]E, len(page.Items))
	for i, it := range page.Items {
		c := encodeCursor(order, key(it))
		edges[i] = edge(c, it)
		if i == 0 {
			info.StartCursor = &c
		}
		info.EndCursor = &c
	}
	return edges, info
}

func search(ctx context.Context, store Reader, query string, types []model.NodeKind, first *int, after *string) (*model.SearchConnection, error) {
	q, err := searchQuery(query, types, first, after)
	if err != nil {
		return nil, err
	}
	q.Props = propsAt(ctx, []string{"edges", "node", "node"})
	page, err := store.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	c := &model.SearchConnection{}
	c.Edges, c.PageInfo = rankedEdges(searchOrder(q), q.After, page,
		func(h *model.SearchHit) model.Cursor { return model.Cursor{Key: h.Score, ID: h.Node.NodeID()} },
		func(c string, h *model.SearchHit) *model.SearchEdge { return &model.SearchEdge{Cursor: c, Node: h} })
	return c, nil
}

func hubs(ctx context.Context, store Paths, q model.HubQuery, after *string) (*model.HubConnection, error) {
	q, err := hubsAfter(q, after)
	if err != nil {
		return nil, err
	}
	q.Count = selected(ctx, "totalCount")
	page, err := store.Hubs(ctx, q)
	if err != nil {
		return nil, err
	}
	c := &model.HubConnection{TotalCount: page.Total}
	c.Edges, c.PageInfo = rankedEdges(hubsOrder(q), q.After, page,
		func(h *model.Hub) model.Cursor { return model.Cursor{Key: int64(h.Total), ID: h.Node.NodeID()} },
		func(c string, h *model.Hub) *model.HubEdge { return &model.HubEdge{Cursor: c, Node: h} })
	return c, nil
}

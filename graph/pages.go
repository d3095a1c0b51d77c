package graph

import (
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"golang.org/x/sync/errgroup"

	"github.com/innograph/innograph/graph/model"
)

// page runs a list query and builds the parts of a Relay connection. The
// total is counted only when the client selected totalCount, and then in
// parallel with the page itself. An error of the arguments is passed on.
func page[E any](ctx context.Context, store Store, q model.ListQuery, argErr error,
	edge func(cursor string, n model.Node) E) ([]E, *model.PageInfo, int, error) {
	if argErr != nil {
		return nil, nil, 0, argErr
	}
	var items []model.ListItem
	var hasNext bool
	var total int
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) {
		items, hasNext, err = store.ListNodes(gctx, q)
		return err
	})
	if slices.Contains(graphql.CollectAllFields(ctx), "totalCount") {
		g.Go(func() (err error) {
			total, err = store.CountNodes(gctx, q)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, nil, 0, err
	}
	edges := make([]E, len(items))
	info := &model.PageInfo{HasNextPage: hasNext, HasPreviousPage: q.After != nil}
	for i, it := range items {
		c := encodeCursor(orderKey(q), it.Cursor)
		edges[i] = edge(c, it.Node)
		if i == 0 {
			info.StartCursor = &c
		}
		info.EndCursor = &c
	}
	return edges, info, total, nil
}

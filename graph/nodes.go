package graph

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"github.com/innograph/innograph/graph/model"
)

// maxNodeIDs bounds nodes(ids:), as maxFirst bounds a page.
const maxNodeIDs = 100

// nodesWithLists loads the nodes ids, in their order and nil where no node
// has the id, and in the same statement the relationship lists their
// selection asks for, reading of the nodes only what it selects: node(id:)
// and nodes(ids:) alike take one round trip.
func nodesWithLists(ctx context.Context, store Reader, ids []string) ([]model.Node, error) {
	if len(ids) > maxNodeIDs {
		return nil, model.Invalid("ids", "at most %d ids, got %d", maxNodeIDs, len(ids))
	}
	sel := graphql.GetFieldContext(ctx).Field.Selections
	got, err := prefetch(ctx, store, ids, selectedProps(ctx, sel), sel, nodeTypes)
	switch {
	case err != nil:
		return nil, err
	case got == nil: // no lists selected: the loader batches plain lookups
		return loadNodes(ctx, ids)
	}
	out := make([]model.Node, len(ids))
	for i, id := range ids {
		out[i] = got.Nodes[id]
	}
	return out, nil
}

// loadNodes loads the nodes ids through the node loader, in one batch; a
// missing node is nil.
func loadNodes(ctx context.Context, ids []string) ([]model.Node, error) {
	nodes, err := loadersFrom(ctx).nodes.LoadAll(ctx, ids)
	var errs dataloadgen.ErrorSlice
	if errors.As(err, &errs) {
		for _, e := range errs {
			if e != nil && !errors.Is(e, dataloadgen.ErrNotFound) {
				return nil, e
			}
		}
		err = nil
	}
	return nodes, err
}

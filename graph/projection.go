package graph

import (
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/innograph/innograph/graph/model"
)

// selectedProps lists the properties a selection on nodes reads, so a list
// or a search reads only those: the id, and the fields read straight from
// a node property of the same name (model.NodeProperty); other fields
// (relationship lists, __typename) need no property but the id. It
// collects the fields of every fragment whatever its type condition, in
// one pass: a valid document spreads only
// fragments of types the nodes may have, and a property of another type's
// fragment would just read as absent.
func selectedProps(ctx context.Context, sel ast.SelectionSet) []string {
	props := []string{"id"}
	for _, f := range graphql.CollectFields(graphql.GetOperationContext(ctx), sel, nil) {
		if model.NodeProperty(f.Name) && !slices.Contains(props, f.Name) {
			props = append(props, f.Name)
		}
	}
	return props
}

// propsAt lists the properties the client reads on the nodes it reaches
// from the current field through any of the given paths of field names:
// propsAt(ctx, []string{"node"}) for a search's hits.
func propsAt(ctx context.Context, paths ...[]string) []string {
	op := graphql.GetOperationContext(ctx)
	var nodes []ast.SelectionSet
	for _, path := range paths {
		sel := graphql.GetFieldContext(ctx).Field.Selections
		for _, name := range path {
			var below []ast.SelectionSet
			// No type condition to satisfy: fragments on any type count, so
			// the list may name more properties than needed, never fewer.
			for _, f := range graphql.CollectFields(op, sel, nil) {
				if f.Name == name {
					below = append(below, f.Selections)
				}
			}
			sel = joined(ctx, below)
		}
		nodes = append(nodes, sel)
	}
	return selectedProps(ctx, joined(ctx, nodes))
}

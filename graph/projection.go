package graph

import (
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// propertyFields are the node fields read straight from a node property of
// the same name; other fields (relationship lists, __typename) need no
// property but the id.
var propertyFields = map[string]bool{
	"name": true, "nameEn": true, "aliases": true, "region": true, "source": true, "synthetic": true,
	"industry": true, "creditCode": true, "founded": true, "certifications": true, "kind": true, "level": true,
	"field": true, "year": true,
}

// selectedProps lists the properties a selection reads on nodes of the
// given types, so a list or a search reads only those.
func selectedProps(ctx context.Context, sel ast.SelectionSet, types []string) []string {
	op := graphql.GetOperationContext(ctx)
	props := []string{"id"}
	for _, t := range types {
		for _, f := range graphql.CollectFields(op, sel, []string{t}) {
			if propertyFields[f.Name] && !slices.Contains(props, f.Name) {
				props = append(props, f.Name)
			}
		}
	}
	return props
}

// hitProps lists the properties a search's client reads on the hits' nodes.
func hitProps(ctx context.Context) []string {
	var sel ast.SelectionSet
	for _, f := range graphql.CollectFieldsCtx(ctx, nil) {
		if f.Name == "node" {
			sel = append(sel, f.Selections...)
		}
	}
	return selectedProps(ctx, sel, nodeTypes)
}

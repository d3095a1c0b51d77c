package graph

import (
	"context"

	"github.com/innograph/innograph/graph/model"
)

// The write paths: validate with the field rules of graph/model (the same
// rules the seed importer applies), then call the store once.

func createNode[T model.Node](ctx context.Context, store Writer, kind model.NodeKind, input map[string]any) (T, error) {
	var zero T
	id, props, err := model.NodeSpecs[kind].Validate(input, model.Create)
	if err != nil {
		return zero, err
	}
	n, err := store.CreateNode(ctx, kind, id, props)
	if err != nil {
		return zero, err
	}
	return n.(T), nil
}

func updateNode[T model.Node](ctx context.Context, store Writer, kind model.NodeKind, id string, input map[string]any) (T, error) {
	var zero T
	_, props, err := model.NodeSpecs[kind].Validate(input, model.Patch)
	if err != nil {
		return zero, err
	}
	n, err := store.UpdateNode(ctx, kind, id, props)
	if err != nil {
		return zero, err
	}
	return n.(T), nil
}

func addRelation[T model.Relation](ctx context.Context, store Writer, kind model.RelationKind, input map[string]any) (T, error) {
	var zero T
	from, to, props, err := model.RelationSpecs[kind].Validate(input, model.Create)
	if err != nil {
		return zero, err
	}
	r, err := store.AddRelation(ctx, kind, from, to, props)
	if err != nil {
		return zero, err
	}
	return r.(T), nil
}

// key holds the properties that identify a relationship besides its ends.
type key = map[string]any

func updateRelation[T model.Relation](ctx context.Context, store Writer, kind model.RelationKind, from, to string, k key, patch map[string]any) (T, error) {
	var zero T
	_, _, props, err := model.RelationSpecs[kind].Validate(patch, model.Patch)
	if err != nil {
		return zero, err
	}
	r, err := store.UpdateRelation(ctx, kind, from, to, k, props)
	if err != nil {
		return zero, err
	}
	return r.(T), nil
}

func removeRelation[T model.Relation](ctx context.Context, store Writer, kind model.RelationKind, from, to string, k key) (T, error) {
	var zero T
	r, err := store.RemoveRelation(ctx, kind, from, to, k)
	if err != nil {
		return zero, err
	}
	return r.(T), nil
}

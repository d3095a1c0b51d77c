package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/innograph/innograph/graph/model"
)

// defaultRelationsFirst is the default `first` of relationship lists (schema).
const defaultRelationsFirst = 20

// relationsOf loads the relationships q selects around the node id, at most
// first of them, converted to their concrete type.
func relationsOf[T model.Relation](ctx context.Context, q model.RelationQuery, id string, first *int) ([]T, error) {
	n, err := boundFirst("first", first, defaultRelationsFirst)
	if err != nil {
		return nil, err
	}
	q.First = n
	// Read what this field's selection reads, under the key a read-ahead of
	// the same selection primed.
	fc := graphql.GetFieldContext(ctx)
	if rf, ok := relationFields[fc.Object][fc.Field.Name]; ok {
		q, _ = projected(ctx, q, rf, fc.Field.Selections)
	}
	rels, err := loadersFrom(ctx).relationsOf(ctx, q, id)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(rels))
	for _, r := range rels {
		if t, ok := r.(T); ok {
			out = append(out, t)
		}
	}
	return out, nil
}

// Relationship lists of each node type: kind, direction and far-end kind.
var (
	alliancesOf   = model.RelationQuery{Kind: model.RelationKindMembership, Dir: model.Outgoing}
	membersOf     = model.RelationQuery{Kind: model.RelationKindMembership, Dir: model.Incoming}
	parksOf       = model.RelationQuery{Kind: model.RelationKindLocation, Dir: model.Outgoing}
	tenantsOf     = model.RelationQuery{Kind: model.RelationKindLocation, Dir: model.Incoming}
	enterprisesIn = model.RelationQuery{Kind: model.RelationKindLocation, Dir: model.Incoming, Far: model.NodeKindEnterprise}
	developedBy   = model.RelationQuery{Kind: model.RelationKindDevelopment, Dir: model.Outgoing}
	developersOf  = model.RelationQuery{Kind: model.RelationKindDevelopment, Dir: model.Incoming}
	acquiredBy    = model.RelationQuery{Kind: model.RelationKindTransfer, Dir: model.Incoming}
	transfersOf   = model.RelationQuery{Kind: model.RelationKindTransfer, Dir: model.Outgoing}
	partnersOf    = model.RelationQuery{Kind: model.RelationKindCollaboration, Dir: model.Both}
)

// end returns one end of a relationship: the node read with it, or else the
// node loaded by id.
func end[T model.Node](ctx context.Context, preloaded model.Node, id string) (T, error) {
	var zero T
	n := preloaded
	if n == nil {
		var err error
		if n, err = loadersFrom(ctx).node(ctx, id); err != nil {
			return zero, err
		}
	}
	t, ok := n.(T)
	if !ok {
		// The end was deleted after the relationship was read.
		return zero, model.NotFound("node", id)
	}
	return t, nil
}

// partner is the end of a collaboration that is not the node it was listed from.
func partner(ctx context.Context, c *model.Collaboration) (model.Node, error) {
	if c.ViewFrom == c.ToID {
		return end[model.Node](ctx, c.FromNode, c.FromID)
	}
	return end[model.Node](ctx, c.ToNode, c.ToID)
}

package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/innograph/innograph/graph/model"
)

// defaultRelationsFirst is the default `first` of the lists a trail answers
// (resultTrail, technologySources; schema). Relationship lists page as node
// lists do (defaultListSize).
const defaultRelationsFirst = 20

// relationsOf reads the page of the relationship list the current field
// selects around the node id, and builds the parts of its connection. A
// page the read-ahead primed is answered from memory: the resolver builds
// the same query (relationQuery) as the plan did. The list's cursors belong
// to its field ("Alliance.members"), so a cursor of another list is
// refused.
func relationsOf[T model.Relation, E any](ctx context.Context, id string, args pageArgs,
	edge func(cursor string, rel T) E) ([]E, *model.PageInfo, int, error) {
	fc := graphql.GetFieldContext(ctx)
	name := fc.Object + "." + fc.Field.Name
	q, _, err := relationQuery(ctx, name, relationFields[fc.Object][fc.Field.Name], args, fc.Field.Selections)
	if err != nil {
		return nil, nil, 0, err
	}
	page, err := loadersFrom(ctx).relationsOf(ctx, q, id)
	if err != nil {
		return nil, nil, 0, err
	}
	edges := make([]E, 0, len(page.Items))
	cursors := make([]string, 0, len(page.Items))
	for _, it := range page.Items {
		if t, ok := it.Relation.(T); ok {
			c := encodeCursor(name, it.Cursor)
			edges, cursors = append(edges, edge(c, t)), append(cursors, c)
		}
	}
	return edges, pageInfo(cursors, page.More, q.Backward, q.After.ID != "", q.Before.ID != ""), page.Total, nil
}

// Edge constructors of the relationship connections.

func membershipEdge(c string, m *model.Membership) *model.MembershipEdge {
	return &model.MembershipEdge{Cursor: c, Node: m}
}

func locationEdge(c string, l *model.Location) *model.LocationEdge {
	return &model.LocationEdge{Cursor: c, Node: l}
}

func developmentEdge(c string, d *model.Development) *model.DevelopmentEdge {
	return &model.DevelopmentEdge{Cursor: c, Node: d}
}

func transferEdge(c string, t *model.Transfer) *model.TransferEdge {
	return &model.TransferEdge{Cursor: c, Node: t}
}

func collaborationEdge(c string, col *model.Collaboration) *model.CollaborationEdge {
	return &model.CollaborationEdge{Cursor: c, Node: col}
}

func affiliationEdge(c string, a *model.Affiliation) *model.AffiliationEdge {
	return &model.AffiliationEdge{Cursor: c, Node: a}
}

func serviceEdge(c string, s *model.Service) *model.ServiceEdge {
	return &model.ServiceEdge{Cursor: c, Node: s}
}

func participationEdge(c string, p *model.Participation) *model.ParticipationEdge {
	return &model.ParticipationEdge{Cursor: c, Node: p}
}

func outputEdge(c string, o *model.Output) *model.OutputEdge {
	return &model.OutputEdge{Cursor: c, Node: o}
}

func postingEdge(c string, p *model.Posting) *model.PostingEdge {
	return &model.PostingEdge{Cursor: c, Node: p}
}

func matchEdge(c string, m *model.Match) *model.MatchEdge {
	return &model.MatchEdge{Cursor: c, Node: m}
}

func brokerageEdge(c string, b *model.Brokerage) *model.BrokerageEdge {
	return &model.BrokerageEdge{Cursor: c, Node: b}
}

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

// referenced is the node a relationship's property names (a broker, a
// brokerage's enterprise): null when the property is absent or the node
// is gone or of another type, for a property is not kept in step with
// deletes as an end is.
func referenced[T model.Node](ctx context.Context, id *string) (T, error) {
	var zero T
	if id == nil {
		return zero, nil
	}
	n, err := loadersFrom(ctx).node(ctx, *id)
	if err != nil {
		return zero, err
	}
	t, _ := n.(T)
	return t, nil
}

// partner is the end of a collaboration that is not the node it was listed from.
func partner(ctx context.Context, c *model.Collaboration) (model.Node, error) {
	if c.ViewFrom == c.ToID {
		return end[model.Node](ctx, c.FromNode, c.FromID)
	}
	return end[model.Node](ctx, c.ToNode, c.ToID)
}

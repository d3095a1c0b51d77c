package graph

import (
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/innograph/innograph/graph/model"
)

// list runs a node list query and builds the parts of its Relay connection.
// The total is counted only when the client selected totalCount, and then in
// the same statement as the page. An error of the filter (whereErr) is passed
// on, so that list resolvers stay straight lines.
func list[E any](ctx context.Context, store Store, kind model.NodeKind, where []model.Condition, whereErr error,
	orderBy *model.NodeOrder, args pageArgs, edge func(cursor string, n model.Node) E) ([]E, *model.PageInfo, int, error) {
	q, err := listQuery(kind, where, whereErr, orderBy, args)
	if err != nil {
		return nil, nil, 0, err
	}
	nodeSel := edgeNodeSelection(ctx, kind)
	q.Props = selectedProps(ctx, nodeSel)
	q.Count = slices.Contains(graphql.CollectAllFields(ctx), "totalCount")
	page, err := store.ListNodes(ctx, q)
	if err != nil {
		return nil, nil, 0, err
	}
	items := page.Items
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.Node.NodeID()
	}
	// The page's nodes are in hand; the read-ahead needs only their ids.
	if _, err := prefetch(ctx, store, ids, []string{"id"}, nodeSel, []string{kind.Name()}); err != nil {
		return nil, nil, 0, err
	}
	edges := make([]E, len(items))
	// More nodes lie beyond the page where it was read to; on the side of
	// a cursor it starts from, the cursor's own node does (Relay's "may
	// return true if it can do so efficiently").
	info := &model.PageInfo{
		HasNextPage:     q.Before != nil || (page.More && !q.Backward),
		HasPreviousPage: q.After != nil || (page.More && q.Backward),
	}
	for i, it := range items {
		c := encodeCursor(orderKey(q), it.Cursor)
		edges[i] = edge(c, it.Node)
		if i == 0 {
			info.StartCursor = &c
		}
		info.EndCursor = &c
	}
	return edges, info, page.Total, nil
}

// edgeNodeSelection is what a connection's client selects on edges.node.
func edgeNodeSelection(ctx context.Context, kind model.NodeKind) ast.SelectionSet {
	op := graphql.GetOperationContext(ctx)
	var sel ast.SelectionSet
	for _, f := range graphql.CollectFieldsCtx(ctx, nil) {
		if f.Name != "edges" {
			continue
		}
		for _, ef := range graphql.CollectFields(op, f.Selections, []string{kind.Name() + "Edge"}) {
			if ef.Name == "node" {
				sel = append(sel, ef.Selections...)
			}
		}
	}
	return sel
}

// Edge constructors of the five connections.

func enterpriseEdge(c string, n model.Node) *model.EnterpriseEdge {
	return &model.EnterpriseEdge{Cursor: c, Node: n.(*model.Enterprise)}
}

func universityEdge(c string, n model.Node) *model.UniversityEdge {
	return &model.UniversityEdge{Cursor: c, Node: n.(*model.University)}
}

func allianceEdge(c string, n model.Node) *model.AllianceEdge {
	return &model.AllianceEdge{Cursor: c, Node: n.(*model.Alliance)}
}

func parkEdge(c string, n model.Node) *model.ParkEdge {
	return &model.ParkEdge{Cursor: c, Node: n.(*model.Park)}
}

func resultEdge(c string, n model.Node) *model.ResultEdge {
	return &model.ResultEdge{Cursor: c, Node: n.(*model.Result)}
}

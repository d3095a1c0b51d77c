package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/innograph/innograph/graph/model"
)

// list runs a node list query and builds the parts of its Relay connection.
// The total is counted only when the client selected totalCount, and then in
// the same statement as the page.
func list[E any](ctx context.Context, store Reader, kind model.NodeKind, where []model.Condition,
	orderBy *model.NodeOrder, args pageArgs, edge func(cursor string, n model.Node) E) ([]E, *model.PageInfo, int, error) {
	q, err := listQuery(kind, where, orderBy, args)
	if err != nil {
		return nil, nil, 0, err
	}
	nodeSel, count := connectionSelection(ctx, graphql.GetFieldContext(ctx).Field.Selections, kind.Name())
	q.Props = selectedProps(ctx, nodeSel)
	q.Count = count
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
	cursors := make([]string, len(items))
	for i, it := range items {
		cursors[i] = encodeCursor(orderKey(q), it.Cursor)
		edges[i] = edge(cursors[i], it.Node)
	}
	return edges, pageInfo(cursors, page.More, q.Backward, q.After != nil, q.Before != nil), page.Total, nil
}

// pageInfo is where a page with the given cursors lies. More nodes lie
// beyond it where it was read to (more, forward or backward); on the side
// of a cursor it starts from, the cursor's own node does (Relay's "may
// return true if it can do so efficiently").
func pageInfo(cursors []string, more, backward, after, before bool) *model.PageInfo {
	info := &model.PageInfo{
		HasNextPage:     before || (more && !backward),
		HasPreviousPage: after || (more && backward),
	}
	if len(cursors) > 0 {
		info.StartCursor, info.EndCursor = &cursors[0], &cursors[len(cursors)-1]
	}
	return info
}

// connectionSelection reads the selection sel on a connection of the
// given node or relationship type: the selection on its edges' nodes, and
// whether it selects totalCount.
func connectionSelection(ctx context.Context, sel ast.SelectionSet, typ string) (nodes ast.SelectionSet, count bool) {
	op := graphql.GetOperationContext(ctx)
	var parts []ast.SelectionSet
	for _, f := range graphql.CollectFields(op, sel, []string{typ + "Connection"}) {
		switch f.Name {
		case "totalCount":
			count = true
		case "edges":
			for _, ef := range graphql.CollectFields(op, f.Selections, []string{typ + "Edge"}) {
				if ef.Name == "node" {
					parts = append(parts, ef.Selections)
				}
			}
		}
	}
	return joined(ctx, parts), count
}

// Edge constructors of the node connections.

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

func personEdge(c string, n model.Node) *model.PersonEdge {
	return &model.PersonEdge{Cursor: c, Node: n.(*model.Person)}
}

func intermediaryEdge(c string, n model.Node) *model.IntermediaryEdge {
	return &model.IntermediaryEdge{Cursor: c, Node: n.(*model.Intermediary)}
}

func projectEdge(c string, n model.Node) *model.ProjectEdge {
	return &model.ProjectEdge{Cursor: c, Node: n.(*model.Project)}
}

func demandEdge(c string, n model.Node) *model.DemandEdge {
	return &model.DemandEdge{Cursor: c, Node: n.(*model.Demand)}
}

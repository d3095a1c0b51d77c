package neo4jdb

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

// Network expands the neighbourhood of q.ID breadth first, one level per
// subquery, so that it stops as soon as q.MaxNodes nodes are found: the
// neighbours of a hub with 30,000 relationships fill a picture of 200 nodes
// at the first level, and the next level is never read. Each level follows
// allowed relationships out of the previous one, never out of a node above
// the degree cap (the centre excepted), and keeps the new nodes in id order.
// It asks for one node more than fits to tell whether the cap cut, then
// returns every allowed relationship among the kept nodes once, walking
// outgoing ones only.
func (db *DB) Network(ctx context.Context, q model.NetworkQuery) (*model.Network, error) {
	rels := relUnion(q.Kinds)
	var levels strings.Builder
	for depth := 1; depth <= q.Depth; depth++ {
		fmt.Fprintf(&levels, `
		CALL (c, seen, frontier) {
			WITH c, seen, frontier WHERE size(seen) <= $maxNodes
			UNWIND frontier AS v
			WITH c, seen, v WHERE v = c OR %s
			MATCH (v)-[r:%s WHERE %s]-(x)
			WHERE NOT x IN seen
			WITH DISTINCT x ORDER BY x.id
			RETURN collect(x) AS level
		}
		WITH c, seen, found, level[..$maxNodes + 1 - size(seen)] AS level
		WITH c, seen + level AS seen, level AS frontier, found + [x IN level | {node: %s, distance: %d}] AS found`,
			passable("v"), rels, inWindow("r"), projection("x", q.Props), depth)
	}
	cypher := `
		MATCH (c:Node {id: $id})
		WITH c, [c] AS seen, [c] AS frontier, [] AS found` + levels.String() + `
		RETURN ` + projection("c", q.Props) + ` AS c, found, ` + networkEdges(q.Edges, rels) + ` AS edges, ` + networkHubs(q.Hubs, q.Props) + ` AS hubs`
	params := scopeParams(q.PathScope, map[string]any{"id": q.ID, "maxNodes": q.MaxNodes})
	records, err := db.readPaths(ctx, "network", cypher, params)
	if err != nil {
		return nil, err
	}
	if len(records) == 0 {
		return nil, notFoundArg("node", q.ID, "id")
	}
	net, err := decodeNetwork(records[0], q.MaxNodes)
	if err != nil {
		return nil, translate("network", err)
	}
	return net, nil
}

// networkEdges is the expression listing every allowed relationship among
// the kept nodes once (outgoing ones only), or an empty list when not asked.
func networkEdges(asked bool, rels string) string {
	if !asked {
		return "[]"
	}
	return `COLLECT { UNWIND seen AS k MATCH (k)-[r:` + rels + `]->(o) WHERE o IN seen AND ` + inWindow("r") + `
		RETURN {r: r, from: k.id, to: o.id} ORDER BY k.id, o.id }`
}

// networkHubs is the expression listing the kept nodes over the cap.
func networkHubs(asked bool, props []string) string {
	if !asked {
		return "[]"
	}
	return `[k IN seen WHERE k <> c AND $maxDegree > 0 AND COUNT { (k)--() } > $maxDegree | ` + projection("k", props) + `]`
}

func decodeNetwork(rec *neo4j.Record, maxNodes int) (*model.Network, error) {
	centre, err := decodeProjected(rec, "c")
	if err != nil {
		return nil, err
	}
	found, _, err := neo4j.GetRecordValue[[]any](rec, "found")
	if err != nil {
		return nil, err
	}
	net := &model.Network{Nodes: []*model.NetworkNode{{Node: centre}}}
	byID := map[string]model.Node{centre.NodeID(): centre}
	for _, v := range found {
		m, _ := v.(map[string]any)
		n, err := decodeProjectedValue(m["node"])
		if err != nil {
			return nil, err
		}
		d, _ := m["distance"].(int64)
		net.Nodes = append(net.Nodes, &model.NetworkNode{Node: n, Distance: int(d)})
		byID[n.NodeID()] = n
	}
	if len(net.Nodes) > maxNodes {
		// The cut node may be an end of listed edges; they are dropped below.
		cut := net.Nodes[maxNodes].Node.NodeID()
		net.Nodes, net.Truncated = net.Nodes[:maxNodes], true
		delete(byID, cut)
	}
	edges, _, err := neo4j.GetRecordValue[[]any](rec, "edges")
	if err != nil {
		return nil, err
	}
	net.Edges = make([]*model.NetworkEdge, 0, len(edges))
	for _, v := range edges {
		m, _ := v.(map[string]any)
		r, ok := m["r"].(neo4j.Relationship)
		from, _ := m["from"].(string)
		to, _ := m["to"].(string)
		if !ok || byID[from] == nil || byID[to] == nil {
			continue
		}
		rel, err := decodeRelation(r, model.Ends{FromID: from, ToID: to, FromNode: byID[from], ToNode: byID[to], ViewFrom: from})
		if err != nil {
			return nil, err
		}
		net.Edges = append(net.Edges, &model.NetworkEdge{Kind: rel.RelationKind(), FromID: from, ToID: to, Relationship: rel})
	}
	hubs, err := recordNodes(rec, "hubs")
	if err != nil {
		return nil, err
	}
	net.Hubs = make([]model.Node, 0, len(hubs))
	for _, h := range hubs {
		if byID[h.NodeID()] != nil {
			net.Hubs = append(net.Hubs, h)
		}
	}
	return net, nil
}

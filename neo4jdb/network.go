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
// the degree cap (the centre excepted), and keeps the new nodes in id order,
// as many as fit; a level with more says the cap cut (truncated). It then
// lists at most q.MaxEdges allowed relationships among the kept nodes,
// nearest the centre first, returning one more to tell whether that cap cut.
func (db *DB) Network(ctx context.Context, q model.NetworkQuery) (*model.Network, error) {
	params := scopeParams(q.PathScope, map[string]any{"id": q.ID, "maxNodes": q.MaxNodes, "maxEdges": q.MaxEdges})
	return readPathRecord(ctx, db, "network", networkCypher(q), params, notFoundArg("node", q.ID, "id"),
		func(rec *neo4j.Record) (*model.Network, error) { return decodeNetwork(rec, q.MaxEdges) })
}

// networkCypher writes Network's statement: a subquery per level, then the
// edges and hubs.
func networkCypher(q model.NetworkQuery) string {
	rels := relUnion(q.Kinds)
	var levels strings.Builder
	for depth := 1; depth <= q.Depth; depth++ {
		// Room is left while not truncated; a full picture still reads the
		// next level to know whether it cut. (A LIMIT on the level would be
		// planned as a Top operator, which counts seen once per row it keeps:
		// see networkEdges.)
		fmt.Fprintf(&levels, `
		CALL (c, seen, frontier, truncated) {
			WITH c, seen, frontier WHERE NOT truncated
			UNWIND frontier AS v
			WITH c, seen, v WHERE v = c OR %s
			MATCH (v)-[r:%s WHERE %s]-(x)
			WHERE NOT x IN seen%s
			WITH DISTINCT x ORDER BY x.id
			RETURN collect(x) AS level
		}
		WITH c, seen, found, levels, truncated OR size(level) > $maxNodes - size(seen) AS truncated, level[..$maxNodes - size(seen)] AS level
		WITH c, seen + level AS seen, level AS frontier, levels + [level] AS levels, truncated,
			found + [x IN level | {node: %s, distance: %d}] AS found`,
			passable("v"), rels, inWindow("r")+andFactual(q.FactsOnly, "r"), andFactual(q.FactsOnly, "x"), projection("x", q.Props), depth)
	}
	return `
		MATCH (c:Node {id: $id})
		WITH c, [c] AS seen, [c] AS frontier, [[c]] AS levels, false AS truncated, [] AS found` + levels.String() + `
		RETURN ` + projection("c", q.Props) + ` AS c, found, truncated, ` + networkEdges(q.Edges, rels, q.Depth, q.FactsOnly) + ` AS edges, ` + networkHubs(q.Hubs, q.Props) + ` AS hubs`
}

// networkEdges is the expression listing the allowed relationships among
// the kept nodes once each (walking outgoing ones only), or an empty list
// when not asked. A node's place in the picture is its level, then its id
// (each level is kept in id order), so ordering by the farther end's place,
// then the nearer end's, keeps the middle of the picture whole when
// $maxEdges cuts. (Testing o IN seen first lets Neo4j read a
// relationship's years only when its end is in the picture.) The list is
// sorted whole and sliced, in Neo4j: ORDER BY … LIMIT plans a Top operator,
// which counts the picture's node lists once per row it keeps, and LIMIT
// 1001 over a picture of 1,000 nodes ran out of transaction memory (716 MB;
// TestNetworkLargePicture), where a full sort of the same rows does not.
func networkEdges(asked bool, rels string, depth int, factsOnly bool) string {
	if !asked {
		return "[]"
	}
	var level strings.Builder
	for d := 0; d <= depth; d++ {
		fmt.Fprintf(&level, " WHEN o IN levels[%d] THEN %d", d, d)
	}
	return `COLLECT {
		UNWIND range(0, size(levels) - 1) AS kd
		UNWIND levels[kd] AS k
		MATCH (k)-[r:` + rels + ` WHERE ` + inWindow("r") + andFactual(factsOnly, "r") + `]->(o) WHERE o IN seen
		WITH kd, k, r, o, CASE` + level.String() + ` END AS od
		WITH r, k, o, kd, od, kd > od OR (kd = od AND k.id > o.id) AS kFar
		RETURN {r: r, from: k.id, to: o.id}
		ORDER BY CASE WHEN kFar THEN kd ELSE od END, CASE WHEN kFar THEN k.id ELSE o.id END,
			CASE WHEN kFar THEN od ELSE kd END, CASE WHEN kFar THEN o.id ELSE k.id END, type(r), elementId(r)
		}[..$maxEdges + 1]`
}

// networkHubs is the expression listing the kept nodes over the cap.
func networkHubs(asked bool, props []string) string {
	if !asked {
		return "[]"
	}
	return `[k IN seen WHERE k <> c AND $maxDegree > 0 AND COUNT { (k)--() } > $maxDegree | ` + projection("k", props) + `]`
}

// decodeNetwork reads Network's record: the centre and the nodes found
// around it, the edges among them (one more than maxEdges tells that the
// list was cut) and the hubs.
func decodeNetwork(rec *neo4j.Record, maxEdges int) (*model.Network, error) {
	net, err := decodeNetworkNodes(rec)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]model.Node, len(net.Nodes))
	for _, n := range net.Nodes {
		byID[n.Node.NodeID()] = n.Node
	}
	rawEdges, _ := rec.Get("edges")
	edges, cut := capped(rawEdges, maxEdges)
	if net.Edges, err = decodeNetworkEdges(edges, byID); err != nil {
		return nil, err
	}
	net.EdgesTruncated = cut
	if net.Hubs, err = recordNodes(rec, "hubs"); err != nil {
		return nil, err
	}
	return net, nil
}

// decodeNetworkNodes reads the centre, at distance 0, the nodes found
// around it with their distances, and whether a level was cut.
func decodeNetworkNodes(rec *neo4j.Record) (*model.Network, error) {
	centre, err := decodeProjected(rec, "c")
	if err != nil {
		return nil, err
	}
	found, _, err := neo4j.GetRecordValue[[]any](rec, "found")
	if err != nil {
		return nil, err
	}
	net := &model.Network{Nodes: []*model.NetworkNode{{Node: centre}}}
	if net.Truncated, _, err = neo4j.GetRecordValue[bool](rec, "truncated"); err != nil {
		return nil, err
	}
	for _, v := range found {
		m, _ := v.(map[string]any)
		n, err := decodeProjectedValue(m["node"])
		if err != nil {
			return nil, err
		}
		d, _ := m["distance"].(int64)
		net.Nodes = append(net.Nodes, &model.NetworkNode{Node: n, Distance: int(d)})
	}
	return net, nil
}

// decodeNetworkEdges reads the edges {r, from, to} between the nodes byID.
func decodeNetworkEdges(edges []any, byID map[string]model.Node) ([]*model.NetworkEdge, error) {
	out := make([]*model.NetworkEdge, 0, len(edges))
	for _, v := range edges {
		m, _ := v.(map[string]any)
		r, ok := m["r"].(neo4j.Relationship)
		from, _ := m["from"].(string)
		to, _ := m["to"].(string)
		if !ok || byID[from] == nil || byID[to] == nil {
			return nil, fmt.Errorf("an edge %s-%s holds a %T or an end outside the network", from, to, m["r"])
		}
		rel, err := decodeRelation(r, model.Ends{FromID: from, ToID: to, FromNode: byID[from], ToNode: byID[to], ViewFrom: from})
		if err != nil {
			return nil, err
		}
		out = append(out, &model.NetworkEdge{Kind: rel.RelationKind(), FromID: from, ToID: to, Relationship: rel})
	}
	return out, nil
}

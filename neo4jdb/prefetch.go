package neo4jdb

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

// Prefetch reads the nodes ids and, in the same statement, every list the
// plan names around them and around the nodes at the lists' far ends: one
// nested COLLECT subquery per list, ordered and limited as Relations orders
// and limits it, so a primed loader answers exactly what it would have
// fetched. Of the far ends it reads only the properties the plan names; they
// travel with their relationships and are not handed to the node loader,
// which must hold whole nodes.
func (db *DB) Prefetch(ctx context.Context, ids []string, plan []model.Prefetch) (*model.Prefetched, error) {
	cypher := `
		UNWIND $ids AS id
		MATCH (n:Node {id: id})
		RETURN id, n, ` + prefetchLists("n", plan, 1)
	records, err := db.read(ctx, "prefetch", cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := &model.Prefetched{Nodes: map[string]model.Node{}, Relations: map[model.RelationQuery]map[string][]model.Relation{}}
	for _, rec := range records {
		n, err := recordNode(rec, "n")
		if err != nil {
			return nil, translate("prefetch", err)
		}
		out.Nodes[n.NodeID()] = n
		lists, _ := rec.Get("lists")
		if err := decodeLists(out, n.NodeID(), plan, lists); err != nil {
			return nil, translate("prefetch", err)
		}
	}
	return out, nil
}

// prefetchLists writes [COLLECT {…}, …] AS lists for the lists of plan
// around the node variable parent; variables are named by depth and place,
// so nested subqueries never shadow their parents'.
func prefetchLists(parent string, plan []model.Prefetch, depth int) string {
	parts := make([]string, len(plan))
	for i, p := range plan {
		r, m := fmt.Sprintf("r%d_%d", depth, i), fmt.Sprintf("m%d_%d", depth, i)
		far := m
		if p.Query.Far != "" {
			far = m + ":" + label(p.Query.Far)
		}
		next := "[]"
		if len(p.Next) > 0 {
			next = strings.TrimSuffix(prefetchLists(m, p.Next, depth+1), " AS lists")
		}
		parts[i] = fmt.Sprintf(`COLLECT { MATCH %s
			RETURN {r: %s, m: %s, from: startNode(%s).id, to: endNode(%s).id, next: %s}
			ORDER BY %s LIMIT %d }`,
			arrow(parent, r, relType(p.Query.Kind), far, p.Query.Dir), r, projection(m, p.Props), r, r, next,
			relOrder(p.Query, r, m), p.Query.First)
	}
	return "[" + strings.Join(parts, ", ") + "] AS lists"
}

// decodeLists records the lists read around the node parent, and recursively
// those around their far ends.
func decodeLists(out *model.Prefetched, parent string, plan []model.Prefetch, v any) error {
	lists, _ := v.([]any)
	if len(lists) != len(plan) {
		return fmt.Errorf("prefetch read %d lists for a plan of %d", len(lists), len(plan))
	}
	for i, p := range plan {
		items, _ := lists[i].([]any)
		rels := make([]model.Relation, 0, len(items))
		for _, item := range items {
			m, _ := item.(map[string]any)
			r, ok := m["r"].(neo4j.Relationship)
			from, _ := m["from"].(string)
			to, _ := m["to"].(string)
			if !ok {
				return fmt.Errorf("a prefetched list holds a %T", m["r"])
			}
			far, err := decodeProjectedValue(m["m"])
			if err != nil {
				return err
			}
			ends := model.Ends{FromID: from, ToID: to, ViewFrom: parent}
			if from == parent {
				ends.ToNode = far
			} else {
				ends.FromNode = far
			}
			rel, err := decodeRelation(r, ends)
			if err != nil {
				return err
			}
			rels = append(rels, rel)
			if len(p.Next) > 0 {
				if err := decodeLists(out, far.NodeID(), p.Next, m["next"]); err != nil {
					return err
				}
			}
		}
		if out.Relations[p.Query] == nil {
			out.Relations[p.Query] = map[string][]model.Relation{}
		}
		out.Relations[p.Query][parent] = rels
	}
	return nil
}

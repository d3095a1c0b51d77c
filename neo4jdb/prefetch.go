package neo4jdb

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

// Prefetch reads the nodes ids (their properties props, or whole if nil)
// and, in the same statement, every list the
// plan names around them and around the nodes at the lists' far ends: one
// nested COLLECT subquery per list, ordered and limited as Relations orders
// and limits it, so a primed loader answers exactly what it would have
// fetched. Of the far ends it reads only the properties the plan names.
func (db *DB) Prefetch(ctx context.Context, ids, props []string, plan []model.Prefetch) (*model.Prefetched, error) {
	cypher := `
		UNWIND $ids AS id
		MATCH (n:Node {id: id})
		RETURN ` + projection("n", props) + ` AS n, ` + prefetchLists("n", plan, 1)
	records, err := db.read(ctx, "prefetch", cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := &model.Prefetched{Nodes: map[string]model.Node{}, Relations: map[model.RelationQuery]map[string][]model.Relation{}}
	for _, rec := range records {
		n, err := decodeProjected(rec, "n")
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
		// out says which way the relationship points (the ids of its ends are
		// known): comparing nodes reads no property, where startNode(r).id
		// would cost a db hit per end and row.
		parts[i] = fmt.Sprintf(`COLLECT { MATCH %s
			RETURN {r: %s, m: %s, out: startNode(%s) = %s, next: %s}
			ORDER BY %s LIMIT %d }`,
			arrow(parent, r, relType(p.Query.Kind), far, p.Query.Dir), relProjection(r, p.Query),
			projection(m, propList(p.Query)), r, parent, next,
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
			r, err := decodeRelProjected(m["r"], p.Query.Kind)
			if err != nil {
				return err
			}
			far, err := decodeProjectedValue(m["m"])
			if err != nil {
				return err
			}
			ends := model.Ends{FromID: parent, ToID: far.NodeID(), ToNode: far, ViewFrom: parent}
			if out, _ := m["out"].(bool); !out {
				ends = model.Ends{FromID: far.NodeID(), ToID: parent, FromNode: far, ViewFrom: parent}
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

// relationshipProps are the relationship properties a statement may project
// by name: the scalar fields of the relationship types.
var relationshipProps = map[string]bool{
	"role": true, "since": true, "until": true, "graduated": true, "year": true, "mode": true, "value": true,
	"kind": true, "title": true, "source": true, "synthetic": true,
}

// relProjection is what a statement returns of relationship variable r: the
// whole relationship unless q is projected, else a map of the properties
// q.RelProps names (those not projectable are skipped), which
// decodeRelProjected reads.
func relProjection(r string, q model.RelationQuery) string {
	if !q.Projected {
		return r
	}
	var keys []string
	for _, p := range strings.Split(q.RelProps, ",") {
		if relationshipProps[p] {
			keys = append(keys, "."+p)
		}
	}
	return fmt.Sprintf("%s {%s}", r, strings.Join(keys, ", "))
}

// decodeRelProjected reads a value written by relProjection for a
// relationship of the given kind.
func decodeRelProjected(v any, kind model.RelationKind) (neo4j.Relationship, error) {
	switch r := v.(type) {
	case neo4j.Relationship:
		return r, nil
	case map[string]any:
		return neo4j.Relationship{Type: relType(kind), Props: r}, nil
	}
	return neo4j.Relationship{}, fmt.Errorf("a prefetched list holds a %T", v)
}

// propList is the far-node properties q reads, for projection: nil (whole
// nodes) unless q is projected.
func propList(q model.RelationQuery) []string {
	if !q.Projected {
		return nil
	}
	return strings.Split(q.Props, ",")
}

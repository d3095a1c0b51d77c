package neo4jdb

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

// A read-ahead statement holds at most maxPrefetchLists lists (COLLECT
// subqueries), nested at most prefetchLevels deep, and that only around a
// single node; around several it reads one level. Neo4j's planning time
// grows steeply with the subqueries of a statement and more with their
// nesting (on the bench graph, fresh plans: a chain of 2 nested lists 0.2 s,
// 8 nested 5.5 s, 12 nested 19.5 s, and 50 overflow the planner's stack; 10
// lists side by side 0.7 s, 10 pairs 3.5 s, 30 pairs 15 s), and planning
// does not heed the transaction timeout, so one deeply nested statement
// outlived its timeout by minutes. And a nested list is read once per path
// to its node: under a page, or below the first level, the same hub's
// members were sorted hundreds of times. So the levels below are read one
// statement per level (and per list above with lists below it), over the
// distinct nodes at the far ends of the level above; a single node's second
// level has no repeats (its lists' far ends are distinct) and may share its
// statement. prefetchLevels is a variable only so that
// BenchmarkDeepReadAhead can compare with one statement per plan.
var prefetchLevels = 2

const maxPrefetchLists = 8

// Prefetch reads the nodes ids (their properties props, or whole if nil)
// and every list the plan names around them and around the nodes at the
// lists' far ends, a level per statement (see prefetchLevels): one COLLECT
// subquery per list, ordered and limited as Relations orders and limits it,
// so a primed loader answers exactly what it would have fetched. Of the far
// ends it reads only the properties the plan names.
func (db *DB) Prefetch(ctx context.Context, ids, props []string, plan []model.Prefetch) (*model.Prefetched, error) {
	out := &model.Prefetched{Nodes: map[string]model.Node{}, Relations: map[model.RelationQuery]map[string][]model.Relation{}}
	if err := db.prefetchFrom(ctx, out, out.Nodes, ids, props, plan); err != nil {
		return nil, err
	}
	return out, nil
}

// prefetchFrom reads into out the lists of plan around ids, recording the
// nodes ids in nodes unless it is nil: as many levels as it may nest in one
// statement, maxPrefetchLists lists per statement, then the levels below.
func (db *DB) prefetchFrom(ctx context.Context, out *model.Prefetched, nodes map[string]model.Node, ids, props []string, plan []model.Prefetch) error {
	levels := 1
	if len(ids) == 1 && countLists(planWithin(plan, prefetchLevels)) <= maxPrefetchLists {
		levels = prefetchLevels
	}
	head := planWithin(plan, levels)
	for len(head) > 0 {
		n := len(head) // nested levels fit in one statement: counted above
		if levels == 1 {
			n = min(n, maxPrefetchLists)
		}
		if err := db.prefetchStatement(ctx, out, nodes, ids, props, head[:n]); err != nil {
			return err
		}
		head = head[n:]
	}
	return db.prefetchBelow(ctx, out, plan, ids, levels)
}

// prefetchStatement reads in one statement the nodes ids and the lists of
// plan around them, as deep as plan goes.
func (db *DB) prefetchStatement(ctx context.Context, out *model.Prefetched, nodes map[string]model.Node, ids, props []string, plan []model.Prefetch) error {
	cypher := `
		UNWIND $ids AS id
		MATCH (n:Node {id: id})
		RETURN ` + projection("n", props) + ` AS n, ` + prefetchLists("n", plan, 1)
	records, err := db.read(ctx, "prefetch", cypher, map[string]any{"ids": ids})
	if err != nil {
		return err
	}
	for _, rec := range records {
		n, err := decodeProjected(rec, "n")
		if err != nil {
			return translate("prefetch", err)
		}
		if nodes != nil {
			nodes[n.NodeID()] = n
		}
		lists, _ := rec.Get("lists")
		if err := decodeLists(out, n.NodeID(), plan, lists); err != nil {
			return translate("prefetch", err)
		}
	}
	return nil
}

// prefetchBelow reads the levels of plan deeper than levels around parents,
// whose upper levels out already holds: the lists below each list cut at
// that depth are read around the distinct nodes at its far ends.
func (db *DB) prefetchBelow(ctx context.Context, out *model.Prefetched, plan []model.Prefetch, parents []string, levels int) error {
	for _, p := range plan {
		if len(p.Next) == 0 {
			continue
		}
		far := farEnds(out.Relations[p.Query], parents)
		var err error
		switch {
		case levels > 1:
			err = db.prefetchBelow(ctx, out, p.Next, far, levels-1)
		case len(far) > 0:
			err = db.prefetchFrom(ctx, out, nil, far, []string{"id"}, p.Next)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// planWithin is plan cut below its first levels levels.
func planWithin(plan []model.Prefetch, levels int) []model.Prefetch {
	out := make([]model.Prefetch, len(plan))
	for i, p := range plan {
		out[i].Query = p.Query
		if levels > 1 {
			out[i].Next = planWithin(p.Next, levels-1)
		}
	}
	return out
}

// countLists counts the lists of plan, at every level.
func countLists(plan []model.Prefetch) int {
	n := len(plan)
	for _, p := range plan {
		n += countLists(p.Next)
	}
	return n
}

// farEnds lists, once each, the ids at the far ends of the lists around
// parents.
func farEnds(lists map[string][]model.Relation, parents []string) []string {
	var far []string
	seen := map[string]bool{}
	for _, parent := range parents {
		for _, rel := range lists[parent] {
			e := rel.Endpoints()
			id := e.ToID
			if id == parent {
				id = e.FromID
			}
			if !seen[id] {
				seen[id] = true
				far = append(far, id)
			}
		}
	}
	return far
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

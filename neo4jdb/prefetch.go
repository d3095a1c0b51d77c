package neo4jdb

import (
	"context"
	"fmt"
	"slices"
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
	out := &model.Prefetched{Nodes: map[string]model.Node{}, Relations: map[model.RelationQuery]map[string]model.RelationPage{}}
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
	params := map[string]any{"ids": ids}
	cypher := `
		UNWIND $ids AS id
		MATCH (n:Node {id: id})
		RETURN ` + projection("n", props) + ` AS n, ` + prefetchLists("n", plan, 1, params)
	records, err := db.read(ctx, "prefetch", cypher, params)
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
func farEnds(lists map[string]model.RelationPage, parents []string) []string {
	var far []string
	seen := map[string]bool{}
	for _, parent := range parents {
		for _, it := range lists[parent].Items {
			e := it.Relation.Endpoints()
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

// prefetchLists writes [{page: COLLECT {…}, total: …}, …] AS lists for the
// lists of plan around the node variable parent, and puts the cursors they
// page from in params. Variables are named by depth and place, so nested
// subqueries never shadow their parents'; parameters are numbered in the
// order they are added, since two lists at the same depth and place under
// different parents may page from different cursors and parameters are
// shared by the whole statement.
//
// A page is a keyset read, as for node lists (ListNodes): the
// relationships beyond the cursor in the list's order (relSortKey), or
// backward in reverse order, First+1 of them so that decodeLists can tell
// whether more follow. A node's relationships have no index in their
// order, so the page reads them all and keeps the top First+1 as it goes
// (Neo4j's Top-N): nothing collects the list to slice it. The total is
// counted only when asked, from the degree store where no far-end label
// restricts it.
func prefetchLists(parent string, plan []model.Prefetch, depth int, params map[string]any) string {
	parts := make([]string, len(plan))
	for i, p := range plan {
		q := p.Query
		place := fmt.Sprintf("%d_%d", depth, i)
		r, m, k := "r"+place, "m"+place, "k"+place
		far := ""
		if q.Far != "" {
			far = ":" + label(q.Far)
		}
		next := "[]"
		if len(p.Next) > 0 {
			next = strings.TrimSuffix(prefetchLists(m, p.Next, depth+1, params), " AS lists")
		}
		var where []string
		for _, c := range []struct {
			name, cmp string
			at        model.Cursor
		}{{"after", ">", q.After}, {"before", "<", q.Before}} {
			if c.at.ID != "" {
				name := fmt.Sprintf("%s%d", c.name, len(params))
				params[name] = relCursor(c.at)
				where = append(where, fmt.Sprintf("%s %s $%s", k, c.cmp, name))
			}
		}
		dir := ""
		if q.Backward {
			dir = " DESC"
		}
		total := "-1"
		if q.Count {
			total = "COUNT { " + arrow(parent, "", relType(q.Kind), far, q.Dir) + " }"
		}
		// out says which way the relationship points (the ids of its ends are
		// known): comparing nodes reads no property, where startNode(r).id
		// would cost a db hit per end and row.
		parts[i] = fmt.Sprintf(`{page: COLLECT { MATCH %s
			WITH %s, %s, %s, %s AS %s %s
			RETURN {r: %s, m: %s, out: startNode(%s) = %s, key: %s, next: %s}
			ORDER BY %s%s LIMIT %d }, total: %s}`,
			arrow(parent, r, relType(q.Kind), m+far, q.Dir), parent, r, m, relSortKey(q, r, m), k, whereText(where),
			relProjection(r, q), projection(m, propList(q)), r, parent, k, next,
			k, dir, q.First+1, total)
	}
	return "[" + strings.Join(parts, ", ") + "] AS lists"
}

// decodeLists records the pages read around the node parent, and
// recursively those around their far ends.
func decodeLists(out *model.Prefetched, parent string, plan []model.Prefetch, v any) error {
	lists, _ := v.([]any)
	if len(lists) != len(plan) {
		return fmt.Errorf("prefetch read %d lists for a plan of %d", len(lists), len(plan))
	}
	for i, p := range plan {
		list, _ := lists[i].(map[string]any)
		items, _ := list["page"].([]any)
		total, _ := list["total"].(int64)
		page := model.RelationPage{Total: int(total)}
		if len(items) > p.Query.First {
			// The row past the page only says that more follow.
			items, page.More = items[:p.Query.First], true
		}
		for _, item := range items {
			m, _ := item.(map[string]any)
			rel, far, err := decodeListItem(m, p.Query.Kind, parent)
			if err != nil {
				return err
			}
			at, err := cursorOfKey(m["key"])
			if err != nil {
				return err
			}
			page.Items = append(page.Items, model.RelationItem{Relation: rel, Cursor: at})
			if len(p.Next) > 0 {
				if err := decodeLists(out, far, p.Next, m["next"]); err != nil {
					return err
				}
			}
		}
		if p.Query.Backward {
			slices.Reverse(page.Items)
		}
		if out.Relations[p.Query] == nil {
			out.Relations[p.Query] = map[string]model.RelationPage{}
		}
		out.Relations[p.Query][parent] = page
	}
	return nil
}

// decodeListItem reads the relationship of one row of a list around parent,
// and returns it with the id of its far end.
func decodeListItem(m map[string]any, kind model.RelationKind, parent string) (model.Relation, string, error) {
	r, err := decodeRelProjected(m["r"], kind)
	if err != nil {
		return nil, "", err
	}
	far, err := decodeProjectedValue(m["m"])
	if err != nil {
		return nil, "", err
	}
	ends := model.Ends{FromID: parent, ToID: far.NodeID(), ToNode: far, ViewFrom: parent}
	if out, _ := m["out"].(bool); !out {
		ends = model.Ends{FromID: far.NodeID(), ToID: parent, FromNode: far, ViewFrom: parent}
	}
	rel, err := decodeRelation(r, ends)
	return rel, far.NodeID(), err
}

// relProjection is what a statement returns of relationship variable r: the
// whole relationship unless q is projected, else a map of the properties
// q.RelProps names (those not stored on relationships,
// model.RelationProperty, are skipped), which
// decodeRelProjected reads.
func relProjection(r string, q model.RelationQuery) string {
	if !q.Projected {
		return r
	}
	var keys []string
	for _, p := range strings.Split(q.RelProps, ",") {
		if model.RelationProperty(p) {
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

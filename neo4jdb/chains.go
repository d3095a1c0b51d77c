package neo4jdb

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

// relUnion is the relationship type expression of a scope, e.g.
// MEMBER_OF|LOCATED_IN: every type when kinds is empty. The types come from
// the fixed mapping only.
func relUnion(kinds []model.RelationKind) string {
	if len(kinds) == 0 {
		kinds = model.AllRelationKind
	}
	types := make([]string, len(kinds))
	for i, k := range kinds {
		types[i] = relType(k)
	}
	return strings.Join(types, "|")
}

// inWindow is the predicate on relationship r that keeps it when its years
// overlap [$since, $until]: a dated event (year) must lie inside, a period
// (since..until, open ends open) must overlap it, an undated one is kept.
func inWindow(r string) string {
	return fmt.Sprintf(`coalesce(%[1]s.until, %[1]s.year, $until) >= $since AND coalesce(%[1]s.since, %[1]s.year, $since) <= $until`, r)
}

// scopeParams are the parameters inWindow and the degree cap read.
func scopeParams(s model.PathScope, params map[string]any) map[string]any {
	params["since"], params["until"] = 0, 9999
	if s.Since != nil {
		params["since"] = *s.Since
	}
	if s.Until != nil {
		params["until"] = *s.Until
	}
	params["maxDegree"] = s.MaxDegree
	return params
}

// passable is the predicate that lets a path go through node n: under the
// degree cap, or the cap is off.
func passable(n string) string {
	return fmt.Sprintf(`($maxDegree = 0 OR COUNT { (%s)--() } <= $maxDegree)`, n)
}

// Chains finds the chains from q.From to q.To with Neo4j's own shortest-path
// search: SHORTEST k over a quantified path pattern, whose inline predicates
// (relationship kinds, year window, degree cap, no node twice) prune the
// search instead of filtering its result. The search runs from the end with
// more relationships: Neo4j explores far less that way round (measured on
// the bench graph: 66 ms from a university with 13,000 relationships to an
// enterprise, 2 s the other way), and chains are turned back into reading
// order. It asks for one chain more than q.First to tell whether the list
// was cut. Without a window no relationship's years are read, and up to 4
// hops under the default cap the search passes only through the nodes
// that the balls around both ends allow (chainPlanFor, ballsCypher): the
// same chains for a third of the db hits or less.
// The path count and the hop bound are validated integers written into the
// statement, as Cypher 5 takes no parameter there.
func (db *DB) Chains(ctx context.Context, q model.ChainQuery) (*model.ChainAnswer, error) {
	records, err := db.readPaths(ctx, "chains", chainsCypher(q, chainPlanFor(q)), chainsParams(q))
	if err != nil {
		return nil, err
	}
	ans, err := decodeChains(records[0], q)
	if err != nil {
		return nil, translate("chains", err)
	}
	return ans, nil
}

// chainsParams are the parameters of Chains' statement.
func chainsParams(q model.ChainQuery) map[string]any {
	return scopeParams(q.PathScope, map[string]any{"from": q.From, "to": q.To, "maxHubs": model.MaxSkippedHubs})
}

// chainPlan says what Chains' statement does besides the search itself.
type chainPlan struct {
	// window tests each relationship's years; without it every
	// relationship is in the window, which is what open ends mean
	// (model.Window), and the search reads no relationship property.
	window bool
	// balls first binds the nodes a chain may pass through
	// (ballsCypher), and the search goes through no other.
	balls bool
}

// maxBallHops is the longest hop bound for which Chains narrows the search
// to the balls around its ends. Measured on the shared synthetic graphs
// (5.9 relationships a node; BenchmarkChains), up to 4 hops the balls and
// the narrowed search cost a sixth to a third of the db hits of the search
// alone; at 5 and 6 hops the ball of radius 3 costs more than the whole
// search, which stops at the first k chains (1.2 to 5 times as many on the
// 100k graph).
const maxBallHops = 4

// maxBallDegree bounds the nodes the balls expand. The balls are drawn only
// under a degree cap of at most this (with no cap, or a looser one, an
// inner layer can hold a hub of 100,000 relationships, whose rim the balls
// read in full: one such chain ran past 2 minutes on the 1M graph); and a
// ball of radius 2 (4 hops) only around an end with at most this many
// relationships, as the search alone meets in the middle and stops at k
// chains where the ball reads every neighbour's relationships: on the 1M
// graph, at 4 hops from a university of 300 relationships the balls cost a
// third of the search's db hits, from one of 1,000 up to twice as many, from
// 20,000 six times as many. Otherwise the search runs alone.
const maxBallDegree = 500

// chainPlanFor is the plan of q: the window only when q has one, the balls
// up to maxBallHops under a cap of at most maxBallDegree.
func chainPlanFor(q model.ChainQuery) chainPlan {
	return chainPlan{window: q.Since != nil || q.Until != nil,
		balls: q.MaxHops <= maxBallHops && q.MaxDegree > 0 && q.MaxDegree <= maxBallDegree}
}

// chainsCypher writes Chains' statement for plan.
func chainsCypher(q model.ChainQuery, plan chainPlan) string {
	var preds []string
	if plan.window {
		preds = append(preds, inWindow("r"))
	}
	if q.FactsOnly {
		preds = append(preds, factual("r"))
	}
	rel := ""
	if len(preds) > 0 {
		rel = " WHERE " + strings.Join(preds, " AND ")
	}
	allowed, through := "", passable("n")+andFactual(q.FactsOnly, "n")
	if plan.balls {
		allowed, through = ballsCypher(q), ballsThrough(q)
	}
	return `
		OPTIONAL MATCH (x:Node {id: $from})
		OPTIONAL MATCH (y:Node {id: $to})
		CALL (x, y) {
			WITH x, y WHERE x IS NOT NULL AND y IS NOT NULL AND x <> y
			WITH CASE WHEN COUNT { (x)--() } >= COUNT { (y)--() } THEN [x, y] ELSE [y, x] END AS ends
			WITH ends[0] AS a, ends[1] AS b` + allowed + `
			MATCH p = SHORTEST ` + fmt.Sprint(q.First+1) + ` ((a)(()-[r:` + relUnion(q.Kinds) + rel + `]-(n WHERE n = b OR ` + through + `)){1,` + fmt.Sprint(q.MaxHops) + `}(b)
				WHERE NOT a IN n AND all(i IN range(0, size(n) - 2) WHERE NOT n[i] IN n[i + 1..]))
			WITH p, [v IN nodes(p) | v.id] AS ids
			WITH p, CASE WHEN ids[0] = $from THEN ids ELSE reverse(ids) END AS ids
			ORDER BY length(p), ids
			RETURN collect(p) AS paths
		}
		RETURN x AS a, y AS b, paths, ` + skippedHubs(q.SkippedHubs, q.FactsOnly) + ` AS hubs`
}

// decodeChains reads Chains' record: both ends, which must exist, the
// chains in reading order (one more than q.First tells that the list was
// cut), and the skipped hubs. A chain from a node to itself is the node
// alone.
func decodeChains(rec *neo4j.Record, q model.ChainQuery) (*model.ChainAnswer, error) {
	ans := &model.ChainAnswer{Chains: []*model.Chain{}, MaxHops: q.MaxHops, SkippedHubs: []model.Node{}}
	start, err := endNode(rec, "a", "from", q.From)
	if err != nil {
		return nil, err
	}
	if _, err := endNode(rec, "b", "to", q.To); err != nil {
		return nil, err
	}
	if q.From == q.To {
		ans.Chains = append(ans.Chains, &model.Chain{Start: start, Steps: []*model.ChainStep{}})
		ans.Exhausted = true
		return ans, nil
	}
	paths, _ := rec.Get("paths")
	for _, v := range paths.([]any) {
		p, ok := v.(neo4j.Path)
		if !ok {
			return nil, fmt.Errorf("paths holds a %T", v)
		}
		nodes, rels := p.Nodes, p.Relationships
		if nodes[0].Props["id"] != q.From {
			slices.Reverse(nodes)
			slices.Reverse(rels)
		}
		chain, err := decodeChain(nodes, rels)
		if err != nil {
			return nil, err
		}
		ans.Chains = append(ans.Chains, chain)
	}
	if len(ans.Chains) > q.First {
		ans.Chains, ans.Truncated = ans.Chains[:q.First], true
	}
	ans.Exhausted = !ans.Truncated
	rawHubs, _ := rec.Get("hubs")
	hubs, cut := capped(rawHubs, model.MaxSkippedHubs)
	if ans.SkippedHubs, err = decodeNodeList(hubs); err != nil {
		return nil, err
	}
	ans.SkippedHubsTruncated = cut
	return ans, nil
}

// skippedHubs is the expression listing the hubs next to either end that
// the cap passed over, the most connected first, one more than
// model.MaxSkippedHubs to tell whether the list was cut; or an empty list
// when the client did not ask. With factsOnly, a hub is one the chains
// could otherwise have passed through: factual, by a factual relationship.
func skippedHubs(asked, factsOnly bool) string {
	if !asked {
		return "[]"
	}
	return `COLLECT { UNWIND [x, y] AS end MATCH (end)-[e]-(h) WHERE h <> x AND h <> y AND $maxDegree > 0 AND COUNT { (h)--() } > $maxDegree` + andFactual(factsOnly, "e", "h") + `
		WITH DISTINCT h WITH h, COUNT { (h)--() } AS degree ORDER BY degree DESC, h.id LIMIT $maxHubs + 1 RETURN h }`
}

// endNode reads the node an argument names, or says that it does not exist.
func endNode(rec *neo4j.Record, column, arg, id string) (model.Node, error) {
	n, err := recordNode(rec, column)
	if err != nil {
		return nil, err
	}
	if n == nil {
		return nil, notFoundArg("node", id, arg)
	}
	return n, nil
}

// decodeChain turns the nodes and relationships of a path, in reading order,
// into a chain whose steps say how each relationship runs.
func decodeChain(nodes []neo4j.Node, rels []neo4j.Relationship) (*model.Chain, error) {
	decoded := make([]model.Node, len(nodes))
	for i, n := range nodes {
		var err error
		if decoded[i], err = decodeNode(n); err != nil {
			return nil, err
		}
	}
	chain := &model.Chain{Start: decoded[0], Length: len(rels), Steps: make([]*model.ChainStep, len(rels))}
	for i, r := range rels {
		prev, next := i, i+1
		dir := model.StepDirectionForward
		from, to := prev, next
		if r.StartElementId != nodes[prev].ElementId {
			dir, from, to = model.StepDirectionBackward, next, prev
		}
		rel, err := decodeRelation(r, model.Ends{FromID: decoded[from].NodeID(), ToID: decoded[to].NodeID(),
			FromNode: decoded[from], ToNode: decoded[to], ViewFrom: decoded[prev].NodeID()})
		if err != nil {
			return nil, err
		}
		chain.Steps[i] = &model.ChainStep{Kind: rel.RelationKind(), Direction: dir, Relationship: rel, Node: decoded[next]}
	}
	return chain, nil
}

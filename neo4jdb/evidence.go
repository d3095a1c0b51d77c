package neo4jdb

import "strings"

// Facts and illustrations. A node or relationship with `synthetic: true`
// was added to illustrate (seed/data/sample/illustrative.jsonl) or for
// scale; the rest are facts with a source. A query asked for facts only
// (factsOnly) walks the graph as if the synthetic ones were not there. The
// predicates are left out of a statement that is not asked for facts only,
// so the default statements and their plans do not change.

// factual is the predicate that keeps the node or relationship x: it is
// not marked synthetic. A missing mark is a fact (the importer always
// writes one; data written before the field existed has none).
func factual(x string) string {
	return "NOT coalesce(" + x + ".synthetic, false)"
}

// andFactual is " AND " followed by factual(x) for each of xs when
// factsOnly, else empty: the tail of a predicate that already holds
// something.
func andFactual(factsOnly bool, xs ...string) string {
	if !factsOnly {
		return ""
	}
	var b strings.Builder
	for _, x := range xs {
		b.WriteString(" AND " + factual(x))
	}
	return b.String()
}

// whereFactual is a WHERE clause keeping xs when factsOnly, else empty.
func whereFactual(factsOnly bool, xs ...string) string {
	if !factsOnly {
		return ""
	}
	return " WHERE " + strings.TrimPrefix(andFactual(true, xs...), " AND ")
}

// anySynthetic is the expression telling whether any of xs (nodes or
// relationships; null ones are skipped) is marked synthetic.
func anySynthetic(xs ...string) string {
	return "any(x IN [" + strings.Join(xs, ", ") + "] WHERE x.synthetic)"
}

// factualIfAsked is factual(x) under the parameter $factsOnly: it keeps x
// unless only facts are asked for and x is illustrative. A statement that
// holds it has one text for both answers, so Neo4j plans it once
// (matchDemand's ranking costs about a second to plan); the others leave
// the predicate out when it is not asked for, so their default plans stay.
func factualIfAsked(x string) string {
	return "NOT ($factsOnly AND coalesce(" + x + ".synthetic, false))"
}

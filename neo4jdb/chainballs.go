package neo4jdb

import (
	"fmt"
	"strings"

	"github.com/innograph/innograph/graph/model"
)

// ballsCypher writes the clauses that bind allowed, the nodes a chain of at
// most h = q.MaxHops hops (h ≤ maxBallHops) from a to b can pass through,
// so that the search that follows expands no other. The search finds the
// same chains: every node it can no longer pass through is on none.
//
// Why. Let dA(v) and dB(v) be v's distances from a and from b over the
// relationships of the kinds asked, through nodes that are passable, factual
// when asked, and not the other end. A node at position i of a chain of
// length L ≤ h has dA ≤ i and dB ≤ L − i, so dA + dB ≤ h: a node with a
// larger sum is on no chain. Years and evidence of relationships are not
// read here (distances over more relationships are only smaller), so the
// balls cost one db hit a relationship, as against the search's several.
//
// How. A breadth-first ball around each end, of radius ra = ⌊h/2⌋ around a
// (the end with more relationships) and rb = h − ra around b, knows dA up to
// ra and dB up to rb. Its inner layers (those expanded: layer 1 when the
// radius is 2) hold only nodes that can be passed through; its rim (the last
// layer) is listed unchecked, with the inner node each rim node was reached
// from. A node is allowed when it can be passed through and
//   - both distances are known and sum to at most h; or
//   - only one is known, say dA: then dB ≥ rb + 1, so v must be an inner
//     node of a's ball (dA ≤ ra − 1); if dA + rb + 2 ≤ h that is enough,
//     otherwise dB must be rb + 1 exactly, that is v must be next to a rim
//     node of b's ball whose dB is rb ("touched"). Up to 4 hops every inner
//     node is in that second case.
//
// Each ball is collected in one list, and the distances are joined by
// grouping on the node, not by list membership tests. At 4 hops (radius 2
// around a) an end a with more than maxBallDegree relationships draws no
// balls: allowed is null, and ballsThrough lets the search pass where the
// search alone would.
func ballsCypher(q model.ChainQuery) string {
	h := q.MaxHops
	radius := map[string]int{"a": h / 2, "b": h - h/2}
	step := `-[:` + relUnion(q.Kinds) + `]-`
	var b strings.Builder
	imports, guard := "%[1]s, %[2]s", ""
	if radius["a"] == 2 {
		fmt.Fprintf(&b, "\n\t\t\tWITH a, b, COUNT { (a)--() } > %d AS big", maxBallDegree)
		imports, guard = "%[1]s, %[2]s, big", " WITH %[1]s, %[2]s WHERE NOT big"
	}
	var tags []string
	for _, x := range []string{"a", "b"} {
		y := map[string]string{"a": "b", "b": "a"}[x]
		switch radius[x] {
		case 1:
			fmt.Fprintf(&b, "\n\t\t\tCALL (%[1]s) { MATCH (%[1]s)%[2]s(m) RETURN collect(m) AS %[1]s1 }", x, step)
			tags = append(tags, fmt.Sprintf("[m IN %[1]s1 | {n: m, %[1]s: 1, ok: 0}]", x))
		case 2:
			fmt.Fprintf(&b, "\n\t\t\tCALL ("+imports+") {"+guard+" MATCH (%[1]s)%[3]s(m) WHERE m <> %[2]s WITH DISTINCT m WHERE %[4]s RETURN collect(m) AS %[1]s1 }",
				x, y, step, passable("m")+andFactual(q.FactsOnly, "m"))
			fmt.Fprintf(&b, "\n\t\t\tCALL (%[1]s1) { UNWIND %[1]s1 AS u MATCH (u)%[2]s(m) RETURN collect([u, m]) AS %[1]s2 }", x, step)
			tags = append(tags, fmt.Sprintf("[m IN %[1]s1 | {n: m, %[1]s: 1, ok: 1}] + [e IN %[1]s2 | {n: e[1], %[1]s: 2, ok: 0, %[1]sn: e[0]}]", x))
		}
	}
	big := ""
	if guard != "" {
		big = ", big"
	}
	fmt.Fprintf(&b, `
			WITH a, b%[9]s, %[1]s AS tags
			UNWIND tags + [{n: a}] AS t
			WITH a, b%[9]s, t.n AS v, min(t.a) AS da, min(t.b) AS db, max(t.ok) AS ok, collect(t.an) AS an, collect(t.bn) AS bn
			UNWIND [{n: v, da: da, db: db, ok: ok}] + CASE db WHEN %[2]d THEN [u IN an | {n: u, ta: 1}] ELSE [] END + CASE da WHEN %[3]d THEN [u IN bn | {n: u, tb: 1}] ELSE [] END AS t
			WITH a, b%[9]s, t.n AS v, min(t.da) AS da, min(t.db) AS db, max(t.ok) AS ok, max(t.ta) AS ta, max(t.tb) AS tb
			WITH a, b%[9]s, collect(CASE
				WHEN v = a OR v = b THEN null
				WHEN da IS NOT NULL AND db IS NOT NULL AND da + db > %[4]d THEN null
				WHEN db IS NULL AND da + %[5]d > %[4]d AND ta IS NULL THEN null
				WHEN da IS NULL AND db + %[6]d > %[4]d AND tb IS NULL THEN null
				WHEN ok = 1 OR %[7]s THEN v END) AS allowed%[8]s`,
		strings.Join(append([]string{"[]"}, tags...), " + "), radius["b"], radius["a"], h, radius["b"]+2, radius["a"]+2,
		passable("v")+andFactual(q.FactsOnly, "v"), map[bool]string{true: "\n\t\t\tWITH a, b, CASE WHEN big THEN null ELSE allowed END AS allowed", false: ""}[guard != ""], big)
	return b.String()
}

// ballsThrough is the predicate of the nodes the search narrowed by
// ballsCypher passes through: allowed ones, or, when allowed is null (an
// end too big for balls), those the search alone would pass through.
func ballsThrough(q model.ChainQuery) string {
	if q.MaxHops/2 < 2 {
		return "n IN allowed"
	}
	// CASE, not OR: Neo4j may evaluate the operands of OR and AND in any
	// order, and reading the degree of every node reached cost a third more.
	return "CASE WHEN allowed IS NULL THEN " + passable("n") + andFactual(q.FactsOnly, "n") + " ELSE n IN allowed END"
}

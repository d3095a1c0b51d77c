package graph_test

import (
	"fmt"
	"strings"
)

// Documents of the shapes that make GraphQL validation or parsing expensive,
// built to a given size. The tests build them at and just past a limit; the
// benchmark at the limits and at the body limit.

// conflictingFields: n fields alliances(first:) with differing arguments
// and no alias, so they too share a response name; below a root field, as
// the root-field limit allows few at the root.
func conflictingFields(n int) string {
	var b strings.Builder
	b.WriteString(`{ node(id: "x") { ... on Enterprise {`)
	for i := range n {
		fmt.Fprintf(&b, " alliances(first: %d) { totalCount }", i)
	}
	b.WriteString(" } } }")
	return b.String()
}

// repeatedSubtrees: k copies of node(id:"x") { id × m }: every pair of
// copies is merged and their sub-fields compared pair by pair.
func repeatedSubtrees(k, m int) string {
	return "{" + strings.Repeat(` node(id: "x") {`+strings.Repeat(" id", m)+" }", k) + " }"
}

// chain is a valid selection depth levels deep: node → alliances → edges
// → node → alliance → members → edges → node → member → alliances → …
func chain(depth int) string {
	steps := []struct{ open, leaf string }{
		{"... on Enterprise { alliances(first: 1) {", "id"},
		{"edges {", "totalCount"},
		{"node {", "cursor"},
		{"alliance {", "role"},
		{"members(first: 1) {", "id"},
		{"edges {", "totalCount"},
		{"node {", "cursor"},
		{"member {", "role"},
	}
	var b strings.Builder
	b.WriteString(`node(id: "x") {`)
	closes := 1
	state := 0
	for range depth - 2 {
		b.WriteString(" " + steps[state].open)
		closes += strings.Count(steps[state].open, "{")
		state = (state + 1) % len(steps)
	}
	b.WriteString(" " + steps[state].leaf + strings.Repeat(" }", closes))
	return b.String()
}

// deepChains: k copies of a chain depth levels deep.
func deepChains(k, depth int) string {
	return "{ " + strings.Repeat(chain(depth)+" ", k) + "}"
}

// manyFragments: n fragments, each a conflicting field, all spread in one
// selection: validation compares every pair of fragments.
func manyFragments(n int) string {
	var b strings.Builder
	b.WriteString(`{ node(id: "x") {`)
	for i := range n {
		fmt.Fprintf(&b, " ...F%d", i)
	}
	b.WriteString(" } }")
	for i := range n {
		fmt.Fprintf(&b, " fragment F%d on Enterprise { alliances(first: %d) { totalCount } }", i, i)
	}
	return b.String()
}

// fragmentFanout: F0 spreads F1 twice, F1 spreads F2 twice, …, levels deep:
// 2^levels fields from a few hundred bytes.
func fragmentFanout(levels int) string {
	var b strings.Builder
	b.WriteString(`{ node(id: "x") { ...F0 } }`)
	for i := range levels {
		fmt.Fprintf(&b, " fragment F%d on Node { ...F%d ...F%d }", i, i+1, i+1)
	}
	fmt.Fprintf(&b, " fragment F%d on Node { id }", levels)
	return b.String()
}

// rootFields: n aliased root fields.
func rootFields(n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, ` r%d: node(id: "x%d") { id }`, i, i)
	}
	b.WriteString(" }")
	return b.String()
}

// longList: one argument of n enum values, about n+17 tokens.
func longList(n int) string {
	return `{ search(query: "x", types: [` + strings.Repeat("ENTERPRISE ", n) + "]) { edges { cursor } } }"
}

// longString: one string argument of n bytes, a single token.
func longString(n int) string {
	return `{ search(query: "` + strings.Repeat("x", n) + `") { edges { cursor } } }`
}

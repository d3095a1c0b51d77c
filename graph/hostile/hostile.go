// Package hostile builds GraphQL documents of the shapes that make parsing or
// validation expensive (issue 10), one definition for the operation-limit
// tests, their benchmark and the chaos battery alike.
package hostile

import (
	"fmt"
	"strings"
)

// ConflictingAliases is `{ a: __typename a: node(id:"x1"){id} … }`: n fields
// sharing the response name "a" that cannot merge, the document of issue 10's
// validation blow-up.
func ConflictingAliases(n int) string {
	var b strings.Builder
	b.WriteString("{ a: __typename")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, ` a: node(id: "x%d") { id }`, i)
	}
	b.WriteString(" }")
	return b.String()
}

// RepeatedField is `{ node(id: …) { id id id … } }` with n ids (n+10 tokens),
// issue 10's 40,000 repeats.
func RepeatedField(id string, n int) string {
	return fmt.Sprintf(`{ node(id: %q) { %s} }`, id, strings.Repeat("id ", n))
}

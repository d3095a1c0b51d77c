package graph

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/vektah/gqlparser/v2/ast"
)

// gqlgen caches graphql.CollectFields for the operation under the address
// and length of the selection set's backing array, and holds only the
// result, not the set. A set we join from others and then drop can be freed,
// and another joined set of the same length can be allocated at its address:
// CollectFields then answers the second with the first's fields. Two
// selections of one list under two aliases read each other's projection
// that way, now and then, as the garbage collector pleased
// (TestOneListTwoProjections). So a selection set passed to CollectFields is
// either the document's or gqlgen's own (alive for the operation), or one
// joined here, which the operation keeps.

// joins are the selection sets joined during one operation, by their parts.
type joins struct {
	mu      sync.Mutex
	byParts map[string]ast.SelectionSet
}

type joinsKey struct{}

func withJoins(ctx context.Context) context.Context {
	return context.WithValue(ctx, joinsKey{}, &joins{byParts: map[string]ast.SelectionSet{}})
}

// joined is parts one after the other, a selection set that lives as long
// as the operation. The parts must live as long (the document's sets, those
// of collected fields, or joined ones): they are told apart by their
// addresses. The same parts give the same set, so that the resolvers of a
// page's parents, which join the same parts, find the fields already
// collected. A single part is itself.
func joined(ctx context.Context, parts []ast.SelectionSet) ast.SelectionSet {
	var key strings.Builder
	var nonEmpty []ast.SelectionSet
	for _, p := range parts {
		if len(p) > 0 {
			fmt.Fprintf(&key, "%p/%d ", p, len(p))
			nonEmpty = append(nonEmpty, p)
		}
	}
	switch len(nonEmpty) {
	case 0:
		return nil
	case 1:
		return nonEmpty[0]
	}
	j := ctx.Value(joinsKey{}).(*joins)
	j.mu.Lock()
	defer j.mu.Unlock()
	set, ok := j.byParts[key.String()]
	if !ok {
		for _, p := range nonEmpty {
			set = append(set, p...)
		}
		j.byParts[key.String()] = set
	}
	return set
}

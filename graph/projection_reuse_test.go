package graph

import (
	"context"
	"runtime"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestOneListTwoProjections: two selections of one list in an operation
// each get the projection of their own fields, however often they are
// computed and whatever memory the computing of one left free for the
// other: gqlgen's CollectFields cache goes by a selection set's address
// (selections.go), and a collection between the two lets a set the first
// dropped be reused by the second. A list with one far field (alliance)
// and one with two (from and to, which are joined).
func TestOneListTwoProjections(t *testing.T) {
	for _, tc := range []struct {
		name, typ, field, query string
		want                    [2]struct{ props, relProps string }
	}{
		{"Alliances", "Enterprise", "alliances", `{
			a: node(id: "e1") { ... on Enterprise { alliances { edges { node { role alliance { name } } } } } }
			b: node(id: "e1") { ... on Enterprise { alliances { edges { node { since alliance { level } } } } } }
		}`, [2]struct{ props, relProps string }{{"id,name", "role"}, {"id,level", "since"}}},
		{"Collaborators", "University", "collaborators", `{
			a: node(id: "u1") { ... on University { collaborators { edges { node { title from { ... on University { name } } to { id } } } } } }
			b: node(id: "u1") { ... on University { collaborators { edges { node { kind from { ... on University { kind } } to { id } } } } } }
		}`, [2]struct{ props, relProps string }{{"id,name", "title"}, {"id,kind", "kind"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, errs := gqlparser.LoadQuery(parsedSchema, tc.query)
			if errs != nil {
				t.Fatal(errs)
			}
			op := &graphql.OperationContext{Doc: doc, Operation: doc.Operations[0], Variables: map[string]any{}}
			ctx := withJoins(graphql.WithOperationContext(context.Background(), op))
			var sels []ast.SelectionSet
			for _, f := range graphql.CollectFields(op, doc.Operations[0].SelectionSet, []string{"Query"}) {
				for _, lf := range graphql.CollectFields(op, f.Selections, []string{tc.typ}) {
					sels = append(sels, lf.Selections)
				}
			}
			rf := relationFields[tc.typ][tc.field]
			for round := range 20 {
				for i, sel := range sels {
					q, _, err := relationQuery(ctx, tc.typ+"."+tc.field, rf, pageArgs{}, sel)
					if err != nil {
						t.Fatal(err)
					}
					if w := tc.want[i]; q.Props != w.props || q.RelProps != w.relProps {
						t.Fatalf("round %d, selection %d: props %q, relationship props %q; want %q, %q",
							round, i, q.Props, q.RelProps, w.props, w.relProps)
					}
					runtime.GC()
				}
			}
		})
	}
}

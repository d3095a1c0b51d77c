package graph

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
)

// TestMutationArgumentConvention keeps the one convention of mutation
// arguments (docs/design.md, "The client contract"; docs/clients.md,
// "Mutations"): what a mutation acts on is named by non-null scalar or enum
// arguments, what it writes is at most one input object, `input` or (a
// `…Patch` type, for relationship updates) `patch`; creates, adds and
// imports take only `input`.
func TestMutationArgumentConvention(t *testing.T) {
	for _, f := range parsedSchema.Mutation.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		var objects []*ast.ArgumentDefinition
		for _, a := range f.Arguments {
			def := parsedSchema.Types[a.Type.Name()]
			switch {
			case def.Kind == ast.InputObject:
				objects = append(objects, a)
				isPatch := strings.HasSuffix(def.Name, "Patch")
				if (a.Name == "patch") != isPatch || (a.Name != "input" && a.Name != "patch") || !a.Type.NonNull {
					t.Errorf("%s(%s: %s): the input object is `input: …Input!` or `patch: …Patch!`", f.Name, a.Name, a.Type)
				}
			case a.Type.Elem != nil || !a.Type.NonNull:
				t.Errorf("%s(%s: %s): what a mutation acts on is a non-null scalar or enum", f.Name, a.Name, a.Type)
			}
		}
		creates := strings.HasPrefix(f.Name, "create") || strings.HasPrefix(f.Name, "add") || f.Name == "importGraph"
		switch {
		case len(objects) > 1:
			t.Errorf("%s takes %d input objects; at most one", f.Name, len(objects))
		case creates && (len(f.Arguments) != 1 || len(objects) != 1 || objects[0].Name != "input"):
			t.Errorf("%s creates: it takes `input` and nothing else", f.Name)
		}
	}
}

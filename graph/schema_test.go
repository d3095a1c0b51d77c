package graph

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
)

// TestSchemaDescriptions names every type, field, argument, enum value and
// input field of the schema that has no description: introspection,
// GraphiQL and generated client types show them, and an undescribed field
// leaves a client developer guessing.
func TestSchemaDescriptions(t *testing.T) {
	var missing []string
	need := func(desc, what string) {
		if strings.TrimSpace(desc) == "" {
			missing = append(missing, what)
		}
	}
	need(parsedSchema.Description, "the schema")
	for name, def := range parsedSchema.Types {
		if def.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		need(def.Description, name)
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			need(f.Description, name+"."+f.Name)
			for _, a := range f.Arguments {
				need(a.Description, name+"."+f.Name+"("+a.Name+":)")
			}
		}
		for _, v := range def.EnumValues {
			need(v.Description, name+"."+v.Name)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d without a description in schema.graphqls:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

// TestRootFieldsNullable: every query and mutation field has a nullable
// type, so one that fails is null with its error and the others keep their
// data (docs/design.md, "The client contract").
func TestRootFieldsNullable(t *testing.T) {
	for _, root := range []*ast.Definition{parsedSchema.Query, parsedSchema.Mutation} {
		for _, f := range root.Fields {
			if f.Type.NonNull && !strings.HasPrefix(f.Name, "__") {
				t.Errorf("%s.%s is %s: a failure would null its siblings", root.Name, f.Name, f.Type)
			}
		}
	}
}

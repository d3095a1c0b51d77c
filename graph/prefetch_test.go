package graph

import (
	"strings"
	"testing"

	"github.com/innograph/innograph/graph/model"
)

// TestRelationFieldsMatchTheSchema holds the lists of model.NodeSpecs to the
// served schema: every field of a node type that returns a relationship
// connection is a list of that relationship kind (so its resolver and the
// read-ahead find it), every declared list is such a field, and the far
// fields it names exist on the relationship type and hold a node.
func TestRelationFieldsMatchTheSchema(t *testing.T) {
	for _, spec := range model.NodeSpecs {
		def := parsedSchema.Types[spec.Name]
		if def == nil {
			t.Fatalf("%s: not in the schema", spec.Name)
		}
		for _, f := range def.Fields {
			relType, ok := strings.CutSuffix(f.Type.Name(), "Connection")
			if !ok || !isRelationType(relType) {
				continue
			}
			rf, ok := relationFields[spec.Name][f.Name]
			switch {
			case !ok:
				t.Errorf("%s.%s lists %s but is not among the lists of model.NodeSpecs", spec.Name, f.Name, relType)
			case rf.typ() != relType:
				t.Errorf("%s.%s lists %s; the table says %s", spec.Name, f.Name, relType, rf.typ())
			}
		}
		for name, rf := range relationFields[spec.Name] {
			f := def.Fields.ForName(name)
			if f == nil || f.Type.Name() != rf.typ()+"Connection" {
				t.Errorf("%s.%s: the table lists %s, the schema has no such connection field", spec.Name, name, rf.typ())
				continue
			}
			rel := parsedSchema.Types[rf.typ()]
			for _, far := range rf.far {
				ff := rel.Fields.ForName(far)
				if ff == nil {
					t.Errorf("%s.%s: %s has no field %s", spec.Name, name, rf.typ(), far)
					continue
				}
				if k := parsedSchema.Types[ff.Type.Name()].Kind; k == "SCALAR" || k == "ENUM" {
					t.Errorf("%s.%s: %s.%s is a %s, not a node", spec.Name, name, rf.typ(), far, ff.Type.Name())
				}
			}
		}
	}
}

func isRelationType(name string) bool {
	for _, spec := range model.RelationSpecs {
		if spec.Name == name {
			return true
		}
	}
	return false
}

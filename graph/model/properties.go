package model

import "strings"

// The property names below are derived from NodeSpecs and RelationSpecs, so
// a field added there is projected and read back without another list. Each
// stored property is read by the GraphQL field of the same name.
var (
	nodeProperties     = propertyNames(NodeSpecs, func(s *NodeSpec) []FieldRule { return s.Fields })
	relationProperties = propertyNames(RelationSpecs, func(s *RelationSpec) []FieldRule { return s.Fields })
	// refFields maps the field that reads the node a Ref property names to
	// that property: the property without its Id (broker ← brokerId).
	refFields = func() map[string]string {
		out := map[string]string{}
		for _, s := range RelationSpecs {
			for _, f := range s.Fields {
				if len(f.Ref) > 0 {
					out[strings.TrimSuffix(f.Name, "Id")] = f.Name
				}
			}
		}
		return out
	}()
)

// RefProperty is the stored property a relationship's field reads the
// node of (broker → brokerId, enterprise → enterpriseId), if name is such a
// field of some relationship type.
func RefProperty(name string) (string, bool) {
	p, ok := refFields[name]
	return p, ok
}

// NodeProperty says whether name is a stored property of some node type
// (besides id), read by the GraphQL field of the same name.
func NodeProperty(name string) bool { return nodeProperties[name] }

// RelationProperty says whether name is a stored property of some
// relationship type, read by the GraphQL field of the same name.
func RelationProperty(name string) bool { return relationProperties[name] }

func propertyNames[K comparable, S any](specs map[K]S, fields func(S) []FieldRule) map[string]bool {
	out := map[string]bool{}
	for _, s := range specs {
		for _, f := range fields(s) {
			out[f.Name] = true
		}
	}
	return out
}

package model

// The property names below are derived from NodeSpecs and RelationSpecs, so
// a field added there is projected and read back without another list. Each
// stored property is read by the GraphQL field of the same name.
var (
	nodeProperties     = propertyNames(NodeSpecs, func(s *NodeSpec) []FieldRule { return s.Fields })
	relationProperties = propertyNames(RelationSpecs, func(s *RelationSpec) []FieldRule { return s.Fields })
)

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

package model

import "slices"

// The rules on a relationship's ends, shared by the API's writes (neo4jdb)
// and the loader (importer), which differ only in where they look a node up.

// CheckNotSelf refuses a relationship from a node to itself.
func (s *RelationSpec) CheckNotSelf(from, to string) error {
	if from == to {
		return Invalid(s.ToField, "a node cannot be related to itself")
	}
	return nil
}

// CheckEnds makes sure both ends exist and are of kinds the spec joins,
// the from end first. kindOf tells a node's kind and whether it exists;
// searched, when not empty, says where a missing node was looked for.
func (s *RelationSpec) CheckEnds(from, to string, kindOf func(id string) (NodeKind, bool), searched string) error {
	for _, end := range []struct {
		field, id string
		allowed   []NodeKind
	}{
		{s.FromField, from, s.From},
		{s.ToField, to, s.To},
	} {
		if err := checkKind(end.field, end.id, end.allowed, kindOf, searched); err != nil {
			return err
		}
	}
	return nil
}

// checkKind makes sure the node id, named by field, exists and is of one
// of the allowed kinds.
func checkKind(field, id string, allowed []NodeKind, kindOf func(id string) (NodeKind, bool), searched string) error {
	kind, ok := kindOf(id)
	switch {
	case !ok && searched == "":
		return Invalid(field, "no node with id %q", id)
	case !ok:
		return Invalid(field, "no node with id %q in %s", id, searched)
	case !slices.Contains(allowed, kind):
		return Invalid(field, "%q is of type %s; expected %s", id, kind.Name(), KindNames(allowed))
	}
	return nil
}

// RefIDs are the ids a relationship's validated properties name through
// fields with a Ref (a broker, a brokerage's enterprise), by field.
func (s *RelationSpec) RefIDs(props map[string]any) map[string]string {
	var out map[string]string
	for _, f := range s.Fields {
		if id, ok := props[f.Name].(string); ok && len(f.Ref) > 0 {
			if out == nil {
				out = map[string]string{}
			}
			out[f.Name] = id
		}
	}
	return out
}

// CheckRefs makes sure every node the properties name through a Ref field
// exists and is of a kind the field allows, as CheckEnds does for the ends.
func (s *RelationSpec) CheckRefs(props map[string]any, kindOf func(id string) (NodeKind, bool), searched string) error {
	for _, f := range s.Fields {
		if id, ok := props[f.Name].(string); ok && len(f.Ref) > 0 {
			if err := checkKind(f.Name, id, f.Ref, kindOf, searched); err != nil {
				return err
			}
		}
	}
	return nil
}

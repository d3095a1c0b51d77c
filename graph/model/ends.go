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
		kind, ok := kindOf(end.id)
		if !ok && searched == "" {
			return Invalid(end.field, "no node with id %q", end.id)
		}
		if !ok {
			return Invalid(end.field, "no node with id %q in %s", end.id, searched)
		}
		if !slices.Contains(end.allowed, kind) {
			return Invalid(end.field, "%q is of type %s; expected %s", end.id, kind.Name(), KindNames(end.allowed))
		}
	}
	return nil
}

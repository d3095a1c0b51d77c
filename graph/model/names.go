package model

import "strings"

// Name is the GraphQL type name of the kind (NodeSpecs), for messages and
// type conditions; "" for an unknown kind.
func (k NodeKind) Name() string {
	if s := NodeSpecs[k]; s != nil {
		return s.Name
	}
	return ""
}

// Name is the GraphQL type name of the kind (RelationSpecs); "" for an
// unknown kind.
func (k RelationKind) Name() string {
	if s := RelationSpecs[k]; s != nil {
		return s.Name
	}
	return ""
}

// TypeNames lists the GraphQL type names of kinds, in their order.
func TypeNames(kinds []NodeKind) []string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.Name()
	}
	return names
}

// KindNames lists kinds for a message: "Enterprise or University".
func KindNames(kinds []NodeKind) string {
	names := TypeNames(kinds)
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

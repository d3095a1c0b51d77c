package model

import "strings"

var kindNames = map[NodeKind]string{
	NodeKindEnterprise: "Enterprise",
	NodeKindUniversity: "University",
	NodeKindAlliance:   "Alliance",
	NodeKindPark:       "Park",
	NodeKindResult:     "Result",
}

// Name is the GraphQL type name of the kind, for messages.
func (k NodeKind) Name() string { return kindNames[k] }

// KindNames lists kinds for a message: "Enterprise or University".
func KindNames(kinds []NodeKind) string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.Name()
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

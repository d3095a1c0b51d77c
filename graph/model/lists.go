package model

import "strings"

// Query is the list's query before paging (the relation loaders' key).
func (l RelationList) Query() RelationQuery {
	return RelationQuery{Kind: l.Kind, Dir: l.Dir, Far: l.Far}
}

// FarFields are the GraphQL fields of the spec's type that may hold the node
// at the far end of a list in direction dir: the to end of an outgoing list,
// the from end of an incoming one, and for an undirected relationship
// either end or the partner (the end that is not the list's node). An end's
// field is its input field without "Id" (memberId → member).
func (s *RelationSpec) FarFields(dir Direction) []string {
	from, to := strings.TrimSuffix(s.FromField, "Id"), strings.TrimSuffix(s.ToField, "Id")
	switch dir {
	case Outgoing:
		return []string{to}
	case Incoming:
		return []string{from}
	default:
		return []string{"partner", from, to}
	}
}

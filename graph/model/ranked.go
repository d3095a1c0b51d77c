package model

// SearchQuery asks for a page of full-text hits, best first.
type SearchQuery struct {
	Text  string
	Kinds []NodeKind // only these; empty means all
	First int
	// After is the cursor the page starts after: Key is the hit's score.
	After *Cursor
	// Props are the properties to read of each node; nil reads all.
	Props []string
}

// Ranked is a page of a ranked list (search hits, hubs): its items in rank
// order, whether more follow, and the number ranked when it was asked for.
type Ranked[T any] struct {
	Items []T
	More  bool
	Total int
}

package model

// Direction is the direction of a relationship as seen from the node whose
// list it appears in.
type Direction int

// Directions of a relationship relative to the node a list hangs from.
const (
	Outgoing Direction = iota
	Incoming
	Both
)

// RelationQuery selects the relationships of one kind around a node. It is
// comparable, so that one batch loader serves all parents asking the same.
type RelationQuery struct {
	Kind RelationKind
	Dir  Direction
	Far  NodeKind // the kind of node at the other end; "" for any
	// A page of each parent's list, as for node lists (ListQuery): First
	// relationships after After, or with Backward the last First before
	// Before, in list order either way; a cursor without an ID is none.
	// The cursors are values, not pointers, so that equal queries are
	// equal keys.
	First         int
	Backward      bool
	After, Before Cursor
	// Count asks for each parent's number of relationships in the list.
	Count bool
	// Projected says to read, of the far nodes and of the relationships,
	// only the properties Props and RelProps name (comma-separated);
	// otherwise they are read whole. They are part of the query, and so of
	// the relation loaders' key, because two selections of one list in a
	// request may read different fields.
	Projected       bool
	Props, RelProps string
}

// Op is a filter operation on one property.
type Op int

// Filter operations; each has one fixed Cypher template.
const (
	OpNameContains Op = iota // name, nameEn (case-insensitive) or an alias contains Value
	OpRegion                 // Prop, a region path, holds Value's segments whole, at any level
	OpEquals                 // Prop equals Value
	OpHasAll                 // list Prop contains every item of Value ([]string)
	OpAtLeast                // Prop ≥ Value
	OpAtMost                 // Prop ≤ Value
)

// Condition is one filter predicate; a list query ANDs them.
type Condition struct {
	Op    Op
	Prop  string
	Value any
}

// Cursor is a position in a list: the sort key and id of a node. A page
// starts after one (the end of the previous page) or ends before one (the
// start of the next). Key is a string, an int64 or nil, so that a Cursor
// is comparable (RelationQuery is a map key).
//
// In a relationship list the node is the far end and Key its name; the
// position also holds the far end's Rank by the relationship's role
// (chair units first) and Tie, the relationship's key properties (a
// transfer's mode, a collaboration's kind), which tell apart several
// relationships to one node. A list sorts on (Rank, Key, ID, Tie).
type Cursor struct {
	Key  any    `json:"k"`
	ID   string `json:"id"`
	Rank int64  `json:"r,omitempty"`
	Tie  string `json:"t,omitempty"`
}

// ListQuery selects a page of nodes of one kind.
type ListQuery struct {
	Kind  NodeKind
	Where []Condition
	// OrderBy is the property sorted on; ties are broken by id.
	OrderBy string
	Desc    bool
	// First is the page size. Backward takes the page of the last First
	// nodes (before Before) rather than the first First (after After); the
	// nodes are in list order either way.
	First         int
	Backward      bool
	After, Before *Cursor
	// Props are the properties to read of each node, as the client selected
	// them; nil reads all.
	Props []string
	// Count asks for the number of nodes the filter matches, in the same
	// statement as the page.
	Count bool
}

// Page is one page of a list query: its nodes, whether more lie beyond it in
// the direction read (after it, or before it when read backward), and the
// number of matching nodes when the query asked for it.
type Page struct {
	Items []ListItem
	More  bool
	Total int
}

// ListItem is one node of a page with its position.
type ListItem struct {
	Node   Node
	Cursor Cursor
}

// RelationPage is a page of one node's relationship list: the
// relationships in list order, whether more lie beyond the page in the
// direction it was read, and, when counted, how many the list holds.
type RelationPage struct {
	Items []RelationItem
	More  bool
	Total int
}

// RelationItem is one relationship of a page with its position.
type RelationItem struct {
	Relation Relation
	Cursor   Cursor
}

// NodeRow is one validated node of a bulk upsert.
type NodeRow struct {
	ID    string
	Props map[string]any
}

// RelationRow is one validated relationship of a bulk upsert.
type RelationRow struct {
	From, To string
	Props    map[string]any
}

// UpsertStatus says what a bulk upsert did with one row.
type UpsertStatus string

// Statuses of an upserted row.
const (
	StatusCreated   UpsertStatus = "CREATED"
	StatusUpdated   UpsertStatus = "UPDATED"
	StatusUnchanged UpsertStatus = "UNCHANGED"
)

// Prefetch asks, in one statement, for a relationship list around nodes
// and, recursively, for lists around the nodes at its far ends: what a
// GraphQL selection will ask the loaders for, read ahead.
type Prefetch struct {
	Query RelationQuery
	Next  []Prefetch
}

// Prefetched is what a prefetch read: the nodes asked for, by id, and each
// list by query and by the id of the node it hangs from. The nodes and the
// far ends of the lists hold only the properties asked for, so they never
// go to the node loader, which must hold whole nodes.
type Prefetched struct {
	Nodes     map[string]Node
	Relations map[RelationQuery]map[string]RelationPage
}

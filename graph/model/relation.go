package model

// Relation is any relationship of the graph: a Membership, Location,
// Development, Transfer or Collaboration.
type Relation interface {
	// Endpoints returns the stored start and end of the relationship.
	Endpoints() *Ends
	// RelationKind says which relationship type this is.
	RelationKind() RelationKind
}

// Ends are the two nodes of a relationship, in stored direction. FromNode and
// ToNode are filled when the query that produced the relationship already read the
// node; otherwise only the ids are known and the node is loaded on demand.
type Ends struct {
	FromID   string
	ToID     string
	FromNode Node
	ToNode   Node
	// ViewFrom is the id of the node whose list this relationship came from,
	// so that an undirected relationship can name the partner.
	ViewFrom string
	// Synthetic marks a relationship added for illustration or scale.
	Synthetic bool
}

// Endpoints implements Relation.
func (e *Ends) Endpoints() *Ends { return e }

// Membership is MEMBERSHIP: Enterprise|University → Alliance.
type Membership struct {
	Ends
	Role   MemberRole
	Since  *int
	Until  *int
	Source *string
}

// Location is LOCATION: Enterprise|University|Park → Park.
type Location struct {
	Ends
	Since     *int
	Until     *int
	Graduated bool
	Source    *string
}

// Development is DEVELOPMENT: Enterprise|University → Result.
type Development struct {
	Ends
	Role   DevelopmentRole
	Year   *int
	Source *string
}

// Transfer is TRANSFER: Result → Enterprise.
type Transfer struct {
	Ends
	Mode   TransferMode
	Year   *int
	Value  *float64
	Source *string
}

// Collaboration is COLLABORATION between two organisations, either direction.
type Collaboration struct {
	Ends
	Kind   CollaborationKind
	Title  *string
	Since  *int
	Until  *int
	Source *string
}

// RelationKind implements Relation.
func (*Membership) RelationKind() RelationKind { return RelationKindMembership }

// RelationKind implements Relation.
func (*Location) RelationKind() RelationKind { return RelationKindLocation }

// RelationKind implements Relation.
func (*Development) RelationKind() RelationKind { return RelationKindDevelopment }

// RelationKind implements Relation.
func (*Transfer) RelationKind() RelationKind { return RelationKindTransfer }

// RelationKind implements Relation.
func (*Collaboration) RelationKind() RelationKind { return RelationKindCollaboration }

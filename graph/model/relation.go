package model

// Relation is any relationship of the graph: a Membership, Location,
// Development, Transfer, Collaboration, Affiliation, Service,
// Participation, Output, Posting, Match or Brokerage.
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

// Transfer is TRANSFER: Result → Enterprise, brokered by BrokerID when
// known (which also has a Brokerage and a Service, docs/design.md).
type Transfer struct {
	Ends
	Mode     TransferMode
	Year     *int
	Value    *float64
	BrokerID *string
	Source   *string
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

// Affiliation is AFFILIATION: Person → an organisation, intermediary,
// alliance or park.
type Affiliation struct {
	Ends
	Role   *string
	Since  *int
	Until  *int
	Source *string
}

// Service is SERVICE: Person|Intermediary → Enterprise|University|Park.
type Service struct {
	Ends
	Kind   ServiceKind
	Title  *string
	Since  *int
	Until  *int
	Source *string
}

// Participation is PARTICIPATION: an organisation, intermediary or person → Project.
type Participation struct {
	Ends
	Role   ProjectRole
	Source *string
}

// Output is OUTPUT: Project → Result.
type Output struct {
	Ends
	Year   *int
	Source *string
}

// Posting is POSTING: Enterprise|University|Park → Demand.
type Posting struct {
	Ends
	Year   *int
	Source *string
}

// Match is MATCH: Demand → a result, organisation, person or intermediary.
type Match struct {
	Ends
	Stage    MatchStage
	Year     *int
	Event    *string
	BrokerID *string
	Source   *string
}

// Brokerage is BROKERAGE: Person|Intermediary → Result, for the transfer of
// the result to EnterpriseID by Mode that the broker brokered.
type Brokerage struct {
	Ends
	EnterpriseID string
	Mode         TransferMode
	Year         *int
	Source       *string
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

// RelationKind implements Relation.
func (*Affiliation) RelationKind() RelationKind { return RelationKindAffiliation }

// RelationKind implements Relation.
func (*Service) RelationKind() RelationKind { return RelationKindService }

// RelationKind implements Relation.
func (*Participation) RelationKind() RelationKind { return RelationKindParticipation }

// RelationKind implements Relation.
func (*Output) RelationKind() RelationKind { return RelationKindOutput }

// RelationKind implements Relation.
func (*Posting) RelationKind() RelationKind { return RelationKindPosting }

// RelationKind implements Relation.
func (*Match) RelationKind() RelationKind { return RelationKindMatch }

// RelationKind implements Relation.
func (*Brokerage) RelationKind() RelationKind { return RelationKindBrokerage }

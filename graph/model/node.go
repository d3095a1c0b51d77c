package model

// Node is any vertex of the graph: it is the GraphQL interface Node.
type Node interface {
	// NodeID returns the graph-wide unique id.
	NodeID() string
	// NodeKind says which of the node types this is.
	NodeKind() NodeKind
}

// NodeBase holds the fields every node type shares.
type NodeBase struct {
	ID        string
	Name      string
	NameEn    *string
	Aliases   []string
	Region    *string
	Source    *string
	Synthetic bool
}

// NodeID returns the node's id.
func (b *NodeBase) NodeID() string { return b.ID }

// Common returns the fields every node type shares, those of the GraphQL
// interface Node (graph/networklists.go writes them without gqlgen).
func (b *NodeBase) Common() *NodeBase { return b }

// Enterprise is a company (企业).
type Enterprise struct {
	NodeBase
	Industry       *string
	CreditCode     *string
	Founded        *int
	Certifications []Certification
}

// University is a university, college or research institute (高校, 科研院所).
type University struct {
	NodeBase
	Kind  UniversityKind
	Field *string
}

// Alliance is an industry technology-innovation alliance (产业技术创新战略联盟).
type Alliance struct {
	NodeBase
	Level    *Level
	Industry *string
	Founded  *int
}

// Park is a zone, science park, incubator or industrial base (园区).
type Park struct {
	NodeBase
	Kind     ParkKind
	Level    *Level
	Industry *string
	Founded  *int
}

// Result is a research result (科技成果).
type Result struct {
	NodeBase
	Kind  ResultKind
	Year  *int
	Field *string
}

// NodeKind implements Node.
func (*Enterprise) NodeKind() NodeKind { return NodeKindEnterprise }

// NodeKind implements Node.
func (*University) NodeKind() NodeKind { return NodeKindUniversity }

// NodeKind implements Node.
func (*Alliance) NodeKind() NodeKind { return NodeKindAlliance }

// NodeKind implements Node.
func (*Park) NodeKind() NodeKind { return NodeKindPark }

// NodeKind implements Node.
func (*Result) NodeKind() NodeKind { return NodeKindResult }

// Person is an expert, academician, 科技特派员, researcher, entrepreneur or
// official (专家、院士、科技特派员、科研人员、企业家).
type Person struct {
	NodeBase
	Roles []PersonRole
	Title *string
	Field *string
}

// Intermediary is a technology market, transfer agency, conversion or
// productivity centre, IP service or public service platform (科技中介).
type Intermediary struct {
	NodeBase
	Kind  IntermediaryKind
	Level *Level
}

// Project is a funded programme project (科技计划项目).
type Project struct {
	NodeBase
	Programme *string
	Level     *Level
	Year      *int
	Funding   *float64
	Status    *ProjectStatus
}

// Demand is a technology need an organisation posted (技术需求).
type Demand struct {
	NodeBase
	Field       *string
	Description *string
	Year        *int
	Budget      *float64
	Status      DemandStatus
}

// NodeKind implements Node.
func (*Person) NodeKind() NodeKind { return NodeKindPerson }

// NodeKind implements Node.
func (*Intermediary) NodeKind() NodeKind { return NodeKindIntermediary }

// NodeKind implements Node.
func (*Project) NodeKind() NodeKind { return NodeKindProject }

// NodeKind implements Node.
func (*Demand) NodeKind() NodeKind { return NodeKindDemand }

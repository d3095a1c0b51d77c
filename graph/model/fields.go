package model

// PropType is the type of a stored property.
type PropType int

// Property types, as stored in Neo4j.
const (
	TypeString     PropType = iota // string
	TypeYear                       // int64 in [MinYear, MaxYear]
	TypeMoney                      // float64 ≥ 0, in 万元
	TypeBool                       // bool
	TypeStringList                 // []string
	TypeEnum                       // string, one of FieldRule.Enum
	TypeEnumList                   // []string, each one of FieldRule.Enum
)

// Bounds that apply to every field of the type.
const (
	MinYear       = 1900
	MaxYear       = 2100
	MaxNameLen    = 200
	MaxTextLen    = 500
	MaxListItems  = 20
	MaxIDLen      = 100
	maxRegionLen  = 100
	maxAliasLen   = 100
	maxKeywordLen = 100
)

// FieldRule is the rule for one property of a node or relationship.
type FieldRule struct {
	Name     string
	Type     PropType
	Required bool
	MaxLen   int // strings and list items; 0 means MaxTextLen
	// Multiline lets a string hold newlines and tabs; no field allows any
	// other control character (text.go).
	Multiline bool
	Enum      []string // allowed values of TypeEnum and TypeEnumList
	Default   any      // applied on create when the field is absent
	// Check is an extra rule on a string value; it returns a reason.
	Check func(string) string
	// Ref makes the value the id of another node, which must exist and be
	// of one of these kinds when the owner is written (a match's or a
	// transfer's broker, a brokerage's enterprise). A property cannot be
	// walked: what walks has a relationship too (docs/design.md).
	Ref []NodeKind
}

// NodeSpec describes the stored properties of one node type and its
// relationship lists.
type NodeSpec struct {
	Kind     NodeKind
	Name     string // GraphQL type name, also the node's Neo4j label
	IDPrefix string // prefix of generated ids
	Fields   []FieldRule
	Lists    []RelationList
}

// RelationList is a node type's field that lists its relationships of one
// kind (a connection of the kind's GraphQL type): which way they point
// from the node, and the kind of the far node when the list holds only one
// of the kinds the relationship joins.
type RelationList struct {
	Field string // GraphQL field of the node type
	Kind  RelationKind
	Dir   Direction
	Far   NodeKind // "" for any
}

// RelationSpec describes one relationship type: which node kinds it joins,
// the input fields naming its ends, the properties that tell two
// relationships between the same nodes apart, and its other properties.
type RelationSpec struct {
	Kind       RelationKind
	Name       string // GraphQL type name
	FromField  string
	ToField    string
	From       []NodeKind
	To         []NodeKind
	Key        []string // key properties besides the two ends
	Undirected bool     // stored in one direction, matched in both
	Fields     []FieldRule
}

func enumStrings[T ~string](all []T) []string {
	out := make([]string, len(all))
	for i, v := range all {
		out[i] = string(v)
	}
	return out
}

func text(name string, maxLen int) FieldRule {
	return FieldRule{Name: name, Type: TypeString, MaxLen: maxLen}
}
func year(name string) FieldRule { return FieldRule{Name: name, Type: TypeYear} }

func money(name string) FieldRule { return FieldRule{Name: name, Type: TypeMoney} }

// ref is a property holding the id of a node of one of kinds.
func ref(name string, required bool, kinds ...NodeKind) FieldRule {
	return FieldRule{Name: name, Type: TypeString, MaxLen: MaxIDLen, Required: required, Check: checkID, Ref: kinds}
}

func checkID(id string) string {
	if err := ValidateID("", id); err != nil {
		return err.(*Error).Message
	}
	return ""
}

func enum[T ~string](name string, all []T, required bool) FieldRule {
	return FieldRule{Name: name, Type: TypeEnum, Enum: enumStrings(all), Required: required}
}

// commonFields are the properties every node type has (the Node interface).
var commonFields = []FieldRule{
	{Name: "name", Type: TypeString, Required: true, MaxLen: MaxNameLen},
	text("nameEn", MaxNameLen),
	{Name: "aliases", Type: TypeStringList, MaxLen: maxAliasLen},
	text("region", maxRegionLen),
	source,
	synthetic,
}

// source cites where a fact comes from; it may cite several documents, one
// per line, so it is the one multi-line field.
var source = FieldRule{Name: "source", Type: TypeString, MaxLen: MaxTextLen, Multiline: true}

// synthetic marks a node or relationship added for illustration or scale,
// so users can always tell it from a fact with a source.
var synthetic = FieldRule{Name: "synthetic", Type: TypeBool, Default: false}

func nodeFields(extra ...FieldRule) []FieldRule {
	return append(append([]FieldRule{}, commonFields...), extra...)
}

// The relationship lists an enterprise and a university share: an
// organisation joins alliances, sits in parks, develops results and
// collaborates.
var organisationLists = []RelationList{
	{"alliances", RelationKindMembership, Outgoing, ""},
	{"parks", RelationKindLocation, Outgoing, ""},
	{"developedResults", RelationKindDevelopment, Outgoing, ""},
	{"collaborators", RelationKindCollaboration, Both, ""},
	{"people", RelationKindAffiliation, Incoming, ""},
	{"servedBy", RelationKindService, Incoming, ""},
	{"projects", RelationKindParticipation, Outgoing, ""},
	{"demands", RelationKindPosting, Outgoing, ""},
	{"matchedDemands", RelationKindMatch, Incoming, ""},
}

// The relationship lists a person and an intermediary share: they serve
// organisations, take part in projects, are matched with demands and
// broker transfers.
var actorLists = []RelationList{
	{"serves", RelationKindService, Outgoing, ""},
	{"projects", RelationKindParticipation, Outgoing, ""},
	{"matchedDemands", RelationKindMatch, Incoming, ""},
	{"brokered", RelationKindBrokerage, Outgoing, ""},
}

// NodeSpecs are the field rules and relationship lists of every node type.
var NodeSpecs = map[NodeKind]*NodeSpec{
	NodeKindEnterprise: {Kind: NodeKindEnterprise, Name: "Enterprise", IDPrefix: "ent", Fields: nodeFields(
		text("industry", maxKeywordLen),
		FieldRule{Name: "creditCode", Type: TypeString, MaxLen: 18, Check: CheckCreditCode},
		year("founded"),
		FieldRule{Name: "certifications", Type: TypeEnumList, Enum: enumStrings(AllCertification)},
	), Lists: append([]RelationList{{"acquiredResults", RelationKindTransfer, Incoming, ""}}, organisationLists...)},
	NodeKindUniversity: {Kind: NodeKindUniversity, Name: "University", IDPrefix: "uni", Fields: nodeFields(
		enum("kind", AllUniversityKind, true),
		text("field", maxKeywordLen),
	), Lists: organisationLists},
	NodeKindAlliance: {Kind: NodeKindAlliance, Name: "Alliance", IDPrefix: "all", Fields: nodeFields(
		enum("level", AllLevel, false),
		text("industry", maxKeywordLen),
		year("founded"),
	), Lists: []RelationList{
		{"members", RelationKindMembership, Incoming, ""},
		{"people", RelationKindAffiliation, Incoming, ""},
	}},
	NodeKindPark: {Kind: NodeKindPark, Name: "Park", IDPrefix: "park", Fields: nodeFields(
		enum("kind", AllParkKind, true),
		enum("level", AllLevel, false),
		text("industry", maxKeywordLen),
		year("founded"),
	), Lists: []RelationList{
		{"tenants", RelationKindLocation, Incoming, ""},
		{"enterprises", RelationKindLocation, Incoming, NodeKindEnterprise},
		{"parents", RelationKindLocation, Outgoing, ""},
		{"people", RelationKindAffiliation, Incoming, ""},
		{"servedBy", RelationKindService, Incoming, ""},
		{"demands", RelationKindPosting, Outgoing, ""},
	}},
	NodeKindResult: {Kind: NodeKindResult, Name: "Result", IDPrefix: "res", Fields: nodeFields(
		enum("kind", AllResultKind, true),
		year("year"),
		text("field", maxKeywordLen),
	), Lists: []RelationList{
		{"developers", RelationKindDevelopment, Incoming, ""},
		{"transfers", RelationKindTransfer, Outgoing, ""},
		{"projects", RelationKindOutput, Incoming, ""},
		{"matchedDemands", RelationKindMatch, Incoming, ""},
		{"brokers", RelationKindBrokerage, Incoming, ""},
	}},
	NodeKindPerson: {Kind: NodeKindPerson, Name: "Person", IDPrefix: "per", Fields: nodeFields(
		FieldRule{Name: "roles", Type: TypeEnumList, Enum: enumStrings(AllPersonRole)},
		text("title", MaxNameLen),
		text("field", maxKeywordLen),
	), Lists: append([]RelationList{{"affiliations", RelationKindAffiliation, Outgoing, ""}}, actorLists...)},
	NodeKindIntermediary: {Kind: NodeKindIntermediary, Name: "Intermediary", IDPrefix: "imd", Fields: nodeFields(
		enum("kind", AllIntermediaryKind, true),
		enum("level", AllLevel, false),
	), Lists: append([]RelationList{{"people", RelationKindAffiliation, Incoming, ""}}, actorLists...)},
	NodeKindProject: {Kind: NodeKindProject, Name: "Project", IDPrefix: "prj", Fields: nodeFields(
		text("programme", MaxNameLen),
		enum("level", AllLevel, false),
		year("year"),
		money("funding"),
		enum("status", AllProjectStatus, false),
	), Lists: []RelationList{
		{"participants", RelationKindParticipation, Incoming, ""},
		{"outputs", RelationKindOutput, Outgoing, ""},
	}},
	NodeKindDemand: {Kind: NodeKindDemand, Name: "Demand", IDPrefix: "dem", Fields: nodeFields(
		text("field", maxKeywordLen),
		FieldRule{Name: "description", Type: TypeString, MaxLen: MaxTextLen, Multiline: true},
		year("year"),
		money("budget"),
		FieldRule{Name: "status", Type: TypeEnum, Enum: enumStrings(AllDemandStatus), Default: string(DemandStatusOpen)},
	), Lists: []RelationList{
		{"postedBy", RelationKindPosting, Incoming, ""},
		{"matches", RelationKindMatch, Outgoing, ""},
	}},
}

// Organisations are the node kinds that act: they join alliances, develop
// results and collaborate, and suggestPartners suggests them.
var Organisations = []NodeKind{NodeKindEnterprise, NodeKindUniversity}

// BrokeredKinds are the relationship kinds a transfer with a brokerId
// writes besides itself: the broker's brokerage of the result and its
// brokerage service to the enterprise, which make the brokered transfer
// walkable (docs/design.md).
var BrokeredKinds = []RelationKind{RelationKindBrokerage, RelationKindService}

// Actors are the node kinds that serve organisations, broker transfers and
// are matched with demands besides organisations: people and intermediaries.
var Actors = []NodeKind{NodeKindPerson, NodeKindIntermediary}

// RelationSpecs are the rules of every relationship type.
var RelationSpecs = map[RelationKind]*RelationSpec{
	RelationKindMembership: {
		Kind: RelationKindMembership, Name: "Membership", FromField: "memberId", ToField: "allianceId",
		From: Organisations, To: []NodeKind{NodeKindAlliance},
		Fields: []FieldRule{
			{Name: "role", Type: TypeEnum, Enum: enumStrings(AllMemberRole), Default: string(MemberRoleMember)},
			year("since"), year("until"), source, synthetic,
		},
	},
	RelationKindLocation: {
		Kind: RelationKindLocation, Name: "Location", FromField: "tenantId", ToField: "parkId",
		From: []NodeKind{NodeKindEnterprise, NodeKindUniversity, NodeKindPark}, To: []NodeKind{NodeKindPark},
		Fields: []FieldRule{
			year("since"), year("until"),
			{Name: "graduated", Type: TypeBool, Default: false},
			source, synthetic,
		},
	},
	RelationKindDevelopment: {
		Kind: RelationKindDevelopment, Name: "Development", FromField: "developerId", ToField: "resultId",
		From: Organisations, To: []NodeKind{NodeKindResult},
		Fields: []FieldRule{
			{Name: "role", Type: TypeEnum, Enum: enumStrings(AllDevelopmentRole), Default: string(DevelopmentRoleLead)},
			year("year"), source, synthetic,
		},
	},
	RelationKindTransfer: {
		Kind: RelationKindTransfer, Name: "Transfer", FromField: "resultId", ToField: "enterpriseId",
		From: []NodeKind{NodeKindResult}, To: []NodeKind{NodeKindEnterprise},
		Key: []string{"mode"},
		Fields: []FieldRule{
			enum("mode", AllTransferMode, true),
			year("year"),
			money("value"),
			ref("brokerId", false, Actors...),
			source, synthetic,
		},
	},
	RelationKindCollaboration: {
		Kind: RelationKindCollaboration, Name: "Collaboration", FromField: "fromId", ToField: "toId",
		From: Organisations, To: Organisations,
		Key: []string{"kind"}, Undirected: true,
		Fields: []FieldRule{
			enum("kind", AllCollaborationKind, true),
			text("title", MaxNameLen),
			year("since"), year("until"), source, synthetic,
		},
	},
	RelationKindAffiliation: {
		Kind: RelationKindAffiliation, Name: "Affiliation", FromField: "personId", ToField: "organisationId",
		From: []NodeKind{NodeKindPerson},
		To:   []NodeKind{NodeKindEnterprise, NodeKindUniversity, NodeKindIntermediary, NodeKindAlliance, NodeKindPark},
		Fields: []FieldRule{
			text("role", MaxNameLen),
			year("since"), year("until"), source, synthetic,
		},
	},
	RelationKindService: {
		Kind: RelationKindService, Name: "Service", FromField: "providerId", ToField: "clientId",
		From: Actors, To: []NodeKind{NodeKindEnterprise, NodeKindUniversity, NodeKindPark},
		Key: []string{"kind"},
		Fields: []FieldRule{
			enum("kind", AllServiceKind, true),
			text("title", MaxNameLen),
			year("since"), year("until"), source, synthetic,
		},
	},
	RelationKindParticipation: {
		Kind: RelationKindParticipation, Name: "Participation", FromField: "participantId", ToField: "projectId",
		From: []NodeKind{NodeKindEnterprise, NodeKindUniversity, NodeKindIntermediary, NodeKindPerson},
		To:   []NodeKind{NodeKindProject},
		Fields: []FieldRule{
			{Name: "role", Type: TypeEnum, Enum: enumStrings(AllProjectRole), Default: string(ProjectRoleLead)},
			source, synthetic,
		},
	},
	RelationKindOutput: {
		Kind: RelationKindOutput, Name: "Output", FromField: "projectId", ToField: "resultId",
		From: []NodeKind{NodeKindProject}, To: []NodeKind{NodeKindResult},
		Fields: []FieldRule{year("year"), source, synthetic},
	},
	RelationKindPosting: {
		Kind: RelationKindPosting, Name: "Posting", FromField: "posterId", ToField: "demandId",
		From: []NodeKind{NodeKindEnterprise, NodeKindUniversity, NodeKindPark}, To: []NodeKind{NodeKindDemand},
		Fields: []FieldRule{year("year"), source, synthetic},
	},
	RelationKindMatch: {
		Kind: RelationKindMatch, Name: "Match", FromField: "demandId", ToField: "targetId",
		From: []NodeKind{NodeKindDemand},
		To:   []NodeKind{NodeKindEnterprise, NodeKindUniversity, NodeKindPerson, NodeKindIntermediary, NodeKindResult},
		Key:  []string{"stage"},
		Fields: []FieldRule{
			enum("stage", AllMatchStage, true),
			year("year"),
			text("event", MaxNameLen),
			ref("brokerId", false, Actors...),
			source, synthetic,
		},
	},
	RelationKindBrokerage: {
		Kind: RelationKindBrokerage, Name: "Brokerage", FromField: "brokerId", ToField: "resultId",
		From: Actors, To: []NodeKind{NodeKindResult},
		Key: []string{"enterpriseId", "mode"},
		Fields: []FieldRule{
			ref("enterpriseId", true, NodeKindEnterprise),
			enum("mode", AllTransferMode, true),
			year("year"), source, synthetic,
		},
	},
}

// yearOrder lists pairs of fields where the first must not come after the second.
var yearOrder = [][2]string{{"since", "until"}}

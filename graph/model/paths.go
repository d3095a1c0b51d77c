package model

// Window keeps the relationships whose years overlap [Since, Until]; nil
// ends are open. A relationship without years is kept: its time is unknown,
// not outside the window.
type Window struct {
	Since *int
	Until *int
}

// PathScope says which relationships a path or expansion may use.
type PathScope struct {
	// Kinds are the relationship kinds allowed; empty means all.
	Kinds []RelationKind
	Window
	// MaxDegree is the degree above which a node is not passed through or
	// expanded; 0 means no cap.
	MaxDegree int
	// FactsOnly leaves out illustrative (synthetic) relationships and nodes;
	// the nodes the query names are kept.
	FactsOnly bool
}

// Fixed caps of lists whose length no argument sets; an answer says when
// one cut (skippedHubsTruncated, a suggestion's truncated).
const (
	// MaxSkippedHubs caps ChainAnswer.skippedHubs, the most connected first:
	// with a low maxDegree every neighbour of an end can be a hub.
	MaxSkippedHubs = 20
	// MaxPartnerReasons caps the reasons listed per suggestion, the heaviest
	// first; the score still counts them all.
	MaxPartnerReasons = 10
)

// ChainQuery asks for the chains from one node to another.
type ChainQuery struct {
	From, To string
	MaxHops  int
	First    int
	PathScope
	// SkippedHubs asks which hubs next to the ends the cap passed over.
	SkippedHubs bool
}

// NetworkQuery asks for the neighbourhood of a node.
type NetworkQuery struct {
	ID       string
	Depth    int
	MaxNodes int
	// MaxEdges caps the relationships listed among the nodes.
	MaxEdges int
	PathScope
	// Edges and Hubs ask for the relationships among the nodes and for the
	// hubs not expanded; a picture needs them, a list of nodes does not.
	Edges, Hubs bool
	// Props are the node properties to read; nil reads whole nodes.
	Props []string
}

// HubQuery asks for the most connected nodes of a kind.
type HubQuery struct {
	Kind     NodeKind
	Kinds    []RelationKind // counted; empty means all
	Region   *string        // whole segments of the region path, at any level (OpRegion)
	Industry *string        // industry, or field for universities and results
	First    int
	// After is the cursor the page starts after: Key is the hub's total.
	After *Cursor
	// Count asks for the number of nodes ranked.
	Count bool
	// FactsOnly ranks only factual nodes by their factual relationships to
	// factual nodes.
	FactsOnly bool
}

// PartnerQuery asks for partners to suggest to a node.
type PartnerQuery struct {
	ID    string
	Kinds []NodeKind // ENTERPRISE and/or UNIVERSITY
	First int
	// RecentSince is the first year counted as recent; older reasons weigh half.
	RecentSince int
	// FactsOnly leaves out illustrative (synthetic) relationships and nodes,
	// from the reasons and from the ties that rule a candidate out.
	FactsOnly bool
}

// TrailQuery asks for a fixed-shape walk around one node: a result's trail
// or an enterprise's technology sources.
type TrailQuery struct {
	ID string
	// First caps each list of the walk.
	First int
	// FactsOnly leaves out illustrative (synthetic) relationships and nodes.
	FactsOnly bool
}

// PartnerWeights are what each kind of reason adds to a partner's score:
// sharing an alliance or a project says most about working together, then
// a park, a collaborator or an expert, then an intermediary (a technology
// market serves a whole region) or only a field. The schema documents the
// same numbers.
var PartnerWeights = map[PartnerReasonKind]float64{
	PartnerReasonKindSharedAlliance:     3,
	PartnerReasonKindSharedProject:      3,
	PartnerReasonKindSharedPark:         2,
	PartnerReasonKindPartnerOfPartner:   2,
	PartnerReasonKindSharedExpert:       2,
	PartnerReasonKindSharedIntermediary: 1,
	PartnerReasonKindSameField:          1,
}

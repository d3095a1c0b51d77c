package model

// MatchQuery asks for the candidates of a technology demand (供需对接).
type MatchQuery struct {
	ID    string
	Kinds []NodeKind // some of MatchKinds
	First int
	// Unmatched leaves out candidates the demand already has a MATCH with;
	// otherwise they are ranked like the others and flagged by their match.
	Unmatched bool
	// FactsOnly leaves out illustrative (synthetic) nodes and relationships:
	// candidates, posters and the links of reasons.
	FactsOnly bool
}

// MatchKinds are the kinds of candidate matchDemand ranks: results, the
// organisations that develop them, and people. Intermediaries broker
// matches (a MATCH's brokerId) rather than answer a demand.
var MatchKinds = []NodeKind{NodeKindResult, NodeKindEnterprise, NodeKindUniversity, NodeKindPerson}

// Fixed caps of matchDemand's answer; a candidate's truncated says when
// its reasons were cut.
const (
	// MaxMatchReasons caps the reasons listed per candidate, the heaviest
	// first; the score still counts them all.
	MaxMatchReasons = 10
	// MaxTransferRecord is how many transfers on a candidate's record count
	// (and are listed): a hub university's thousands of transfers say no
	// more about fitting one demand than a few do.
	MaxTransferRecord = 3
	// MaxMatchSteps is the longest chain of a reason: person —PARTICIPATION→
	// project —OUTPUT→ result —TRANSFER→ enterprise.
	MaxMatchSteps = 3
	// MatchHits is how many full-text hits each topic query (the demand's
	// field, its words) considers, the best first.
	MatchHits = 200
)

// MatchWeights are what each kind of reason adds to a candidate's score:
// FIELD and KEYWORDS at most (scaled by full-text relevance relative to the
// best hit), the others exactly. The topic of the demand weighs most, then
// the poster's own ties and the region, then the record and an existing
// match. The schema documents the same numbers.
var MatchWeights = map[MatchReasonKind]float64{
	MatchReasonKindField:              3,
	MatchReasonKindKeywords:           2,
	MatchReasonKindPosterTie:          2,
	MatchReasonKindSameRegion:         2,
	MatchReasonKindNeighbouringRegion: 1,
	MatchReasonKindTransferRecord:     1,
	MatchReasonKindMatched:            1,
}

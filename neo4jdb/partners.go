package neo4jdb

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

// SuggestPartners ranks the enterprises and universities that share an
// alliance, a park, a collaborator, a project, an expert, an intermediary
// (viaReasons) or a result field with q.ID but are not tied to it
// (tiedCypher). Each way of sharing is one reason with a fixed
// weight (model.PartnerWeights), halved when a relationship of its chain
// ended or happened before q.RecentSince; the score is the sum. A
// suggestion lists its heaviest model.MaxPartnerReasons reasons, and one
// more to tell whether there were more. A reason is illustrative when it
// rests on a synthetic link; with q.FactsOnly there are none (evidence.go).
func (db *DB) SuggestPartners(ctx context.Context, q model.PartnerQuery) ([]*model.PartnerSuggestion, error) {
	weights := make(map[string]any, len(model.PartnerWeights))
	for kind, w := range model.PartnerWeights {
		weights[string(kind)] = w
	}
	params := map[string]any{"id": q.ID, "first": q.First, "recentSince": q.RecentSince, "maxReasons": model.MaxPartnerReasons, "weights": weights}
	return readPathRecord(ctx, db, "suggestPartners", partnersCypher(q.Kinds, q.FactsOnly), params, notFoundArg("node", q.ID, "id"), decodeSuggestions)
}

// partnersCypher writes SuggestPartners' statement for candidates of the
// given kinds: one UNION ALL branch per reason, each saying whether it is
// illustrative, then the weights, the score, the ties and the evidence
// that rule a candidate out (tested once per candidate, not per reason:
// BenchmarkSuggestPartners), and the shortlist. With factsOnly the
// branches follow factual links only, and no reason is illustrative.
func partnersCypher(kinds []model.NodeKind, factsOnly bool) string {
	produced := relType(model.RelationKindDevelopment) + "|" + relType(model.RelationKindTransfer)
	result := label(model.NodeKindResult)
	viaIllustrative, mineFacts, theirFacts, fieldIllustrative := anySynthetic("r1", "via", "r2"),
		"collect(NOT "+anySynthetic("r1", "mine")+")", "collect(NOT "+anySynthetic("theirs", "r2")+")",
		"NOT (true IN mineFacts AND true IN theirFacts)"
	if factsOnly {
		// Still aggregates: the field branch keeps one row per field, then
		// per candidate and field.
		viaIllustrative, mineFacts, theirFacts, fieldIllustrative = "false", "count(*)", "count(*)", "false"
	}
	shared := viaReasons()
	return `
		MATCH (s:Node {id: $id})
		CALL (s) {
			CALL (s) {
				MATCH (s)-[r1:` + viaTypes(shared) + `]-(via)-[r2:` + viaTypes(shared) + `]-(c)` + whereFactual(factsOnly, "r1", "via", "r2") + `
				WITH c, via, r1, r2, ` + viaKind(shared) + ` AS kind
				WHERE kind IS NOT NULL
				RETURN c, kind, via, null AS field, [r1, r2] AS rels, ` + viaIllustrative + ` AS illustrative
				UNION ALL
				MATCH (s)-[r1:` + produced + `]-(mine:` + result + `) WHERE mine.field IS NOT NULL` + andFactual(factsOnly, "r1", "mine") + `
				WITH s, mine.field AS field, ` + mineFacts + ` AS mineFacts
				MATCH (theirs:` + result + ` {field: field})-[r2:` + produced + `]-(c)` + whereFactual(factsOnly, "theirs", "r2") + `
				WITH c, field, mineFacts, ` + theirFacts + ` AS theirFacts
				RETURN c, ` + reasonKind(model.PartnerReasonKindSameField) + ` AS kind, null AS via, field, [] AS rels, ` + fieldIllustrative + ` AS illustrative
			}
			WITH s, c, kind, via, field, rels, illustrative
			WHERE c <> s AND (c:` + strings.Join(labelsOf(kinds), " OR c:") + `)
			WITH s, c, kind, via, field, rels, illustrative,
				$weights[kind] * CASE WHEN all(r IN rels WHERE coalesce(r.until, r.year, $recentSince) >= $recentSince) THEN 1.0 ELSE 0.5 END AS weight
			ORDER BY weight DESC, kind, via.id, field
			WITH s, c, collect({kind: kind, via: via, field: field, rels: rels, weight: weight, illustrative: illustrative}) AS reasons, sum(weight) AS score
			WHERE NOT (` + tiedCypher("s", "c", factsOnly) + `)` + andFactual(factsOnly, "c") + `
			ORDER BY score DESC, c.id
			LIMIT $first
			RETURN collect({c: c, score: score, reasons: reasons[..$maxReasons + 1]}) AS suggestions
		}
		RETURN s, suggestions`
}

// viaReason is a way for s and a candidate c to share a node via, as
// (s)-[r1]-(via)-[r2]-(c): the relationship types r1 and r2 may have, the
// label via must have ("" for any), and whether the relationships point
// from the organisations to via (out), from via to them (in) or either way
// (both). The chain s → via → c is the reason's evidence.
type viaReason struct {
	kind  model.PartnerReasonKind
	types []model.RelationKind
	via   model.NodeKind
	dir   model.Direction
}

// viaReasons are the ways of sharing a node: an alliance, a park, a
// collaborator, a project taken part in, a person affiliated with or
// serving both, an intermediary serving both. They are one pattern in the
// statement, told apart by viaKind, rather than a UNION branch each:
// planning the statement took twice as long with six branches as with
// three (about 3 s against 1.5 s on a loaded 2-core machine).
func viaReasons() []viaReason {
	return []viaReason{
		{model.PartnerReasonKindSharedAlliance, []model.RelationKind{model.RelationKindMembership}, model.NodeKindAlliance, model.Outgoing},
		{model.PartnerReasonKindSharedPark, []model.RelationKind{model.RelationKindLocation}, model.NodeKindPark, model.Outgoing},
		{model.PartnerReasonKindPartnerOfPartner, []model.RelationKind{model.RelationKindCollaboration}, "", model.Both},
		{model.PartnerReasonKindSharedProject, []model.RelationKind{model.RelationKindParticipation}, model.NodeKindProject, model.Outgoing},
		{model.PartnerReasonKindSharedExpert, []model.RelationKind{model.RelationKindAffiliation, model.RelationKindService}, model.NodeKindPerson, model.Incoming},
		{model.PartnerReasonKindSharedIntermediary, []model.RelationKind{model.RelationKindService}, model.NodeKindIntermediary, model.Incoming},
	}
}

// viaTypes is the relationship types of all the ways, for the pattern.
func viaTypes(ways []viaReason) string {
	var types []string
	for _, w := range ways {
		for _, k := range w.types {
			if t := relType(k); !slices.Contains(types, t) {
				types = append(types, t)
			}
		}
	}
	return strings.Join(types, "|")
}

// viaKind is the CASE that names the way a row (s)-[r1]-(via)-[r2]-(c)
// shares via, or null when it is none of them (a collaborator's alliance).
func viaKind(ways []viaReason) string {
	var b strings.Builder
	b.WriteString("CASE")
	for _, w := range ways {
		types := make([]string, len(w.types))
		for i, k := range w.types {
			types[i] = relType(k)
		}
		is := strings.Join(types, "|")
		b.WriteString("\n\t\t\t\t\tWHEN r1:" + is + " AND r2:" + is)
		if w.via != "" {
			b.WriteString(" AND via:" + label(w.via))
		}
		switch w.dir {
		case model.Outgoing:
			b.WriteString(" AND startNode(r1) = s AND startNode(r2) = c")
		case model.Incoming:
			b.WriteString(" AND endNode(r1) = s AND endNode(r2) = c")
		}
		b.WriteString(" THEN " + reasonKind(w.kind))
	}
	b.WriteString(" END")
	return b.String()
}

// tiedCypher is the predicate that organisations a and b already work
// together, so that neither is suggested to the other:
//   - any relationship joins them, of whatever kind, present or added later;
//   - they took part in one result, at least one of them as its developer:
//     both developed it, or one developed it and it was transferred to the
//     other (either way). Two acquirers of one result are not tied by it.
//
// With factsOnly only factual links and results tie them.
func tiedCypher(a, b string, factsOnly bool) string {
	developed, transferred := relType(model.RelationKindDevelopment), relType(model.RelationKindTransfer)
	return `EXISTS { (` + a + `)-[t]-(` + b + `)` + whereFactual(factsOnly, "t") + ` }
				OR EXISTS { (` + a + `)-[t1:` + developed + `|` + transferred + `]-(r:` + label(model.NodeKindResult) + `)-[t2:` + developed + `|` + transferred + `]-(` + b + `)
					WHERE (t1:` + developed + ` OR t2:` + developed + `)` + andFactual(factsOnly, "t1", "r", "t2") + ` }`
}

// reasonKind writes a reason's kind (of a partner or of a demand's
// candidate) as a Cypher string: a fixed enum value of the schema, never
// user text.
func reasonKind[K model.PartnerReasonKind | model.MatchReasonKind](k K) string {
	return "'" + string(k) + "'"
}

// decodeSuggestions reads SuggestPartners' record: the node s the
// suggestions are for, and each suggestion with its reasons.
func decodeSuggestions(rec *neo4j.Record) ([]*model.PartnerSuggestion, error) {
	s, _, err := neo4j.GetRecordValue[neo4j.Node](rec, "s")
	if err != nil {
		return nil, err
	}
	list, _, err := neo4j.GetRecordValue[[]any](rec, "suggestions")
	if err != nil {
		return nil, err
	}
	out := make([]*model.PartnerSuggestion, 0, len(list))
	for _, v := range list {
		m, _ := v.(map[string]any)
		suggestion, err := decodeSuggestion(s, m)
		if err != nil {
			return nil, err
		}
		out = append(out, suggestion)
	}
	return out, nil
}

func labelsOf(kinds []model.NodeKind) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = label(k)
	}
	slices.Sort(out)
	return out
}

// ranked is what a partner suggestion and a demand's candidate share: the
// node offered, its score and its reasons, cut to their cap.
type ranked struct {
	raw       neo4j.Node
	node      model.Node
	score     float64
	reasons   []any
	truncated bool
}

// decodeRanked reads {c, score, reasons} with at most maxReasons reasons.
func decodeRanked(m map[string]any, maxReasons int) (ranked, error) {
	raw, ok := m["c"].(neo4j.Node)
	if !ok {
		return ranked{}, fmt.Errorf("a ranked node holds a %T", m["c"])
	}
	c, err := decodeNode(raw)
	if err != nil {
		return ranked{}, err
	}
	score, _ := m["score"].(float64)
	reasons, cut := capped(m["reasons"], maxReasons)
	return ranked{raw, c, score, reasons, cut}, nil
}

// decodeSuggestion reads one suggestion {c, score, reasons} for s.
func decodeSuggestion(s neo4j.Node, m map[string]any) (*model.PartnerSuggestion, error) {
	r, err := decodeRanked(m, model.MaxPartnerReasons)
	if err != nil {
		return nil, err
	}
	out := &model.PartnerSuggestion{Node: r.node, Score: r.score, Reasons: make([]*model.PartnerReason, 0, len(r.reasons)), Truncated: r.truncated}
	for _, v := range r.reasons {
		m, _ := v.(map[string]any)
		reason, err := decodeReason(s, r.raw, m)
		if err != nil {
			return nil, err
		}
		out.Reasons = append(out.Reasons, reason)
	}
	return out, nil
}

// decodeReason reads one reason {kind, weight, field, via, rels, illustrative} why c is
// suggested to s; one with a via node carries the chain s → via → c.
func decodeReason(s, c neo4j.Node, m map[string]any) (*model.PartnerReason, error) {
	kind, _ := m["kind"].(string)
	weight, _ := m["weight"].(float64)
	illustrative, _ := m["illustrative"].(bool)
	reason := &model.PartnerReason{Kind: model.PartnerReasonKind(kind), Weight: weight, Illustrative: illustrative}
	if f, ok := m["field"].(string); ok {
		reason.Field = &f
	}
	via, ok := m["via"].(neo4j.Node)
	if !ok {
		return reason, nil
	}
	rels, _ := m["rels"].([]any)
	if len(rels) != 2 {
		return nil, fmt.Errorf("reason %s has %d relationships", kind, len(rels))
	}
	r1, ok1 := rels[0].(neo4j.Relationship)
	r2, ok2 := rels[1].(neo4j.Relationship)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("reason %s holds %T and %T", kind, rels[0], rels[1])
	}
	var err error
	if reason.Chain, err = decodeChain([]neo4j.Node{s, via, c}, []neo4j.Relationship{r1, r2}); err != nil {
		return nil, err
	}
	reason.Via = reason.Chain.Steps[0].Node
	return reason, nil
}

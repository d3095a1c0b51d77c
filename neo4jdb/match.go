package neo4jdb

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

// matchIndex is the full-text index over what candidates of a demand are
// about: names, aliases, fields and industries (schema.cypher). The search
// index node_search leaves fields out on purpose: a search for a name
// should not return everything in that name's field.
const matchIndex = "match_topics"

// MatchDemand ranks candidates for the demand q.ID (供需对接) in two
// statements: the demand's topic first, so that its field and words can
// be escaped into full-text queries here (Cypher cannot escape Lucene),
// then the ranking. Each reason has a weight (model.MatchWeights; the
// topic reasons scaled by relevance relative to the best hit) and the score
// is their sum. A candidate lists its heaviest model.MaxMatchReasons
// reasons, and one more to tell whether there were more.
func (db *DB) MatchDemand(ctx context.Context, q model.MatchQuery) ([]*model.DemandCandidate, error) {
	topic, err := readPathRecord(ctx, db, "matchDemand.topic", `
		MATCH (d:Node {id: $id})
		RETURN labels(d) AS labels, d.field AS field, d.name AS name, d.description AS description`,
		map[string]any{"id": q.ID}, notFoundArg("demand", q.ID, "id"), decodeTopic)
	if err != nil {
		return nil, err
	}
	if topic.kind != model.NodeKindDemand {
		return nil, model.Invalid("id", "%s is a %s, not a demand", q.ID, topic.kind.Name())
	}
	weights := make(map[string]any, len(model.MatchWeights))
	for kind, w := range model.MatchWeights {
		weights[string(kind)] = w
	}
	params := map[string]any{"id": q.ID, "first": q.First, "unmatched": q.Unmatched, "factsOnly": q.FactsOnly, "labels": labelsOf(q.Kinds),
		"index": matchIndex, "hits": model.MatchHits, "fieldQuery": topic.fieldQuery(), "wordsQuery": topic.wordsQuery(),
		"maxReasons": model.MaxMatchReasons, "maxRecord": model.MaxTransferRecord, "weights": weights}
	return readPathRecord(ctx, db, "matchDemand", matchCypher, params, notFoundArg("demand", q.ID, "id"), decodeCandidates)
}

// topic is what a demand is about, as stored.
type topic struct {
	kind                     model.NodeKind
	field, name, description string
}

func decodeTopic(rec *neo4j.Record) (topic, error) {
	ls, _, err := neo4j.GetRecordValue[[]any](rec, "labels")
	if err != nil {
		return topic{}, err
	}
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i], _ = l.(string)
	}
	var t topic
	if t.kind, _ = kindOfLabels(names); t.kind == "" {
		return topic{}, fmt.Errorf("node has none of the known labels: %v", names)
	}
	m := rec.AsMap()
	t.field, _ = m["field"].(string)
	t.name, _ = m["name"].(string)
	t.description, _ = m["description"].(string)
	return t, nil
}

// fieldQuery asks the index for the demand's field in the candidates'
// fields and industries only; "" when the demand has no field.
func (t topic) fieldQuery() string {
	words := EscapeLucene(t.field)
	if words == "" {
		return ""
	}
	return "field:(" + words + ") OR industry:(" + words + ")"
}

// maxTopicRunes bounds the demand text a words query is made of. The CJK
// analyzer makes about one term per character, and the query asks for each
// term in all four indexed properties, where Lucene refuses more than 1,024
// clauses: a 700-character description failed so.
const maxTopicRunes = 200

// wordsQuery asks the index for the words of the demand's name and
// description, the first maxTopicRunes characters of them, in every
// indexed property (names, aliases, fields, industries). It cuts the text
// before escaping it, so a cut never leaves half an escape.
func (t topic) wordsQuery() string {
	text := []rune(t.name + "\n" + t.description)
	return EscapeLucene(string(text[:min(len(text), maxTopicRunes)]))
}

// topicBranch writes the UNION ALL branch of a topic reason: the best
// $hits full-text hits of the query parameter, weighted relative to the
// best; no hits when the demand gave no text for it (the parameter is "",
// which Lucene could not parse, so the call is skipped).
func topicBranch(kind model.MatchReasonKind, query string, field string) string {
	return `
				WITH d WHERE $` + query + ` <> ''
				CALL db.index.fulltext.queryNodes($index, $` + query + `, {limit: $hits}) YIELD node, score
				WHERE ` + factualIfAsked("node") + `
				WITH collect({c: node, score: score}) AS hits
				UNWIND hits AS h
				RETURN h.c AS c, ` + reasonKind(kind) + ` AS kind, $weights[` + reasonKind(kind) + `] * h.score / hits[0].score AS weight,
					` + field + ` AS field, [] AS nodes, [] AS rels
				UNION ALL`
}

// matchCypher is MatchDemand's statement: one UNION ALL branch per reason
// that can bring a candidate in (topic, poster tie, match), then per
// candidate the region and its record, the weights, the score and the
// shortlist. Its text is fixed (the kinds asked for and the topic are
// parameters), so Neo4j plans it once: planning it took about a second on
// a loaded machine, and a plan per combination of kinds would be planned
// cold again and again.
var matchCypher = func() string {
	posting, match := relType(model.RelationKindPosting), relType(model.RelationKindMatch)
	topics := topicBranch(model.MatchReasonKindField, "fieldQuery", "coalesce(h.c.field, h.c.industry)") +
		topicBranch(model.MatchReasonKindKeywords, "wordsQuery", "null")
	// A reason is illustrative when a relationship of its chain, or a node
	// of it other than the demand and the candidate, is.
	illustrative := `any(x IN r.rels + [n IN r.nodes WHERE n <> d AND n <> c] WHERE coalesce(x.synthetic, false))`
	return `
		MATCH (d:Node {id: $id}) WHERE d:` + label(model.NodeKindDemand) + `
		CALL (d) {
			WITH d, COLLECT { MATCH (p)-[post:` + posting + `]->(d) WHERE ` + factualIfAsked("post") + ` AND ` + factualIfAsked("p") + ` RETURN p ORDER BY p.id } AS posters
			WITH d, posters, coalesce(d.region, [p IN posters WHERE p.region IS NOT NULL | p.region][0]) AS region
			WITH d, posters, region,
				CASE WHEN region CONTAINS '/' THEN left(region, size(region) - size(last(split(region, '/'))) - 1) END AS parent
			CALL (d, posters) {` + topics + `
				UNWIND posters AS p
				MATCH (d)<-[post:` + posting + `]-(p)-[r]-(c)
				WHERE c <> d AND ` + factualIfAsked("r") + `
				RETURN c, ` + reasonKind(model.MatchReasonKindPosterTie) + ` AS kind, $weights[` + reasonKind(model.MatchReasonKindPosterTie) + `] AS weight,
					null AS field, [d, p, c] AS nodes, [post, r] AS rels
				UNION ALL
				MATCH (d)-[m:` + match + `]->(c) WHERE ` + factualIfAsked("m") + `
				RETURN c, ` + reasonKind(model.MatchReasonKindMatched) + ` AS kind, $weights[` + reasonKind(model.MatchReasonKindMatched) + `] AS weight,
					null AS field, [d, c] AS nodes, [m] AS rels
			}
			WITH d, posters, region, parent, c, kind, weight, field, nodes, rels
			WHERE any(l IN labels(c) WHERE l IN $labels) AND NOT c IN posters AND ` + factualIfAsked("c") + `
				AND NOT ($unmatched AND EXISTS { (d)-[m:` + match + `]->(c) WHERE ` + factualIfAsked("m") + ` })
			WITH d, region, parent, c, collect({kind: kind, weight: weight, field: field, nodes: nodes, rels: rels}) AS found
			WITH d, c, found + CASE
					WHEN region IS NULL OR c.region IS NULL THEN []
					WHEN c.region = region OR c.region STARTS WITH region + '/' THEN
						[{kind: ` + reasonKind(model.MatchReasonKindSameRegion) + `, weight: $weights[` + reasonKind(model.MatchReasonKindSameRegion) + `], region: c.region, nodes: [], rels: []}]
					WHEN c.region = parent OR c.region STARTS WITH parent + '/' THEN
						[{kind: ` + reasonKind(model.MatchReasonKindNeighbouringRegion) + `, weight: $weights[` + reasonKind(model.MatchReasonKindNeighbouringRegion) + `], region: c.region, nodes: [], rels: []}]
					ELSE [] END
				+ COLLECT {` + transferRecord() + `
				} AS reasons
			WITH d, c, reasons, reduce(s = 0.0, r IN reasons | s + r.weight) AS score
			ORDER BY score DESC, c.id
			LIMIT $first
			RETURN collect({c: c, score: score,
				reasons: COLLECT {
					UNWIND reasons AS r
					RETURN r {.*, illustrative: ` + illustrative + `}
					ORDER BY r.weight DESC, r.kind, [n IN r.nodes | n.id], r.field
					LIMIT $maxReasons + 1 },
				match: COLLECT { MATCH (d)-[m:` + match + `]->(c) WHERE ` + factualIfAsked("m") + `
					RETURN m ORDER BY ` + stageRank("m") + `, m.year DESC LIMIT 1 }}) AS candidates
		}
		RETURN d, candidates`
}()

// transferRecord is the subquery of the transfers on candidate c's record
// for demand d, one path each from c to the adopting enterprise: the result
// c is, or one it developed, brokered (that very transfer: a brokerage names
// its enterprise and mode) or produced in a project it took part in. A
// transfer reached both directly and through projects is taken directly,
// and through several projects, through the first by id. Those in d's field
// come first, then the latest; model.MaxTransferRecord of them count.
func transferRecord() string {
	transfer, result := relType(model.RelationKindTransfer), label(model.NodeKindResult)
	direct := relType(model.RelationKindDevelopment) + "|" + relType(model.RelationKindBrokerage)
	participates, output := relType(model.RelationKindParticipation), relType(model.RelationKindOutput)
	return `
					MATCH p = (c)-[:` + direct + `|` + participates + `|` + output + `]->{0,2}(res:` + result + `)-[t:` + transfer + `]->(e)
					WHERE all(x IN relationships(p) WHERE type(x) <> '` + relType(model.RelationKindBrokerage) + `' OR (x.enterpriseId = e.id AND x.mode = t.mode))
						AND (length(p) < 3 OR NOT EXISTS { (c)-[:` + direct + `]->(res) }
							AND NOT EXISTS { (c)-[:` + participates + `]->(q)-[:` + output + `]->(res) WHERE q.id < nodes(p)[1].id })
						AND all(x IN relationships(p) + nodes(p)[1..] WHERE ` + factualIfAsked("x") + `)
					RETURN {kind: ` + reasonKind(model.MatchReasonKindTransferRecord) + `, weight: $weights[` + reasonKind(model.MatchReasonKindTransferRecord) + `],
						field: res.field, nodes: nodes(p), rels: relationships(p)}
					ORDER BY coalesce(res.field = d.field, false) DESC, coalesce(t.year, 0) DESC, [n IN nodes(p) | n.id], t.mode
					LIMIT $maxRecord`
}

// stageRank is the sort key of MATCH m that puts the most advanced stage
// first: contracted, agreed, proposed.
func stageRank(m string) string {
	return fmt.Sprintf("CASE %s.stage WHEN '%s' THEN 0 WHEN '%s' THEN 1 ELSE 2 END", m, model.MatchStageContracted, model.MatchStageAgreed)
}

// decodeCandidates reads MatchDemand's record: the demand d and each
// candidate with its reasons and its most advanced match.
func decodeCandidates(rec *neo4j.Record) ([]*model.DemandCandidate, error) {
	d, _, err := neo4j.GetRecordValue[neo4j.Node](rec, "d")
	if err != nil {
		return nil, err
	}
	demand, err := decodeNode(d)
	if err != nil {
		return nil, err
	}
	list, _, err := neo4j.GetRecordValue[[]any](rec, "candidates")
	if err != nil {
		return nil, err
	}
	return decodeEach(list, func(m map[string]any) (*model.DemandCandidate, error) { return decodeCandidate(demand, m) })
}

// decodeCandidate reads one candidate {c, score, reasons, match}.
func decodeCandidate(demand model.Node, m map[string]any) (*model.DemandCandidate, error) {
	r, err := decodeRanked(m, model.MaxMatchReasons)
	if err != nil {
		return nil, err
	}
	c := r.node
	out := &model.DemandCandidate{Node: c, Score: r.score, Truncated: r.truncated}
	if out.Reasons, err = decodeEach(r.reasons, decodeMatchReason); err != nil {
		return nil, err
	}
	if matches, _ := m["match"].([]any); len(matches) > 0 {
		rel, ok := matches[0].(neo4j.Relationship)
		if !ok {
			return nil, fmt.Errorf("a candidate's match holds a %T", matches[0])
		}
		match, err := decodeRelation(rel, model.Ends{FromID: demand.NodeID(), ToID: c.NodeID(), FromNode: demand, ToNode: c, ViewFrom: c.NodeID()})
		if err != nil {
			return nil, err
		}
		out.Match = match.(*model.Match)
	}
	return out, nil
}

// decodeEach decodes each map of list.
func decodeEach[T any](list []any, decode func(map[string]any) (T, error)) ([]T, error) {
	out := make([]T, 0, len(list))
	for _, v := range list {
		m, _ := v.(map[string]any)
		item, err := decode(m)
		if err != nil {
			return nil, err
		}
		out = append(out, item)
	}
	return out, nil
}

// decodeMatchReason reads one reason {kind, weight, field, region,
// illustrative, nodes, rels}; one with relationships carries their chain.
func decodeMatchReason(m map[string]any) (*model.MatchReason, error) {
	kind, _ := m["kind"].(string)
	reason := &model.MatchReason{Kind: model.MatchReasonKind(kind)}
	reason.Weight, _ = m["weight"].(float64)
	reason.Illustrative, _ = m["illustrative"].(bool)
	if f, ok := m["field"].(string); ok {
		reason.Field = &f
	}
	if r, ok := m["region"].(string); ok {
		reason.Region = &r
	}
	rawNodes, _ := m["nodes"].([]any)
	rawRels, _ := m["rels"].([]any)
	if len(rawRels) == 0 {
		return reason, nil
	}
	if len(rawNodes) != len(rawRels)+1 {
		return nil, fmt.Errorf("reason %s has %d nodes and %d relationships", kind, len(rawNodes), len(rawRels))
	}
	var ok bool
	nodes := make([]neo4j.Node, len(rawNodes))
	for i, v := range rawNodes {
		if nodes[i], ok = v.(neo4j.Node); !ok {
			return nil, fmt.Errorf("reason %s holds a %T", kind, v)
		}
	}
	rels := make([]neo4j.Relationship, len(rawRels))
	for i, v := range rawRels {
		if rels[i], ok = v.(neo4j.Relationship); !ok {
			return nil, fmt.Errorf("reason %s holds a %T", kind, v)
		}
	}
	var err error
	reason.Chain, err = decodeChain(nodes, rels)
	return reason, err
}

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
// alliance, a park, a collaborator or a result field with q.ID but have no
// relationship with it. Each way of sharing is one reason with a fixed
// weight (model.PartnerWeights), halved when a relationship of its chain
// ended or happened before q.RecentSince; the score is the sum. A
// suggestion lists its heaviest model.MaxPartnerReasons reasons, and one
// more to tell whether there were more.
func (db *DB) SuggestPartners(ctx context.Context, q model.PartnerQuery) ([]*model.PartnerSuggestion, error) {
	w := model.PartnerWeights
	memberOf, locatedIn := relType(model.RelationKindMembership), relType(model.RelationKindLocation)
	collaborates := relType(model.RelationKindCollaboration)
	produced := relType(model.RelationKindDevelopment) + "|" + relType(model.RelationKindTransfer)
	alliance, park, result := label(model.NodeKindAlliance), label(model.NodeKindPark), label(model.NodeKindResult)
	cypher := `
		MATCH (s:Node {id: $id})
		CALL (s) {
			CALL (s) {
				MATCH (s)-[r1:` + memberOf + `]->(via:` + alliance + `)<-[r2:` + memberOf + `]-(c)
				RETURN c, 'SHARED_ALLIANCE' AS kind, via, null AS field, [r1, r2] AS rels
				UNION ALL
				MATCH (s)-[r1:` + locatedIn + `]->(via:` + park + `)<-[r2:` + locatedIn + `]-(c)
				RETURN c, 'SHARED_PARK' AS kind, via, null AS field, [r1, r2] AS rels
				UNION ALL
				MATCH (s)-[r1:` + collaborates + `]-(via)-[r2:` + collaborates + `]-(c)
				RETURN c, 'PARTNER_OF_PARTNER' AS kind, via, null AS field, [r1, r2] AS rels
				UNION ALL
				MATCH (s)-[:` + produced + `]-(mine:` + result + `) WHERE mine.field IS NOT NULL
				WITH DISTINCT s, mine.field AS field
				MATCH (:` + result + ` {field: field})-[:` + produced + `]-(c)
				RETURN DISTINCT c, 'SAME_FIELD' AS kind, null AS via, field, [] AS rels
			}
			WITH s, c, kind, via, field, rels
			WHERE c <> s AND (c:` + strings.Join(labelsOf(q.Kinds), " OR c:") + `) AND NOT EXISTS { (s)--(c) }
			WITH s, c, kind, via, field, rels,
				$weights[kind] * CASE WHEN all(r IN rels WHERE coalesce(r.until, r.year, $recentSince) >= $recentSince) THEN 1.0 ELSE 0.5 END AS weight
			ORDER BY weight DESC, kind, via.id, field
			WITH s, c, collect({kind: kind, via: via, field: field, rels: rels, weight: weight}) AS reasons, sum(weight) AS score
			ORDER BY score DESC, c.id
			LIMIT $first
			RETURN collect({c: c, score: score, reasons: reasons[..$maxReasons + 1]}) AS suggestions
		}
		RETURN s, suggestions`
	params := map[string]any{"id": q.ID, "first": q.First, "recentSince": q.RecentSince, "maxReasons": model.MaxPartnerReasons, "weights": map[string]any{
		"SHARED_ALLIANCE": w[model.PartnerReasonKindSharedAlliance], "SHARED_PARK": w[model.PartnerReasonKindSharedPark],
		"PARTNER_OF_PARTNER": w[model.PartnerReasonKindPartnerOfPartner], "SAME_FIELD": w[model.PartnerReasonKindSameField],
	}}
	records, err := db.readPaths(ctx, "suggestPartners", cypher, params)
	if err != nil {
		return nil, err
	}
	if len(records) == 0 {
		return nil, notFoundArg("node", q.ID, "id")
	}
	s, _, err := neo4j.GetRecordValue[neo4j.Node](records[0], "s")
	if err != nil {
		return nil, translate("suggestPartners", err)
	}
	list, _, err := neo4j.GetRecordValue[[]any](records[0], "suggestions")
	if err != nil {
		return nil, translate("suggestPartners", err)
	}
	out := make([]*model.PartnerSuggestion, 0, len(list))
	for _, v := range list {
		m, _ := v.(map[string]any)
		suggestion, err := decodeSuggestion(s, m)
		if err != nil {
			return nil, translate("suggestPartners", err)
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

func decodeSuggestion(s neo4j.Node, m map[string]any) (*model.PartnerSuggestion, error) {
	cRaw, ok := m["c"].(neo4j.Node)
	if !ok {
		return nil, fmt.Errorf("a suggestion holds a %T", m["c"])
	}
	c, err := decodeNode(cRaw)
	if err != nil {
		return nil, err
	}
	score, _ := m["score"].(float64)
	reasons, cut := capped(m["reasons"], model.MaxPartnerReasons)
	out := &model.PartnerSuggestion{Node: c, Score: score, Reasons: make([]*model.PartnerReason, 0, len(reasons)), Truncated: cut}
	for _, v := range reasons {
		m, _ := v.(map[string]any)
		kind, _ := m["kind"].(string)
		weight, _ := m["weight"].(float64)
		reason := &model.PartnerReason{Kind: model.PartnerReasonKind(kind), Weight: weight}
		if f, ok := m["field"].(string); ok {
			reason.Field = &f
		}
		if via, ok := m["via"].(neo4j.Node); ok {
			rels, _ := m["rels"].([]any)
			if len(rels) != 2 {
				return nil, fmt.Errorf("reason %s has %d relationships", kind, len(rels))
			}
			r1, ok1 := rels[0].(neo4j.Relationship)
			r2, ok2 := rels[1].(neo4j.Relationship)
			if !ok1 || !ok2 {
				return nil, fmt.Errorf("reason %s holds %T and %T", kind, rels[0], rels[1])
			}
			if reason.Chain, err = decodeChain([]neo4j.Node{s, via, cRaw}, []neo4j.Relationship{r1, r2}); err != nil {
				return nil, err
			}
			reason.Via = reason.Chain.Steps[0].Node
		}
		out.Reasons = append(out.Reasons, reason)
	}
	return out, nil
}

// Hubs reads a page of the nodes of a kind ranked by how many relationships
// of the counted kinds they have, most first, then by id. Degrees come from
// the store's relationship counts, so a node is ranked without walking its
// relationships; every node of the kind (in the region and industry) is
// ranked for each page, and a top-n sort keeps the q.First+1 past the
// cursor. The count, when asked, is Neo4j's count store without a filter.
func (db *DB) Hubs(ctx context.Context, q model.HubQuery) (model.Ranked[*model.Hub], error) {
	kinds := q.Kinds
	if len(kinds) == 0 {
		kinds = model.AllRelationKind
	}
	counts := make([]string, len(kinds))
	for i, k := range kinds {
		counts[i] = "COUNT { (n)-[:" + relType(k) + "]-() }"
	}
	var filter []string
	params := map[string]any{"limit": q.First + 1}
	if q.Region != nil {
		filter, params["region"] = append(filter, "n.region STARTS WITH $region"), *q.Region
	}
	if q.Industry != nil {
		filter, params["industry"] = append(filter, "(n.industry = $industry OR n.field = $industry)"), *q.Industry
	}
	total := "-1"
	if q.Count {
		total = "COUNT { MATCH (n:" + label(q.Kind) + ") " + whereText(filter) + " }"
	}
	records, err := db.readPaths(ctx, "hubs", `
		CALL () {
			MATCH (n:`+label(q.Kind)+`) `+whereText(filter)+`
			WITH n, [`+strings.Join(counts, ", ")+`] AS counts
			WITH n, counts, reduce(t = 0, x IN counts | t + x) AS total
			`+whereText(rankedAfter("total", q.After, params))+`
			WITH n, counts, total ORDER BY total DESC, n.id LIMIT $limit
			RETURN collect({n: n, counts: counts, total: total}) AS page
		}
		RETURN page, `+total+` AS total`, params)
	if err != nil {
		return model.Ranked[*model.Hub]{}, err
	}
	rows, _, err := neo4j.GetRecordValue[[]any](records[0], "page")
	if err != nil {
		return model.Ranked[*model.Hub]{}, translate("hubs", err)
	}
	hubs := make([]*model.Hub, 0, len(rows))
	for _, row := range rows {
		m, _ := row.(map[string]any)
		n, err := decodeProjectedValue(m["n"])
		if err != nil {
			return model.Ranked[*model.Hub]{}, translate("hubs", err)
		}
		degree, _ := m["total"].(int64)
		list, _ := m["counts"].([]any)
		hub := &model.Hub{Node: n, Total: int(degree), ByKind: make([]*model.RelationCount, len(kinds))}
		for i, k := range kinds {
			c, _ := list[i].(int64)
			hub.ByKind[i] = &model.RelationCount{Kind: k, Count: int(c)}
		}
		hubs = append(hubs, hub)
	}
	page := rankedPage(hubs, q.First)
	n, _, err := neo4j.GetRecordValue[int64](records[0], "total")
	page.Total = int(n)
	return page, err
}

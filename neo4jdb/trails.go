package neo4jdb

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

// ResultTrail follows a result in one statement: its developers, then each
// transfer, then the transferee's parks and alliances.
func (db *DB) ResultTrail(ctx context.Context, id string) (*model.ResultTrail, error) {
	records, err := db.readPaths(ctx, "resultTrail", `
		MATCH (res:Node {id: $id}) WHERE res:Result
		RETURN res,
			COLLECT { MATCH (d)-[r:DEVELOPED]->(res) RETURN {r: r, n: d} ORDER BY r.role, d.id } AS developers,
			COLLECT { MATCH (res)-[t:TRANSFERRED_TO]->(e)
				RETURN {r: t, n: e,
					parks: COLLECT { MATCH (e)-[l:LOCATED_IN]->(p) RETURN {r: l, n: p} ORDER BY p.id },
					alliances: COLLECT { MATCH (e)-[m:MEMBER_OF]->(a) RETURN {r: m, n: a} ORDER BY m.role, a.id }}
				ORDER BY t.year, e.id } AS transfers`,
		map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	if len(records) == 0 {
		return nil, notFoundArg("result", id, "id")
	}
	trail, err := decodeTrail(records[0])
	if err != nil {
		return nil, translate("resultTrail", err)
	}
	return trail, nil
}

func decodeTrail(rec *neo4j.Record) (*model.ResultTrail, error) {
	res, err := recordNode(rec, "res")
	if err != nil {
		return nil, err
	}
	trail := &model.ResultTrail{Result: res.(*model.Result)}
	devs, err := linked(rec, "developers", res, false)
	if err != nil {
		return nil, err
	}
	trail.Developers = typed[*model.Development](devs)
	transfers, _, err := neo4j.GetRecordValue[[]any](rec, "transfers")
	if err != nil {
		return nil, err
	}
	trail.Transfers = make([]*model.TrailTransfer, 0, len(transfers))
	for _, v := range transfers {
		m, _ := v.(map[string]any)
		t, enterprise, err := link(m, res, true)
		if err != nil {
			return nil, err
		}
		parks, err := linkedFrom(m["parks"], enterprise, true)
		if err != nil {
			return nil, err
		}
		alliances, err := linkedFrom(m["alliances"], enterprise, true)
		if err != nil {
			return nil, err
		}
		trail.Transfers = append(trail.Transfers, &model.TrailTransfer{Transfer: t.(*model.Transfer),
			Parks: typed[*model.Location](parks), Alliances: typed[*model.Membership](alliances)})
	}
	return trail, nil
}

// TechnologySources finds, in one statement, the results an enterprise
// acquired and who developed each.
func (db *DB) TechnologySources(ctx context.Context, id string) (*model.TechnologySources, error) {
	records, err := db.readPaths(ctx, "technologySources", `
		MATCH (e:Node {id: $id}) WHERE e:Enterprise
		RETURN e,
			COLLECT { MATCH (res)-[t:TRANSFERRED_TO]->(e)
				RETURN {r: t, n: res,
					developers: COLLECT { MATCH (d)-[r:DEVELOPED]->(res) RETURN {r: r, n: d} ORDER BY r.role, d.id }}
				ORDER BY t.year DESC, res.id } AS sources`,
		map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	if len(records) == 0 {
		return nil, notFoundArg("enterprise", id, "enterpriseId")
	}
	out, err := decodeSources(records[0])
	if err != nil {
		return nil, translate("technologySources", err)
	}
	return out, nil
}

func decodeSources(rec *neo4j.Record) (*model.TechnologySources, error) {
	e, err := recordNode(rec, "e")
	if err != nil {
		return nil, err
	}
	out := &model.TechnologySources{Enterprise: e.(*model.Enterprise)}
	sources, _, err := neo4j.GetRecordValue[[]any](rec, "sources")
	if err != nil {
		return nil, err
	}
	out.Sources = make([]*model.TechnologySource, 0, len(sources))
	for _, v := range sources {
		m, _ := v.(map[string]any)
		t, result, err := link(m, e, false)
		if err != nil {
			return nil, err
		}
		devs, err := linkedFrom(m["developers"], result, false)
		if err != nil {
			return nil, err
		}
		out.Sources = append(out.Sources, &model.TechnologySource{Transfer: t.(*model.Transfer), Developers: typed[*model.Development](devs)})
	}
	return out, nil
}

func notFoundArg(what, id, arg string) error {
	e := model.NotFound(what, id)
	e.Field = arg
	return e
}

// link decodes {r, n}: relationship r between known node and the node n,
// stored from known to n when outgoing, else from n to known.
func link(m map[string]any, known model.Node, outgoing bool) (model.Relation, model.Node, error) {
	r, ok := m["r"].(neo4j.Relationship)
	raw, ok2 := m["n"].(neo4j.Node)
	if !ok || !ok2 {
		return nil, nil, fmt.Errorf("a link holds %T and %T", m["r"], m["n"])
	}
	n, err := decodeNode(raw)
	if err != nil {
		return nil, nil, err
	}
	ends := model.Ends{FromID: known.NodeID(), ToID: n.NodeID(), FromNode: known, ToNode: n, ViewFrom: known.NodeID()}
	if !outgoing {
		ends.FromID, ends.ToID, ends.FromNode, ends.ToNode = n.NodeID(), known.NodeID(), n, known
	}
	rel, err := decodeRelation(r, ends)
	return rel, n, err
}

// linked decodes a column of {r, n} links around known.
func linked(rec *neo4j.Record, column string, known model.Node, outgoing bool) ([]model.Relation, error) {
	v, _ := rec.Get(column)
	return linkedFrom(v, known, outgoing)
}

func linkedFrom(v any, known model.Node, outgoing bool) ([]model.Relation, error) {
	list, _ := v.([]any)
	out := make([]model.Relation, 0, len(list))
	for _, item := range list {
		m, _ := item.(map[string]any)
		rel, _, err := link(m, known, outgoing)
		if err != nil {
			return nil, err
		}
		out = append(out, rel)
	}
	return out, nil
}

// typed narrows relationships known to be of one type.
func typed[T model.Relation](rels []model.Relation) []T {
	out := make([]T, len(rels))
	for i, r := range rels {
		out[i] = r.(T)
	}
	return out
}

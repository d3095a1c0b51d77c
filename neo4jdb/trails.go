package neo4jdb

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

// ResultTrail follows a result in one statement: its developers and the
// projects that produced it, then each transfer (whose brokerId the
// resolver turns into its broker), then the transferee's parks and
// alliances. Each list holds at
// most first items; reading one more tells whether it was cut. Developers
// and alliances are in their roles' order (byRole), each role by id. With
// q.FactsOnly every step is factual (evidence.go).
func (db *DB) ResultTrail(ctx context.Context, q model.TrailQuery) (*model.ResultTrail, error) {
	f := q.FactsOnly
	return readPathRecord(ctx, db, "resultTrail", `
		MATCH (res:Node {id: $id}) WHERE res:`+label(model.NodeKindResult)+`
		RETURN res,
			COLLECT { MATCH (d)-[r:`+relType(model.RelationKindDevelopment)+`]->(res)`+whereFactual(f, "r", "d")+` RETURN {r: r, n: d} ORDER BY `+byRole("r", model.RelationKindDevelopment)+`, d.id LIMIT $first + 1 } AS developers,
			`+projectsOf("res", f)+` AS projects,
			COLLECT { MATCH (res)-[t:`+relType(model.RelationKindTransfer)+`]->(e)`+whereFactual(f, "t", "e")+`
				WITH t, e ORDER BY t.year, e.id LIMIT $first + 1
				RETURN {r: t, n: e,
					parks: COLLECT { MATCH (e)-[l:`+relType(model.RelationKindLocation)+`]->(p)`+whereFactual(f, "l", "p")+` RETURN {r: l, n: p} ORDER BY p.id LIMIT $first + 1 },
					alliances: COLLECT { MATCH (e)-[m:`+relType(model.RelationKindMembership)+`]->(a)`+whereFactual(f, "m", "a")+` RETURN {r: m, n: a} ORDER BY `+byRole("m", model.RelationKindMembership)+`, a.id LIMIT $first + 1 }}
				} AS transfers`,
		map[string]any{"id": q.ID, "first": q.First}, notFoundArg("result", q.ID, "id"),
		func(rec *neo4j.Record) (*model.ResultTrail, error) { return decodeTrail(rec, q.First) })
}

func decodeTrail(rec *neo4j.Record, first int) (*model.ResultTrail, error) {
	res, err := recordNode(rec, "res")
	if err != nil {
		return nil, err
	}
	trail := &model.ResultTrail{Result: res.(*model.Result)}
	rawDevs, _ := rec.Get("developers")
	devs, devsCut, err := cappedLinks(rawDevs, first, res, false)
	if err != nil {
		return nil, err
	}
	trail.Developers = typed[*model.Development](devs)
	rawProjects, _ := rec.Get("projects")
	projects, projectsCut, err := cappedLinks(rawProjects, first, res, false)
	if err != nil {
		return nil, err
	}
	trail.Projects = typed[*model.Output](projects)
	rawTransfers, _ := rec.Get("transfers")
	transfers, transfersCut := capped(rawTransfers, first)
	trail.Truncated = devsCut || projectsCut || transfersCut
	trail.Transfers = make([]*model.TrailTransfer, 0, len(transfers))
	for _, v := range transfers {
		m, _ := v.(map[string]any)
		t, enterprise, err := link(m, res, true)
		if err != nil {
			return nil, err
		}
		parks, parksCut, err := cappedLinks(m["parks"], first, enterprise, true)
		if err != nil {
			return nil, err
		}
		alliances, alliancesCut, err := cappedLinks(m["alliances"], first, enterprise, true)
		if err != nil {
			return nil, err
		}
		trail.Transfers = append(trail.Transfers, &model.TrailTransfer{Transfer: t.(*model.Transfer),
			Parks: typed[*model.Location](parks), Alliances: typed[*model.Membership](alliances),
			Truncated: parksCut || alliancesCut})
	}
	return trail, nil
}

// projectsOf writes the COLLECT of the projects that produced the result
// res, as {r, n} links, in year then id order, one more than $first;
// factual ones only when factsOnly.
func projectsOf(res string, factsOnly bool) string {
	return `COLLECT { MATCH (p)-[o:` + relType(model.RelationKindOutput) + `]->(` + res + `)` + whereFactual(factsOnly, "o", "p") + ` RETURN {r: o, n: p} ORDER BY o.year, p.id LIMIT $first + 1 }`
}

// byRole is the sort key of a trail's relationships r of kind: the place
// of r's role in the spec's Roles (roleRank), so chair units and lead
// developers come first, as in the relationship lists.
func byRole(r string, kind model.RelationKind) string {
	return roleRank(r, model.RelationSpecs[kind].Roles())
}

// capped returns the first items of the list v, and whether it held more.
func capped(v any, first int) ([]any, bool) {
	list, _ := v.([]any)
	if len(list) > first {
		return list[:first], true
	}
	return list, false
}

// TechnologySources finds, in one statement, the results an enterprise
// acquired, who developed each and which projects produced it, and the
// people and intermediaries serving the enterprise: at most first of each,
// reading one more to tell whether a list was cut. Developers are in their
// roles' order (byRole), each role by id. With q.FactsOnly every step is
// factual (evidence.go).
func (db *DB) TechnologySources(ctx context.Context, q model.TrailQuery) (*model.TechnologySources, error) {
	f := q.FactsOnly
	return readPathRecord(ctx, db, "technologySources", `
		MATCH (e:Node {id: $id}) WHERE e:`+label(model.NodeKindEnterprise)+`
		RETURN e,
			COLLECT { MATCH (res)-[t:`+relType(model.RelationKindTransfer)+`]->(e)`+whereFactual(f, "t", "res")+`
				WITH t, res ORDER BY t.year DESC, res.id LIMIT $first + 1
				RETURN {r: t, n: res,
					developers: COLLECT { MATCH (d)-[r:`+relType(model.RelationKindDevelopment)+`]->(res)`+whereFactual(f, "r", "d")+` RETURN {r: r, n: d} ORDER BY `+byRole("r", model.RelationKindDevelopment)+`, d.id LIMIT $first + 1 },
					projects: `+projectsOf("res", f)+`}
				} AS sources,
			COLLECT { MATCH (s)-[v:`+relType(model.RelationKindService)+`]->(e)`+whereFactual(f, "v", "s")+`
				RETURN {r: v, n: s} ORDER BY coalesce(v.since, 0) DESC, s.id, v.kind LIMIT $first + 1 } AS services`,
		map[string]any{"id": q.ID, "first": q.First}, notFoundArg("enterprise", q.ID, "enterpriseId"),
		func(rec *neo4j.Record) (*model.TechnologySources, error) { return decodeSources(rec, q.First) })
}

func decodeSources(rec *neo4j.Record, first int) (*model.TechnologySources, error) {
	e, err := recordNode(rec, "e")
	if err != nil {
		return nil, err
	}
	out := &model.TechnologySources{Enterprise: e.(*model.Enterprise)}
	raw, _ := rec.Get("sources")
	sources, cut := capped(raw, first)
	rawServices, _ := rec.Get("services")
	services, servicesCut, err := cappedLinks(rawServices, first, e, false)
	if err != nil {
		return nil, err
	}
	out.Services = typed[*model.Service](services)
	out.Truncated = cut || servicesCut
	out.Sources = make([]*model.TechnologySource, 0, len(sources))
	for _, v := range sources {
		m, _ := v.(map[string]any)
		t, result, err := link(m, e, false)
		if err != nil {
			return nil, err
		}
		devs, devsCut, err := cappedLinks(m["developers"], first, result, false)
		if err != nil {
			return nil, err
		}
		projects, projectsCut, err := cappedLinks(m["projects"], first, result, false)
		if err != nil {
			return nil, err
		}
		out.Sources = append(out.Sources, &model.TechnologySource{Transfer: t.(*model.Transfer),
			Developers: typed[*model.Development](devs), Projects: typed[*model.Output](projects),
			Truncated: devsCut || projectsCut})
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

// cappedLinks decodes the first items of a list of {r, n} links around
// known, and says whether it held more.
func cappedLinks(v any, first int, known model.Node, outgoing bool) ([]model.Relation, bool, error) {
	list, cut := capped(v, first)
	out := make([]model.Relation, 0, len(list))
	for _, item := range list {
		m, _ := item.(map[string]any)
		rel, _, err := link(m, known, outgoing)
		if err != nil {
			return nil, false, err
		}
		out = append(out, rel)
	}
	return out, cut, nil
}

// typed narrows relationships known to be of one type.
func typed[T model.Relation](rels []model.Relation) []T {
	out := make([]T, len(rels))
	for i, r := range rels {
		out[i] = r.(T)
	}
	return out
}

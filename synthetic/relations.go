package synthetic

import (
	"math"
	"slices"

	"github.com/innograph/innograph/graph/model"
)

var (
	transferModes = []string{"LICENCE", "LICENCE", "LICENCE", "ASSIGNMENT", "ASSIGNMENT", "ASSIGNMENT", "EQUITY", "JOINT"}
	collabKinds   = []string{"JOINT_LAB", "JOINT_PROJECT", "JOINT_PROJECT", "RD_CENTER", "TECHNICAL_SERVICE", "TECHNICAL_SERVICE", "ACADEMICIAN_WORKSTATION", "OTHER"}
)

// rel is a relationship row of the kind, marked synthetic.
func rel(kind model.RelationKind, from, to string, fields map[string]any) map[string]any {
	fields["from"], fields["to"] = from, to
	return row(string(kind), fields)
}

// memberships: enterprises and universities join alliances chosen by Zipf,
// so a few alliances gather most members. An alliance's first member is its
// chair, the next two vice-chairs.
func (g *generator) memberships(emit Emit) error {
	if g.cfg.Alliances == 0 {
		return nil
	}
	members := make([]int, g.cfg.Alliances)
	join := func(member string, mean float64) error {
		n := min(g.count(mean)+1, g.cfg.Alliances)
		for _, a := range distinct(n, func() int { return int(g.allianceZipf.Uint64()) }, never) {
			role := "MEMBER"
			switch members[a] {
			case 0:
				role = "CHAIR"
			case 1, 2:
				role = "VICE_CHAIR"
			}
			members[a]++
			if err := emit(rel(model.RelationKindMembership, member, ID("all", a), map[string]any{"role": role, "since": g.year(2008)})); err != nil {
				return err
			}
		}
		return nil
	}
	for e := 0; e < g.cfg.Enterprises; e++ {
		if err := join(ID("ent", e), g.cfg.AlliancesPerEnterprise-1); err != nil {
			return err
		}
	}
	for u := 0; u < g.cfg.Universities; u++ {
		if err := join(ID("uni", u), g.cfg.AlliancesPerUniversity-1); err != nil {
			return err
		}
	}
	return nil
}

// isInner tells incubators and maker spaces, which sit inside zones.
func isInner(kind string) bool { return kind == "INCUBATOR" || kind == "MAKER_SPACE" }

func isZone(kind string) bool {
	return kind == "HIGH_TECH_ZONE" || kind == "ECONOMIC_DEVELOPMENT_ZONE" || kind == "INDUSTRIAL_BASE"
}

// locations: most enterprises sit in one or two parks, mostly of their own
// province; incubators and maker spaces lie inside zones of their province
// (inner parks only ever point at zones, so parks never form a cycle).
func (g *generator) locations(emit Emit) error {
	if g.cfg.Parks == 0 {
		return nil
	}
	parksIn := make([][]int, len(provinces))
	zonesIn := make([][]int, len(provinces))
	for p, pl := range g.parkPlace {
		parksIn[pl.province] = append(parksIn[pl.province], p)
		if isZone(g.parkKind[p]) {
			zonesIn[pl.province] = append(zonesIn[pl.province], p)
		}
	}
	for p, pl := range g.parkPlace {
		zones := zonesIn[pl.province]
		if !isInner(g.parkKind[p]) || len(zones) == 0 || g.rnd.Float64() < 0.3 {
			continue
		}
		if err := emit(rel(model.RelationKindLocation, ID("park", p), ID("park", zones[g.rnd.IntN(len(zones))]), map[string]any{"since": g.year(2000)})); err != nil {
			return err
		}
	}
	for e, pl := range g.entPlace {
		n := 1
		switch r := g.rnd.Float64(); {
		case r < 0.15:
			n = 0
		case r > 0.8:
			n = 2
		}
		local := parksIn[pl.province]
		draw := func() int {
			if len(local) > 0 && g.rnd.Float64() < 0.8 {
				return local[g.rnd.IntN(len(local))]
			}
			return g.rnd.IntN(g.cfg.Parks)
		}
		for _, p := range distinct(n, draw, never) {
			fields := map[string]any{"since": g.year(2000)}
			if isInner(g.parkKind[p]) && g.rnd.Float64() < 0.3 {
				fields["graduated"] = true
			}
			if err := emit(rel(model.RelationKindLocation, ID("ent", e), ID("park", p), fields)); err != nil {
				return err
			}
		}
	}
	return nil
}

// developer names the lead developer: a university (≥ 0) or an enterprise.
func developer(lead int) string {
	if lead >= 0 {
		return ID("uni", lead)
	}
	return ID("ent", -1-lead)
}

// developments: each result has one lead developer (chosen with the result,
// mostly hub universities) and a few participants.
func (g *generator) developments(emit Emit) error {
	for r, lead := range g.lead {
		if err := emit(rel(model.RelationKindDevelopment, developer(lead), ID("res", r), map[string]any{"role": "LEAD"})); err != nil {
			return err
		}
		n := g.count(g.cfg.ParticipantsPerResult)
		draw := func() int {
			if g.cfg.Universities > 0 && g.rnd.Float64() < 0.6 {
				return int(g.uniZipf.Uint64())
			}
			return -1 - g.rnd.IntN(g.cfg.Enterprises)
		}
		for _, d := range distinct(n, draw, func(d int) bool { return d == lead }) {
			if err := emit(rel(model.RelationKindDevelopment, developer(d), ID("res", r), map[string]any{"role": "PARTICIPANT"})); err != nil {
				return err
			}
		}
	}
	return nil
}

// transfers: results go to enterprises of the lead developer's province or
// a neighbouring one (80%) or anywhere; contract values are log-normal. A
// share of them were brokered by an intermediary or a technology broker of
// the adopter's province (brokerId).
func (g *generator) transfers(emit Emit) error {
	for r, lead := range g.lead {
		home := g.entPlace[max(-1-lead, 0)].province
		if lead >= 0 {
			home = g.uniPlace[lead].province
		}
		draw := func() int {
			if g.rnd.Float64() < 0.8 {
				if ents := g.entsIn[g.nearby(home)]; len(ents) > 0 {
					return ents[g.rnd.IntN(len(ents))]
				}
			}
			return g.rnd.IntN(g.cfg.Enterprises)
		}
		for _, e := range distinct(g.count(g.cfg.TransfersPerResult), draw, func(e int) bool { return -1-e == lead }) {
			value := math.Round(10*math.Exp(1.5*g.rnd.NormFloat64()+2)) / 10
			fields := map[string]any{"mode": g.pick(transferModes), "year": g.year(2005), "value": value}
			if brokers := g.brokersIn[g.entPlace[e].province]; len(brokers) > 0 && g.rnd.Float64() < g.cfg.BrokeredShare {
				fields["brokerId"] = brokers[g.rnd.IntN(len(brokers))]
			}
			if err := emit(rel(model.RelationKindTransfer, ID("res", r), ID("ent", e), fields)); err != nil {
				return err
			}
		}
	}
	return nil
}

// nearby is the province itself (60%) or one of its neighbours.
func (g *generator) nearby(p int) int {
	if g.rnd.Float64() < 0.6 {
		return p
	}
	ns := provinces[p].neighbors
	n := ns[g.rnd.IntN(len(ns))]
	if i := slices.IndexFunc(provinces, func(q province) bool { return q.name == n }); i >= 0 {
		return i
	}
	return p
}

// collaborations: enterprises work with universities chosen by Zipf (hub
// universities gather thousands of partners) and sometimes with other
// enterprises. One collaboration per pair, recorded from the enterprise (or
// the enterprise with the smaller index), so no pair appears twice.
func (g *generator) collaborations(emit Emit) error {
	for e := 0; e < g.cfg.Enterprises; e++ {
		n := g.count(g.cfg.PartnersPerEnterprise)
		draw := func() int {
			if g.cfg.Universities > 0 && g.rnd.Float64() < 0.85 {
				return int(g.uniZipf.Uint64())
			}
			return -1 - (e + 1 + g.rnd.IntN(max(g.cfg.Enterprises-e-1, 1)))
		}
		skip := func(p int) bool { return p < 0 && -1-p >= g.cfg.Enterprises }
		for _, p := range distinct(n, draw, skip) {
			if err := emit(rel(model.RelationKindCollaboration, ID("ent", e), developer(p), map[string]any{
				"kind": g.pick(collabKinds), "since": g.year(2003),
			})); err != nil {
				return err
			}
		}
	}
	return nil
}

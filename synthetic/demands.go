package synthetic

import (
	"fmt"
	"math"

	"github.com/innograph/innograph/graph/model"
)

var (
	// Programmes by level, and what a project of each typically receives,
	// in 万元 (the median of a log-normal draw).
	programmes = map[string][]string{
		"NATIONAL":   {"国家重点研发计划", "国家自然科学基金", "国家科技支撑计划"},
		"PROVINCIAL": {"自治区科技重大专项", "省重点研发计划", "科技成果转化专项"},
		"MUNICIPAL":  {"市科技计划项目", "市科技创新引导项目"},
	}
	medianFunding = map[string]float64{"NATIONAL": 300, "PROVINCIAL": 80, "MUNICIPAL": 20}
	projectWords  = []string{"关键技术研究与示范", "产业化示范", "技术集成与推广", "新品种选育", "智能化改造", "工艺优化"}
	demandWords   = []string{"生产线智能化改造", "关键工艺攻关", "新产品研发", "检测技术", "节能降耗技术", "品种改良", "废弃物综合利用"}
	demandEvents  = []string{"科技成果供需对接会", "技术需求发布会", "科技大市场线上对接活动"}
)

// projects: funded programme projects across the years, led by a
// university or an enterprise; older ones are completed, a few recent ones
// only applied for (申报, no funding yet).
func (g *generator) projects(emit Emit) error {
	g.projectLead = make([]string, g.cfg.Projects)
	g.projectField = make([]string, g.cfg.Projects)
	for i := range g.projectLead {
		var p place
		if g.cfg.Universities > 0 && g.rnd.Float64() < 0.5 {
			u := int(g.uniZipf.Uint64())
			g.projectLead[i], p, g.projectField[i] = ID("uni", u), g.uniPlace[u], g.uniField[u]
		} else {
			e := g.rnd.IntN(g.cfg.Enterprises)
			g.projectLead[i], p, g.projectField[i] = ID("ent", e), g.entPlace[e], g.entField[e]
		}
		level := g.pick(levels[:5]) // national, provincial or municipal
		year := g.year(2008)
		fields := map[string]any{
			"id": ID("prj", i), "name": fmt.Sprintf("%s%s%d", g.projectField[i], g.pick(projectWords), i),
			"programme": g.pick(programmes[level]), "level": level, "year": year, "region": p.path,
		}
		switch age := 2025 - year; {
		case age >= 4:
			fields["status"] = "COMPLETED"
		case age >= 1:
			fields["status"] = "ONGOING"
		case g.rnd.Float64() < 0.6:
			fields["status"] = "APPROVED"
		default:
			fields["status"] = "APPLIED"
		}
		if fields["status"] != "APPLIED" {
			fields["funding"] = math.Round(10*medianFunding[level]*math.Exp(0.8*g.rnd.NormFloat64())) / 10
		}
		if err := emit(record(model.NodeKindProject, fields)); err != nil {
			return err
		}
	}
	return nil
}

// demands: technology needs posted by enterprises (and a few universities)
// in their own industry, across recent years; older ones are more often
// matched or solved.
func (g *generator) demands(emit Emit) error {
	g.demandPoster = make([]string, g.cfg.Demands)
	g.demandField = make([]string, g.cfg.Demands)
	g.demandStatus = make([]string, g.cfg.Demands)
	g.demandYear = make([]int, g.cfg.Demands)
	g.demandProvince = make([]int, g.cfg.Demands)
	for i := range g.demandPoster {
		var p place
		if g.cfg.Universities > 0 && g.rnd.Float64() < 0.05 {
			u := g.rnd.IntN(g.cfg.Universities)
			g.demandPoster[i], p, g.demandField[i] = ID("uni", u), g.uniPlace[u], g.uniField[u]
		} else {
			e := g.rnd.IntN(g.cfg.Enterprises)
			g.demandPoster[i], p, g.demandField[i] = ID("ent", e), g.entPlace[e], g.entField[e]
		}
		year := g.year(2015)
		status := "OPEN"
		switch r := g.rnd.Float64() * float64(2026-year) / 11; {
		case r > 0.6:
			status = "SOLVED"
		case r > 0.25:
			status = "MATCHED"
		}
		g.demandStatus[i], g.demandYear[i], g.demandProvince[i] = status, year, p.province
		want := g.pick(demandWords)
		if err := emit(record(model.NodeKindDemand, map[string]any{
			"id": ID("dem", i), "name": fmt.Sprintf("%s%s需求%d", g.demandField[i], want, i), "field": g.demandField[i],
			"description": fmt.Sprintf("%s领域企业需要%s方面的技术支持。\n希望与高校、科研院所合作攻关。", g.demandField[i], want),
			"year":        year, "budget": math.Round(10*math.Exp(1.2*g.rnd.NormFloat64()+3.5)) / 10, "status": status, "region": p.path,
		})); err != nil {
			return err
		}
	}
	return nil
}

// participations: each project's lead, a few participating organisations
// and people of the lead (researchers of its university, engineers of its
// enterprise), now and then an intermediary.
func (g *generator) participations(emit Emit) error {
	for i, lead := range g.projectLead {
		prj := ID("prj", i)
		if err := emit(rel(model.RelationKindParticipation, lead, prj, map[string]any{"role": "LEAD"})); err != nil {
			return err
		}
		draw := func() int {
			if g.cfg.Universities > 0 && g.rnd.Float64() < 0.5 {
				return int(g.uniZipf.Uint64())
			}
			return -1 - g.rnd.IntN(g.cfg.Enterprises)
		}
		for _, o := range distinct(g.count(g.cfg.OrganisationsPerProject), draw, func(o int) bool { return developer(o) == lead }) {
			if err := emit(rel(model.RelationKindParticipation, developer(o), prj, map[string]any{"role": "PARTICIPANT"})); err != nil {
				return err
			}
		}
		staff := g.peopleOf[lead]
		if len(staff) > 0 {
			for k, s := range distinct(min(1+g.count(g.cfg.PeoplePerProject-1), len(staff)), func() int { return g.rnd.IntN(len(staff)) }, never) {
				role := "PARTICIPANT"
				if k == 0 {
					role = "LEAD"
				}
				if err := emit(rel(model.RelationKindParticipation, ID("per", staff[s]), prj, map[string]any{"role": role})); err != nil {
					return err
				}
			}
		}
		if g.cfg.Intermediaries > 0 && g.rnd.Float64() < 0.05 {
			if err := emit(rel(model.RelationKindParticipation, ID("imd", g.rnd.IntN(g.cfg.Intermediaries)), prj, map[string]any{"role": "PARTICIPANT"})); err != nil {
				return err
			}
		}
	}
	return nil
}

// outputs: completed and ongoing projects produced results their lead
// developed, in the years after the project started.
func (g *generator) outputs(emit Emit) error {
	for i, lead := range g.projectLead {
		own := g.resultsOf[lead]
		if len(own) == 0 {
			continue
		}
		for _, r := range distinct(min(g.count(g.cfg.OutputsPerProject), len(own)), func() int { return own[g.rnd.IntN(len(own))] }, never) {
			if err := emit(rel(model.RelationKindOutput, ID("prj", i), ID("res", r), map[string]any{"year": g.year(2008)})); err != nil {
				return err
			}
		}
	}
	return nil
}

// postings: each demand by its poster, in the demand's year.
func (g *generator) postings(emit Emit) error {
	for i, poster := range g.demandPoster {
		if err := emit(rel(model.RelationKindPosting, poster, ID("dem", i), map[string]any{"year": g.demandYear[i]})); err != nil {
			return err
		}
	}
	return nil
}

// matches: matched and solved demands are matched with results of their
// field (or, for one in five, the university that developed one), at a
// 供需对接会 and half the time through an intermediary of the poster's
// province; some open demands have a proposal.
func (g *generator) matches(emit Emit) error {
	for i, status := range g.demandStatus {
		n, stage := 1+g.count(g.cfg.MatchesPerDemand-1), "AGREED"
		switch {
		case status == "SOLVED":
			stage = "CONTRACTED"
		case status == "OPEN" && g.rnd.Float64() < 0.2:
			stage = "PROPOSED"
		case status == "OPEN":
			continue
		}
		pool := g.resultsIn[g.demandField[i]]
		if len(pool) == 0 {
			continue
		}
		targets := map[string]bool{}
		for _, r := range distinct(min(n, len(pool)), func() int { return pool[g.rnd.IntN(len(pool))] }, never) {
			target := ID("res", r)
			if lead := g.lead[r]; lead >= 0 && g.rnd.Float64() < 0.2 {
				target = developer(lead)
			}
			if targets[target] || target == g.demandPoster[i] {
				continue
			}
			targets[target] = true
			fields := map[string]any{"stage": stage, "year": min(g.demandYear[i]+g.rnd.IntN(2), 2025),
				"event": fmt.Sprintf("%d年%s", g.demandYear[i], g.pick(demandEvents))}
			if brokers := g.brokersIn[g.demandProvince[i]]; len(brokers) > 0 && g.rnd.Float64() < 0.5 {
				fields["brokerId"] = brokers[g.rnd.IntN(len(brokers))]
			}
			if err := emit(rel(model.RelationKindMatch, ID("dem", i), target, fields)); err != nil {
				return err
			}
		}
	}
	return nil
}

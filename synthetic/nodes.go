package synthetic

import (
	"fmt"

	"github.com/innograph/innograph/graph/model"
)

var (
	entWords  = []string{"绿源", "丰泽", "金穗", "北疆", "草原", "河套", "天骄", "恒泰", "华信", "瑞丰", "宏达", "科创", "新元", "远航", "众诚", "鼎盛", "长风", "沃土", "朔方", "银河"}
	entSuffix = []string{"有限公司", "股份有限公司", "科技有限公司", "集团有限公司"}
	uniKinds  = []struct{ kind, suffix string }{{"UNIVERSITY", "大学"}, {"COLLEGE", "职业技术学院"}, {"RESEARCH_INSTITUTE", "研究院"}, {"RESEARCH_INSTITUTE", "研究所"}}
	parkKinds = []struct{ kind, suffix string }{
		{"HIGH_TECH_ZONE", "高新技术产业开发区"}, {"ECONOMIC_DEVELOPMENT_ZONE", "经济技术开发区"}, {"INCUBATOR", "科技企业孵化器"},
		{"INCUBATOR", "创业服务中心"}, {"MAKER_SPACE", "众创空间"}, {"AGRICULTURAL_PARK", "农业科技园区"}, {"INDUSTRIAL_BASE", "高新技术产业基地"},
	}
	resultKinds = []struct{ kind, suffix string }{
		{"PATENT", "专利"}, {"TECHNOLOGY", "技术"}, {"PRODUCT", "新产品"}, {"PLANT_VARIETY", "新品种"}, {"SOFTWARE", "软件"}, {"STANDARD", "标准"},
	}
	levels = []string{"NATIONAL", "PROVINCIAL", "PROVINCIAL", "MUNICIPAL", "MUNICIPAL", "COUNTY"}
	certs  = []string{"HIGH_TECH", "TECH_SME", "INNOVATIVE", "TECH_CENTER", "ENGINEERING_CENTER", "IP_TRUSTEESHIP", "SCIENCE_BRAND"}
)

// city is the city part of a region path, for names.
func city(path string) string {
	for i, start := 0, -1; i < len(path); i++ {
		if path[i] == '/' {
			if start >= 0 {
				return path[start:i]
			}
			start = i + 1
		}
	}
	return path
}

// nodes emits every node, type by type; each type's places and choices are
// kept for the relationships.
func (g *generator) nodes(emit Emit) error {
	for _, step := range []func(Emit) error{g.enterprises, g.universities, g.alliances, g.parks, g.results,
		g.intermediaries, g.people, g.projects, g.demands} {
		if err := step(emit); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) enterprises(emit Emit) error {
	g.entPlace = make([]place, g.cfg.Enterprises)
	g.entField = make([]string, g.cfg.Enterprises)
	for i := range g.entPlace {
		p := g.randomPlace()
		g.entPlace[i] = p
		g.entsIn[p.province] = append(g.entsIn[p.province], i)
		industry := g.pick(industries)
		g.entField[i] = industry
		var cs []string
		for _, c := range certs {
			if g.rnd.Float64() < 0.12 {
				cs = append(cs, c)
			}
		}
		if err := emit(record(model.NodeKindEnterprise, map[string]any{
			"id": ID("ent", i), "name": fmt.Sprintf("%s%s%s%s", city(p.path), g.pick(entWords), industry, g.pick(entSuffix)),
			"region": p.path, "industry": industry, "founded": g.year(1990), "certifications": cs,
		})); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) universities(emit Emit) error {
	g.uniPlace = make([]place, g.cfg.Universities)
	g.uniField = make([]string, g.cfg.Universities)
	for i := range g.uniPlace {
		p := g.randomPlace()
		g.uniPlace[i] = p
		k := uniKinds[g.rnd.IntN(len(uniKinds))]
		field := g.pick(industries)
		g.uniField[i] = field
		if err := emit(record(model.NodeKindUniversity, map[string]any{
			"id": ID("uni", i), "name": fmt.Sprintf("%s%s%s%d", city(p.path), field, k.suffix, i), "kind": k.kind,
			"region": p.path, "field": field,
		})); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) alliances(emit Emit) error {
	for i := 0; i < g.cfg.Alliances; i++ {
		p := g.randomPlace()
		industry := g.pick(industries)
		if err := emit(record(model.NodeKindAlliance, map[string]any{
			"id": ID("all", i), "name": fmt.Sprintf("%s%s产业技术创新战略联盟%d", city(p.path), industry, i),
			"level": g.pick(levels), "industry": industry, "region": p.path, "founded": g.year(2005),
		})); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) parks(emit Emit) error {
	g.parkPlace = make([]place, g.cfg.Parks)
	g.parkKind = make([]string, g.cfg.Parks)
	for i := range g.parkPlace {
		p := g.randomPlace()
		g.parkPlace[i] = p
		k := parkKinds[g.rnd.IntN(len(parkKinds))]
		g.parkKind[i] = k.kind
		if err := emit(record(model.NodeKindPark, map[string]any{
			"id": ID("park", i), "name": fmt.Sprintf("%s%s%d", city(p.path), k.suffix, i), "kind": k.kind,
			"level": g.pick(levels), "industry": g.pick(industries), "region": p.path, "founded": g.year(1992),
		})); err != nil {
			return err
		}
	}
	return nil
}

// results emits the results, each led by a university (80%, hubs by Zipf)
// or an enterprise, in its lead developer's region.
func (g *generator) results(emit Emit) error {
	g.lead = make([]int, g.cfg.Results)
	for i := range g.lead {
		var p place
		if g.rnd.Float64() < 0.8 && g.cfg.Universities > 0 {
			u := int(g.uniZipf.Uint64())
			g.lead[i], p = u, g.uniPlace[u]
		} else {
			e := g.rnd.IntN(g.cfg.Enterprises)
			g.lead[i], p = -1-e, g.entPlace[e]
		}
		k := resultKinds[g.rnd.IntN(len(resultKinds))]
		field := g.pick(industries)
		g.resultsOf[developer(g.lead[i])] = append(g.resultsOf[developer(g.lead[i])], i)
		g.resultsIn[field] = append(g.resultsIn[field], i)
		if err := emit(record(model.NodeKindResult, map[string]any{
			"id": ID("res", i), "name": fmt.Sprintf("%s%s%s%d", field, g.pick(entWords), k.suffix, i), "kind": k.kind,
			"year": g.year(2000), "field": field, "region": p.path,
		})); err != nil {
			return err
		}
	}
	return nil
}

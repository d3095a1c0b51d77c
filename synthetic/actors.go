package synthetic

import (
	"fmt"

	"github.com/innograph/innograph/graph/model"
)

var (
	surnames   = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "朱", "郭", "何", "高", "林", "郑", "乌", "巴", "白", "苏", "韩"}
	givenChars = []string{"建", "国", "海", "丽", "军", "红", "文", "华", "明", "志", "春", "平", "霞", "鹏", "宇", "静", "强", "敏", "鸿", "亮", "桂", "英", "晓", "磊", "娜", "伟", "斌", "云", "峰", "琴"}
	// Intermediary kinds and the words of their names, the technology
	// markets and transfer centres of the source documents first.
	imdKinds = []struct{ kind, suffix string }{
		{"TECHNOLOGY_MARKET", "科技大市场"}, {"TRANSFER_AGENCY", "技术转移中心"}, {"CONVERSION_CENTER", "技术交易成果转化中心"},
		{"PRODUCTIVITY_CENTER", "生产力促进中心"}, {"IP_SERVICE", "知识产权代理事务所"}, {"SERVICE_PLATFORM", "科技创新公共服务平台"},
	}
)

// A person's place in an organisation: the role text of the affiliation and
// the person's roles.
type personKind struct {
	role  string
	roles []string
	title string
}

var (
	entrepreneur = personKind{"董事长", []string{"ENTREPRENEUR"}, ""}
	engineer     = personKind{"总工程师", []string{"EXPERT"}, "高级工程师"}
	researcher   = personKind{"研究员", []string{"RESEARCHER"}, "研究员"}
	professor    = personKind{"教授", []string{"RESEARCHER", "EXPERT"}, "教授"}
	academician  = personKind{"首席科学家", []string{"ACADEMICIAN", "RESEARCHER"}, "中国工程院院士"}
	commissioner = personKind{"研究员", []string{"RESEARCHER", "TECH_COMMISSIONER"}, "科技特派员"}
	broker       = personKind{"技术经纪人", []string{"EXPERT"}, "技术经纪人"}
)

// person is where a generated person works.
type person struct {
	org   string // id of the organisation or intermediary
	place place
	field string
	kind  personKind
}

// people assigns the people to their organisations: the first person of
// each enterprise is its head (every enterprise has one), the rest are
// researchers of universities (hubs by Zipf, so a large university has
// hundreds), engineers of enterprises, and brokers of intermediaries. A
// few researchers are academicians or 科技特派员.
func (g *generator) people(emit Emit) error {
	g.person = make([]person, g.cfg.People)
	g.peopleOf = map[string][]int{}
	for i := range g.person {
		var p person
		switch r := g.rnd.Float64(); {
		case i < g.cfg.Enterprises:
			p = person{ID("ent", i), g.entPlace[i], g.entField[i], entrepreneur}
		case r < 0.45 && g.cfg.Universities > 0:
			u := int(g.uniZipf.Uint64())
			p = person{ID("uni", u), g.uniPlace[u], g.uniField[u], researcher}
			switch r := g.rnd.Float64(); {
			case r < 0.01:
				p.kind = academician
			case r < 0.15:
				p.kind = commissioner
			case r < 0.5:
				p.kind = professor
			}
		case r < 0.9 || g.cfg.Intermediaries == 0:
			e := g.rnd.IntN(g.cfg.Enterprises)
			p = person{ID("ent", e), g.entPlace[e], g.entField[e], engineer}
		default:
			m := g.rnd.IntN(g.cfg.Intermediaries)
			p = person{ID("imd", m), g.imdPlace[m], g.pick(industries), broker}
		}
		g.person[i] = p
		g.peopleOf[p.org] = append(g.peopleOf[p.org], i)
		if p.kind.role == broker.role {
			g.brokersIn[p.place.province] = append(g.brokersIn[p.place.province], ID("per", i))
		}
		fields := map[string]any{"id": ID("per", i), "name": g.personName(), "roles": p.kind.roles, "field": p.field, "region": p.place.path}
		if p.kind.title != "" {
			fields["title"] = p.kind.title
		}
		if err := emit(record(model.NodeKindPerson, fields)); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) personName() string {
	name := g.pick(surnames) + g.pick(givenChars)
	if g.rnd.Float64() < 0.7 {
		name += g.pick(givenChars)
	}
	return name
}

// intermediaries: technology markets, transfer centres and service
// platforms at city level, a few per city of the provinces drawn.
func (g *generator) intermediaries(emit Emit) error {
	g.imdPlace = make([]place, g.cfg.Intermediaries)
	for i := range g.imdPlace {
		p := g.randomPlace()
		p.path = p.path[:len(p.path)-len(county(p.path))-1]
		g.imdPlace[i] = p
		g.brokersIn[p.province] = append(g.brokersIn[p.province], ID("imd", i))
		k := imdKinds[g.rnd.IntN(len(imdKinds))]
		if err := emit(record(model.NodeKindIntermediary, map[string]any{
			"id": ID("imd", i), "name": fmt.Sprintf("%s%s%d", city(p.path+"/"), k.suffix, i), "kind": k.kind,
			"level": g.pick(levels[1:]), "region": p.path,
		})); err != nil {
			return err
		}
	}
	return nil
}

// county is the last part of a region path.
func county(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[i+1:]
		}
	}
	return path
}

// affiliations: every person with their organisation; one in ten
// researchers and engineers also holds a post at a second university.
func (g *generator) affiliations(emit Emit) error {
	for i, p := range g.person {
		if err := emit(rel(model.RelationKindAffiliation, ID("per", i), p.org, map[string]any{"role": p.kind.role, "since": g.year(1995)})); err != nil {
			return err
		}
		if p.kind.role == entrepreneur.role || g.cfg.Universities == 0 || g.rnd.Float64() >= 0.1 {
			continue
		}
		if u := ID("uni", int(g.uniZipf.Uint64())); u != p.org {
			if err := emit(rel(model.RelationKindAffiliation, ID("per", i), u, map[string]any{"role": "兼职教授", "since": g.year(2005)})); err != nil {
				return err
			}
		}
	}
	return nil
}

// services: 科技特派员 serve a few enterprises of their province, academicians
// hold workstations at one or two enterprises anywhere, and intermediaries
// give technical and IP services to enterprises of their province.
func (g *generator) services(emit Emit) error {
	serve := func(from string, province, n int, kind, title string, anywhere bool) error {
		draw := func() int {
			if ents := g.entsIn[province]; !anywhere && len(ents) > 0 {
				return ents[g.rnd.IntN(len(ents))]
			}
			return g.rnd.IntN(g.cfg.Enterprises)
		}
		for _, e := range distinct(n, draw, never) {
			fields := map[string]any{"kind": kind, "since": g.year(2005)}
			if title != "" {
				fields["title"] = title
			}
			if err := emit(rel(model.RelationKindService, from, ID("ent", e), fields)); err != nil {
				return err
			}
		}
		return nil
	}
	for i, p := range g.person {
		var err error
		switch p.kind.title {
		case commissioner.title:
			err = serve(ID("per", i), p.place.province, 1+g.count(1.5), "TECH_COMMISSIONER", "", false)
		case academician.title:
			err = serve(ID("per", i), p.place.province, 1+g.rnd.IntN(2), "ACADEMICIAN_WORKSTATION", "院士专家工作站", true)
		}
		if err != nil {
			return err
		}
	}
	for i, p := range g.imdPlace {
		kind := "TECHNICAL_SERVICE"
		if g.rnd.Float64() < 0.3 {
			kind = "IP_TRUSTEESHIP"
		}
		if err := serve(ID("imd", i), p.province, 1+g.count(g.cfg.ServicesPerIntermediary-1), kind, "", false); err != nil {
			return err
		}
	}
	return nil
}

package graph_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
)

// actorsGraph is a small graph of the issue-14 types with known answers:
//
//	per-liu (ACADEMICIAN, EXPERT; 环境工程) — SERVICE ACADEMICIAN_WORKSTATION → ent-water
//	per-zhang (TECH_COMMISSIONER; 玉米育种) — SERVICE TECH_COMMISSIONER → ent-seed
//	imd-market (TECHNOLOGY_MARKET, PROVINCIAL) — AFFILIATION ← per-wang
//	imd-center (CONVERSION_CENTER, MUNICIPAL)
//	prj-key (APPROVED, NATIONAL, 2021) — PARTICIPATION ← ent-seed (LEAD), per-zhang; OUTPUT → res-seed
//	prj-local (APPLIED, PROVINCIAL, 2019)
//	dem-seeder (OPEN, 农机, 2021) ← POSTING ent-seed; MATCH → res-seed (AGREED, via imd-market)
//	dem-water (SOLVED, 水处理, 2019) ← POSTING ent-water
const actorsGraph = `
{"type":"Enterprise","id":"ent-seed","name":"科河种业","region":"内蒙古自治区/巴彦淖尔市"}
{"type":"Enterprise","id":"ent-water","name":"河套水务集团","region":"内蒙古自治区/巴彦淖尔市"}
{"type":"Result","id":"res-seed","name":"科河8号","kind":"PLANT_VARIETY"}
{"type":"Person","id":"per-liu","name":"刘鸿亮","aliases":["刘院士"],"roles":["ACADEMICIAN","EXPERT"],"title":"中国工程院院士","field":"环境工程","region":"北京市"}
{"type":"Person","id":"per-zhang","name":"张特派","roles":["TECH_COMMISSIONER"],"field":"玉米育种","region":"内蒙古自治区/巴彦淖尔市/临河区"}
{"type":"Person","id":"per-wang","name":"王经纪","roles":["EXPERT"],"region":"内蒙古自治区/呼和浩特市"}
{"type":"Intermediary","id":"imd-market","name":"内蒙古科技大市场","aliases":["科技大市场"],"kind":"TECHNOLOGY_MARKET","level":"PROVINCIAL","region":"内蒙古自治区/呼和浩特市"}
{"type":"Intermediary","id":"imd-center","name":"阿拉善盟技术交易成果转化中心","kind":"CONVERSION_CENTER","level":"MUNICIPAL","region":"内蒙古自治区/阿拉善盟"}
{"type":"Project","id":"prj-key","name":"玉米新品种选育","programme":"国家重点研发计划","level":"NATIONAL","year":2021,"funding":472,"status":"APPROVED"}
{"type":"Project","id":"prj-local","name":"盐碱地改良","programme":"自治区科技重大专项","level":"PROVINCIAL","year":2019,"status":"APPLIED"}
{"type":"Demand","id":"dem-seeder","name":"精量播种机改进","field":"农机","description":"需要：\n提高播种精度","year":2021,"budget":50}
{"type":"Demand","id":"dem-water","name":"污水深度处理","field":"水处理","year":2019,"status":"SOLVED"}
{"type":"AFFILIATION","from":"per-wang","to":"imd-market","role":"技术经纪人","since":2018}
{"type":"SERVICE","from":"per-liu","to":"ent-water","kind":"ACADEMICIAN_WORKSTATION","title":"刘鸿亮院士专家工作站","since":2016}
{"type":"SERVICE","from":"per-zhang","to":"ent-seed","kind":"TECH_COMMISSIONER","since":2020}
{"type":"PARTICIPATION","from":"ent-seed","to":"prj-key"}
{"type":"PARTICIPATION","from":"per-zhang","to":"prj-key","role":"PARTICIPANT"}
{"type":"OUTPUT","from":"prj-key","to":"res-seed","year":2022}
{"type":"POSTING","from":"ent-seed","to":"dem-seeder","year":2021}
{"type":"POSTING","from":"ent-water","to":"dem-water","year":2019}
{"type":"MATCH","from":"dem-seeder","to":"res-seed","stage":"AGREED","event":"2021年供需对接会","brokerId":"imd-market","year":2021}
`

// edgeIDs reads the ids of a connection's nodes out of a raw answer.
func edgeIDs(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	var out map[string]struct {
		Edges []struct{ Node struct{ ID string } }
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range out {
		for _, e := range c.Edges {
			ids = append(ids, e.Node.ID)
		}
	}
	return ids
}

// TestActorLists: the four new lists filter and order as the others do.
func TestActorLists(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(actorsGraph)
	for _, tc := range []struct {
		name, query string
		want        []string
	}{
		{"PeopleAll", `{ l: people { edges { node { id } } } }`, []string{"per-liu", "per-zhang", "per-wang"}},
		{"PeopleByRole", `{ l: people(filter: {roles: [ACADEMICIAN]}) { edges { node { id } } } }`, []string{"per-liu"}},
		{"PeopleByRoles", `{ l: people(filter: {roles: [EXPERT]}) { edges { node { id } } } }`, []string{"per-liu", "per-wang"}},
		{"PeopleByField", `{ l: people(filter: {field: "玉米育种"}) { edges { node { id } } } }`, []string{"per-zhang"}},
		{"PeopleByRegion", `{ l: people(filter: {region: "内蒙古自治区"}) { edges { node { id } } } }`, []string{"per-zhang", "per-wang"}},
		{"PeopleByName", `{ l: people(filter: {nameContains: "院士"}) { edges { node { id } } } }`, []string{"per-liu"}},
		{"IntermediariesByKind", `{ l: intermediaries(filter: {kind: TECHNOLOGY_MARKET}) { edges { node { id } } } }`, []string{"imd-market"}},
		{"IntermediariesByLevel", `{ l: intermediaries(filter: {level: MUNICIPAL}) { edges { node { id } } } }`, []string{"imd-center"}},
		{"ProjectsByStatus", `{ l: projects(filter: {status: APPROVED}) { edges { node { id } } } }`, []string{"prj-key"}},
		{"ProjectsByLevelAndYear", `{ l: projects(filter: {level: PROVINCIAL, yearTo: 2020}) { edges { node { id } } } }`, []string{"prj-local"}},
		{"ProjectsByYearDesc", `{ l: projects(orderBy: {field: YEAR, direction: DESC}) { edges { node { id } } } }`, []string{"prj-key", "prj-local"}},
		{"DemandsOpenByDefault", `{ l: demands(filter: {status: OPEN}) { edges { node { id } } } }`, []string{"dem-seeder"}},
		{"DemandsByField", `{ l: demands(filter: {field: "水处理"}) { edges { node { id } } } }`, []string{"dem-water"}},
		{"DemandsByYear", `{ l: demands(filter: {yearFrom: 2020}) { edges { node { id } } } }`, []string{"dem-seeder"}},
		{"DemandsNone", `{ l: demands(filter: {status: MATCHED}) { edges { node { id } } } }`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := a.Do("", tc.query, nil)
			if len(res.Errors) > 0 {
				t.Fatalf("errors: %+v", res.Errors)
			}
			if got := edgeIDs(t, res.Data); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	var counts struct {
		P, I, J, D struct{ TotalCount int }
	}
	a.OK("", `{ p: people(filter: {roles: [EXPERT]}, first: 1) { totalCount } i: intermediaries { totalCount }
		j: projects { totalCount } d: demands { totalCount } }`, nil, &counts)
	if counts.P.TotalCount != 2 || counts.I.TotalCount != 2 || counts.J.TotalCount != 2 || counts.D.TotalCount != 2 {
		t.Errorf("totals: %+v", counts)
	}
	a.Fails("", `{ projects(filter: {yearFrom: 2021, yearTo: 2019}) { totalCount } }`, nil, "BAD_USER_INPUT", "filter.yearTo")
}

// TestActorNodesAndSearch: node(id:) reads each new type with its lists in
// both directions, and search finds them by name and alias.
func TestActorNodesAndSearch(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(actorsGraph)
	var out struct {
		Liu struct {
			Typename string `json:"__typename"`
			Roles    []string
			Title    string
			Serves   struct {
				Edges []struct {
					Node struct {
						Kind, Title string
						Client      struct{ ID string }
					}
				}
			}
		}
		Market struct {
			Kind   string
			People struct {
				Edges []struct {
					Node struct {
						Role   string
						Person struct{ ID string }
					}
				}
			}
		}
		Key struct {
			Funding      float64
			Participants struct {
				Edges []struct {
					Node struct {
						Role        string
						Participant struct{ ID string }
					}
				}
			}
			Outputs struct {
				Edges []struct {
					Node struct{ Result struct{ ID string } }
				}
			}
		}
		Seeder struct {
			Status, Description string
			PostedBy            struct {
				Edges []struct {
					Node struct{ Poster struct{ ID string } }
				}
			}
			Matches struct {
				Edges []struct {
					Node struct {
						Stage, Event string
						BrokerID     string
						Broker       struct{ ID, Name string }
						Target       struct{ ID string }
					}
				}
			}
		}
		Res struct {
			Projects struct {
				Edges []struct {
					Node struct{ Project struct{ ID string } }
				}
			}
			MatchedDemands struct {
				Edges []struct {
					Node struct{ Demand struct{ ID string } }
				}
			}
		}
		Seed struct {
			ServedBy struct {
				Edges []struct {
					Node struct{ Provider struct{ ID string } }
				}
			}
			Projects struct {
				Edges []struct {
					Node struct{ Project struct{ ID string } }
				}
			}
			Demands struct {
				Edges []struct {
					Node struct{ Demand struct{ ID string } }
				}
			}
		}
	}
	a.OK("", `{
		liu: node(id: "per-liu") { __typename id ... on Person { roles title serves { edges { node { kind title client { id } } } } } }
		market: node(id: "imd-market") { id ... on Intermediary { kind people { edges { node { role person { id } } } } } }
		key: node(id: "prj-key") { id ... on Project { funding participants { edges { node { role participant { id } } } } outputs { edges { node { result { id } } } } } }
		seeder: node(id: "dem-seeder") { id ... on Demand { status description postedBy { edges { node { poster { id } } } }
			matches { edges { node { stage event brokerId broker { id name } target { id } } } } } }
		res: node(id: "res-seed") { id ... on Result { projects { edges { node { project { id } } } } matchedDemands { edges { node { demand { id } } } } } }
		seed: node(id: "ent-seed") { id ... on Enterprise { servedBy { edges { node { provider { id } } } } projects { edges { node { project { id } } } } demands { edges { node { demand { id } } } } } }
	}`, nil, &out)
	if out.Liu.Typename != "Person" || !slices.Equal(out.Liu.Roles, []string{"ACADEMICIAN", "EXPERT"}) || out.Liu.Title != "中国工程院院士" ||
		len(out.Liu.Serves.Edges) != 1 || out.Liu.Serves.Edges[0].Node.Client.ID != "ent-water" || out.Liu.Serves.Edges[0].Node.Kind != "ACADEMICIAN_WORKSTATION" {
		t.Errorf("person: %+v", out.Liu)
	}
	if out.Market.Kind != "TECHNOLOGY_MARKET" || len(out.Market.People.Edges) != 1 || out.Market.People.Edges[0].Node.Person.ID != "per-wang" ||
		out.Market.People.Edges[0].Node.Role != "技术经纪人" {
		t.Errorf("intermediary: %+v", out.Market)
	}
	// The lead participant comes first (the relationship lists' role order).
	if p := out.Key.Participants.Edges; out.Key.Funding != 472 || len(p) != 2 || p[0].Node.Participant.ID != "ent-seed" || p[0].Node.Role != "LEAD" ||
		p[1].Node.Role != "PARTICIPANT" || len(out.Key.Outputs.Edges) != 1 || out.Key.Outputs.Edges[0].Node.Result.ID != "res-seed" {
		t.Errorf("project: %+v", out.Key)
	}
	if m := out.Seeder.Matches.Edges; out.Seeder.Status != "OPEN" || out.Seeder.Description != "需要：\n提高播种精度" || len(m) != 1 ||
		m[0].Node.Target.ID != "res-seed" || m[0].Node.BrokerID != "imd-market" || m[0].Node.Broker.Name != "内蒙古科技大市场" ||
		len(out.Seeder.PostedBy.Edges) != 1 || out.Seeder.PostedBy.Edges[0].Node.Poster.ID != "ent-seed" {
		t.Errorf("demand: %+v", out.Seeder)
	}
	if len(out.Res.Projects.Edges) != 1 || len(out.Res.MatchedDemands.Edges) != 1 || out.Res.MatchedDemands.Edges[0].Node.Demand.ID != "dem-seeder" {
		t.Errorf("result: %+v", out.Res)
	}
	if len(out.Seed.ServedBy.Edges) != 1 || out.Seed.ServedBy.Edges[0].Node.Provider.ID != "per-zhang" ||
		len(out.Seed.Projects.Edges) != 1 || len(out.Seed.Demands.Edges) != 1 {
		t.Errorf("enterprise: %+v", out.Seed)
	}

	for _, tc := range []struct {
		name, query string
		types       string
		want        string
	}{
		{"ChineseName", "鸿亮", "", "per-liu"},
		{"Alias", "刘院士", "", "per-liu"},
		{"IntermediaryAlias", "科技大市场", "[INTERMEDIARY]", "imd-market"},
		{"Project", "玉米新品种", "[PROJECT]", "prj-key"},
		{"Demand", "播种机", "[DEMAND]", "dem-seeder"},
		{"CenterByPart", "成果转化中心", "", "imd-center"},
	} {
		t.Run("Search"+tc.name, func(t *testing.T) {
			types := ""
			if tc.types != "" {
				types = ", types: " + tc.types
			}
			var s struct {
				Search struct {
					Edges []struct {
						Node struct{ Node struct{ ID string } }
					}
				}
			}
			a.OK("", `query($q: String!) { search(query: $q`+types+`) { edges { node { node { id } } } } }`, map[string]any{"q": tc.query}, &s)
			if len(s.Search.Edges) == 0 || s.Search.Edges[0].Node.Node.ID != tc.want {
				t.Errorf("search %q: %+v, want %s first", tc.query, s.Search.Edges, tc.want)
			}
		})
	}
}

// TestActorHubs: people and intermediaries rank as hubs; industry narrows
// by field where the type has one and is refused where it has none.
func TestActorHubs(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(actorsGraph)
	var out struct {
		Hubs struct {
			Edges []struct {
				Node struct {
					Total int
					Node  struct{ ID string }
				}
			}
		}
	}
	a.OK("", `{ hubs(kind: PERSON) { edges { node { total node { id } } } } }`, nil, &out)
	if e := out.Hubs.Edges; len(e) != 3 || e[0].Node.Node.ID != "per-zhang" || e[0].Node.Total != 2 {
		t.Errorf("person hubs: %+v", out.Hubs)
	}
	a.OK("", `{ hubs(kind: PERSON, industry: "环境工程") { edges { node { total node { id } } } } }`, nil, &out)
	if e := out.Hubs.Edges; len(e) != 1 || e[0].Node.Node.ID != "per-liu" {
		t.Errorf("person hubs in 环境工程: %+v", out.Hubs)
	}
	a.OK("", `{ hubs(kind: INTERMEDIARY, relationships: [AFFILIATION, MATCH]) { edges { node { total node { id } } } } }`, nil, &out)
	if e := out.Hubs.Edges; len(e) != 2 || e[0].Node.Node.ID != "imd-market" || e[0].Node.Total != 1 {
		t.Errorf("intermediary hubs: %+v", out.Hubs)
	}
	e := a.Fails("", `{ hubs(kind: INTERMEDIARY, industry: "农机") { totalCount } }`, nil, "BAD_USER_INPUT", "industry")
	if !strings.Contains(e.Message, "Intermediary") {
		t.Errorf("message: %q", e.Message)
	}
}

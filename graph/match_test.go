package graph_test

import (
	"math"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
)

// demandGraph plants a best candidate for the demand D (a drought-tolerant
// maize variety, posted by P in 临河区; no region of its own, so P's
// counts): the institute U works in D's field, collaborates with P, sits
// in a neighbouring county and has two transferred results. The others are
// one candidate of each kind (the result R1, the enterprise S, the person
// X) and some that must not appear: F and Z share nothing with D, the
// poster P is never its own candidate, the intermediary I only brokers.
const demandGraph = `
{"type":"Demand","id":"D","name":"玉米耐旱品种选育技术需求","field":"玉米育种","description":"需要耐旱高产玉米新品种及配套栽培技术","year":2023,"status":"OPEN"}
{"type":"Enterprise","id":"P","name":"临河丰泽种业有限公司","industry":"种业","region":"内蒙古自治区/巴彦淖尔市/临河区"}
{"type":"POSTING","from":"P","to":"D","year":2023}
{"type":"University","id":"U","name":"巴彦淖尔农牧科学研究院","kind":"RESEARCH_INSTITUTE","field":"玉米育种","region":"内蒙古自治区/巴彦淖尔市/五原县"}
{"type":"COLLABORATION","from":"P","to":"U","kind":"JOINT_PROJECT","since":2019}
{"type":"Result","id":"R1","name":"耐旱玉米新品种巴单3号","kind":"PLANT_VARIETY","field":"玉米育种","region":"内蒙古自治区/巴彦淖尔市/五原县"}
{"type":"Result","id":"R2","name":"向日葵病害防控技术","kind":"TECHNOLOGY","field":"向日葵"}
{"type":"DEVELOPMENT","from":"U","to":"R1","role":"LEAD"}
{"type":"DEVELOPMENT","from":"U","to":"R2","role":"LEAD"}
{"type":"Enterprise","id":"E","name":"五原金穗农业有限公司","industry":"农业","region":"内蒙古自治区/巴彦淖尔市/五原县"}
{"type":"TRANSFER","from":"R1","to":"E","mode":"LICENCE","year":2021}
{"type":"TRANSFER","from":"R2","to":"E","mode":"ASSIGNMENT","year":2022}
{"type":"Enterprise","id":"S","name":"河套种子科技有限公司","industry":"玉米育种","region":"内蒙古自治区/包头市/九原区"}
{"type":"Person","id":"X","name":"王海明","roles":["EXPERT","TECH_COMMISSIONER"],"field":"玉米育种","region":"内蒙古自治区/巴彦淖尔市/临河区"}
{"type":"AFFILIATION","from":"X","to":"U","role":"研究员"}
{"type":"SERVICE","from":"X","to":"P","kind":"TECH_COMMISSIONER"}
{"type":"Result","id":"M","name":"秸秆还田机械","kind":"PRODUCT","field":"农牧业机械","region":"内蒙古自治区/呼和浩特市/赛罕区"}
{"type":"Intermediary","id":"I","name":"巴彦淖尔市科技大市场","kind":"TECHNOLOGY_MARKET","region":"内蒙古自治区/巴彦淖尔市"}
{"type":"MATCH","from":"D","to":"M","stage":"AGREED","year":2024,"event":"2024年科技成果供需对接会","brokerId":"I"}
{"type":"Enterprise","id":"F","name":"广州绿源电子有限公司","industry":"电子信息","region":"广东省/广州市/天河区"}
{"type":"University","id":"Z","name":"包头稀土研究院","kind":"RESEARCH_INSTITUTE","field":"稀土新材料","region":"内蒙古自治区/包头市/青山区"}
`

type matchReason struct {
	Kind         string
	Weight       float64
	Field        *string
	Region       *string
	Illustrative bool
	Chain        *struct {
		Start struct{ ID string }
		Steps []struct {
			Kind      string
			Direction string
			Node      struct{ ID string }
		}
	}
}

type demandCandidate struct {
	Node struct {
		ID       string
		Typename string `json:"__typename"`
	}
	Score     float64
	Reasons   []matchReason
	Truncated bool
	Match     *struct {
		Stage  string
		Event  string
		Demand struct{ ID string }
	}
}

const matchQuery = `query($id: ID!, $kinds: [NodeKind!], $unmatched: Boolean, $factsOnly: Boolean) {
	matchDemand(id: $id, kinds: $kinds, unmatched: $unmatched, factsOnly: $factsOnly) {
		node { id __typename } score truncated match { stage event demand { id } }
		reasons { kind weight field region illustrative chain { start { id } steps { kind direction node { id } } } } } }`

// chainOf writes a chain as "start kind>node kind<node", > for a step
// taken forward, < backward.
func chainOf(r matchReason) string {
	if r.Chain == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(r.Chain.Start.ID)
	for _, s := range r.Chain.Steps {
		arrow := ">"
		if s.Direction == "BACKWARD" {
			arrow = "<"
		}
		b.WriteString(" " + s.Kind + arrow + s.Node.ID)
	}
	return b.String()
}

func matchDemand(a *apitest.API, vars map[string]any) []demandCandidate {
	var out struct{ MatchDemand []demandCandidate }
	a.OK("", matchQuery, vars, &out)
	return out.MatchDemand
}

func TestMatchDemandRanksThePlantedBestFirst(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(demandGraph)
	got := matchDemand(a, map[string]any{"id": "D"})
	if len(got) == 0 || got[0].Node.ID != "U" {
		t.Fatalf("U must rank first: %+v", got)
	}
	type want struct{ kind, chain string }
	wants := []want{
		{"FIELD", ""},
		{"POSTER_TIE", "D POSTING<P COLLABORATION>U"},
		{"NEIGHBOURING_REGION", ""},
		{"TRANSFER_RECORD", "U DEVELOPMENT>R1 TRANSFER>E"}, // in D's field: first
		{"TRANSFER_RECORD", "U DEVELOPMENT>R2 TRANSFER>E"},
		{"KEYWORDS", ""}, // 研究 and 玉米 … in names: a little
	}
	best := got[0]
	if len(best.Reasons) != len(wants) {
		t.Fatalf("U's reasons: %+v", best.Reasons)
	}
	sum := 0.0
	for i, w := range wants {
		r := best.Reasons[i]
		sum += r.Weight
		if r.Kind != w.kind || chainOf(r) != w.chain || r.Illustrative {
			t.Errorf("reason %d: %s %q, want %s %q", i, r.Kind, chainOf(r), w.kind, w.chain)
		}
	}
	if f := best.Reasons[0]; f.Weight <= 2 || f.Weight > 3 || f.Field == nil || *f.Field != "玉米育种" {
		t.Errorf("FIELD weighs up to 3, relative to the best field hit, and names U's field: %+v", f)
	}
	if r := best.Reasons[2]; r.Weight != 1 || r.Region == nil || *r.Region != "内蒙古自治区/巴彦淖尔市/五原县" {
		t.Errorf("五原县 neighbours 临河区 (both in 巴彦淖尔市): %+v", r)
	}
	if k := best.Reasons[5]; k.Weight <= 0 || k.Weight >= 2 {
		t.Errorf("U's words overlap D's less than R1's do: %+v", k)
	}
	if math.Abs(best.Score-sum) > 1e-9 || best.Truncated || best.Match != nil {
		t.Errorf("score %v is the sum %v of the reasons; nothing cut, not matched: %+v", best.Score, sum, best)
	}

	byID := map[string]demandCandidate{}
	bestField := 0.0
	for i, c := range got {
		byID[c.Node.ID] = c
		for _, r := range c.Reasons {
			if r.Kind == "FIELD" {
				bestField = max(bestField, r.Weight)
			}
		}
		if i > 0 && c.Score > got[i-1].Score {
			t.Errorf("not ranked by score: %+v", got)
		}
	}
	if bestField != 3 {
		t.Errorf("the best field hit weighs 3, not %v", bestField)
	}
	for id, typename := range map[string]string{"R1": "Result", "S": "Enterprise", "X": "Person", "M": "Result"} {
		if c, ok := byID[id]; !ok || c.Node.Typename != typename {
			t.Errorf("%s (a %s) is a candidate: %+v", id, typename, got)
		}
	}
	for _, id := range []string{"P", "D", "F", "Z", "I", "E"} {
		if _, ok := byID[id]; ok {
			t.Errorf("%s is not a candidate: %+v", id, byID[id])
		}
	}
	kinds := func(c demandCandidate) map[string]string {
		out := map[string]string{}
		for _, r := range c.Reasons {
			out[r.Kind] = chainOf(r)
		}
		return out
	}
	if k := kinds(byID["R1"]); k["TRANSFER_RECORD"] != "R1 TRANSFER>E" || k["NEIGHBOURING_REGION"] != "" {
		t.Errorf("R1 was transferred itself: %v", k)
	}
	if _, ok := kinds(byID["R1"])["NEIGHBOURING_REGION"]; !ok {
		t.Errorf("R1 is in 五原县: %+v", byID["R1"])
	}
	if k := kinds(byID["X"]); k["POSTER_TIE"] != "D POSTING<P SERVICE<X" {
		t.Errorf("X serves the poster: %v", k)
	}
	if _, ok := kinds(byID["X"])["SAME_REGION"]; !ok {
		t.Errorf("X is in 临河区, the poster's county: %+v", byID["X"])
	}
	if _, ok := kinds(byID["S"])["FIELD"]; !ok {
		t.Errorf("S works in 玉米育种: %+v", byID["S"])
	}
	m := byID["M"]
	if m.Match == nil || m.Match.Stage != "AGREED" || m.Match.Demand.ID != "D" || kinds(m)["MATCHED"] != "D MATCH>M" {
		t.Errorf("M is already matched, and flagged: %+v", m)
	}
}

func TestMatchDemandArguments(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(demandGraph + `{"type":"COLLABORATION","from":"P","to":"S","kind":"OTHER","synthetic":true}` + "\n")
	for _, c := range matchDemand(a, map[string]any{"id": "D", "kinds": []string{"PERSON", "ENTERPRISE"}}) {
		if c.Node.Typename != "Person" && c.Node.Typename != "Enterprise" {
			t.Errorf("people and enterprises only: %+v", c)
		}
	}
	for _, c := range matchDemand(a, map[string]any{"id": "D", "unmatched": true}) {
		if c.Node.ID == "M" {
			t.Errorf("unmatched leaves M out: %+v", c)
		}
	}
	illustrative := func(cs []demandCandidate) (tie *matchReason) {
		for _, c := range cs {
			if c.Node.ID != "S" {
				continue
			}
			for _, r := range c.Reasons {
				if r.Kind == "POSTER_TIE" {
					return &r
				}
			}
		}
		return nil
	}
	if r := illustrative(matchDemand(a, map[string]any{"id": "D"})); r == nil || !r.Illustrative {
		t.Errorf("S's tie to P rests on an illustrative collaboration: %+v", r)
	}
	if r := illustrative(matchDemand(a, map[string]any{"id": "D", "factsOnly": true})); r != nil {
		t.Errorf("factsOnly leaves the illustrative tie out: %+v", r)
	}
}

func TestMatchDemandErrors(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(demandGraph)
	a.Fails("", matchQuery, map[string]any{"id": "nobody"}, "NOT_FOUND", "id")
	a.Fails("", matchQuery, map[string]any{"id": "P"}, "BAD_USER_INPUT", "id") // an enterprise is not a demand
	a.Fails("", matchQuery, map[string]any{"id": "D", "kinds": []string{"ALLIANCE"}}, "BAD_USER_INPUT", "kinds")
	a.Fails("", `{ matchDemand(id: "D", first: 51) { score } }`, nil, "BAD_USER_INPUT", "first")
}

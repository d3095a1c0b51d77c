package graph_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
)

// evidenceGraph mixes facts with illustrations (synthetic: true): X is an
// illustrative enterprise, and the relationships marked (syn) below are
// illustrative.
//
//	A -COLLABORATION- B -COLLABORATION- C          facts
//	A -COLLABORATION(syn)- C
//	A -COLLABORATION- X -COLLABORATION- C          facts, through the illustrative X
//	A, X -DEVELOPMENT-> R <-DEVELOPMENT(syn)- B
//	R -TRANSFER(2020)-> C,  R -TRANSFER(2021, syn)-> B
//	B -DEVELOPMENT-> R2 -TRANSFER(2019, syn)-> C
//	C -LOCATION-> P,  C -LOCATION(syn)-> P2,  C -MEMBERSHIP-> L
//	J -OUTPUT-> R <-OUTPUT(syn)- J2;  M -SERVICE-> C <-SERVICE(syn)- W
const evidenceGraph = `
{"type":"Enterprise","id":"A","name":"甲"}
{"type":"Enterprise","id":"B","name":"乙"}
{"type":"Enterprise","id":"C","name":"丙"}
{"type":"Enterprise","id":"X","name":"示例企业","synthetic":true}
{"type":"Result","id":"R","name":"成果","kind":"PATENT"}
{"type":"Result","id":"R2","name":"成果二","kind":"PATENT"}
{"type":"Park","id":"P","name":"园区","kind":"HIGH_TECH_ZONE"}
{"type":"Park","id":"P2","name":"孵化器","kind":"INCUBATOR"}
{"type":"Alliance","id":"L","name":"联盟"}
{"type":"COLLABORATION","from":"A","to":"B","kind":"JOINT_LAB"}
{"type":"COLLABORATION","from":"B","to":"C","kind":"JOINT_PROJECT"}
{"type":"COLLABORATION","from":"A","to":"C","kind":"JOINT_PROJECT","synthetic":true}
{"type":"COLLABORATION","from":"A","to":"X","kind":"TECHNICAL_SERVICE"}
{"type":"COLLABORATION","from":"X","to":"C","kind":"TECHNICAL_SERVICE"}
{"type":"DEVELOPMENT","from":"A","to":"R"}
{"type":"DEVELOPMENT","from":"X","to":"R","role":"PARTICIPANT"}
{"type":"DEVELOPMENT","from":"B","to":"R","role":"PARTICIPANT","synthetic":true}
{"type":"TRANSFER","from":"R","to":"C","mode":"LICENCE","year":2020}
{"type":"TRANSFER","from":"R","to":"B","mode":"LICENCE","year":2021,"synthetic":true}
{"type":"DEVELOPMENT","from":"B","to":"R2"}
{"type":"TRANSFER","from":"R2","to":"C","mode":"ASSIGNMENT","year":2019,"synthetic":true}
{"type":"LOCATION","from":"C","to":"P"}
{"type":"LOCATION","from":"C","to":"P2","synthetic":true}
{"type":"MEMBERSHIP","from":"C","to":"L"}
{"type":"Project","id":"J","name":"项目"}
{"type":"Project","id":"J2","name":"示例项目"}
{"type":"OUTPUT","from":"J","to":"R"}
{"type":"OUTPUT","from":"J2","to":"R","synthetic":true}
{"type":"Intermediary","id":"M","name":"科技大市场","kind":"TECHNOLOGY_MARKET"}
{"type":"Person","id":"W","name":"特派员","roles":["TECH_COMMISSIONER"]}
{"type":"SERVICE","from":"M","to":"C","kind":"BROKERAGE"}
{"type":"SERVICE","from":"W","to":"C","kind":"TECH_COMMISSIONER","synthetic":true}
`

// TestFactsOnly asks every path, network and hub query of evidenceGraph
// with and without factsOnly: the answers differ by exactly the
// illustrative links and nodes; the nodes a query names are kept.
func TestFactsOnly(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(evidenceGraph)
	for _, facts := range []bool{false, true} {
		pick := func(all, factual string) string {
			if facts {
				return factual
			}
			return all
		}
		var chains chainAnswer
		a.OK("", `query($f: Boolean) { chain(from: "A", to: "C", maxHops: 2, factsOnly: $f) { exhausted chains { start { id } steps { node { id } } } } }`,
			map[string]any{"f": facts}, &chains)
		if got, want := strings.Join(chains.ids(), " "), pick("A-C A-B-C A-R-C A-X-C", "A-B-C A-R-C"); got != want || !chains.Chain.Exhausted {
			t.Errorf("factsOnly %v: chains %q, want %q (exhausted)", facts, got, want)
		}
		// An illustrative end is kept: the query names it.
		a.OK("", `query($f: Boolean) { chain(from: "X", to: "C", maxHops: 1, factsOnly: $f) { chains { start { id } steps { node { id } } } } }`,
			map[string]any{"f": facts}, &chains)
		if got := strings.Join(chains.ids(), " "); got != "X-C" {
			t.Errorf("factsOnly %v: chains from the illustrative X %q, want X-C", facts, got)
		}

		for _, tc := range []struct {
			depth               int
			nodes, edges        string
			factNodes, factEdge string
		}{
			{1, "A B C R X", "A>B A>C A>R A>X B>C B>R R>B R>C X>C X>R", "A B R", "A>B A>R"},
			{2, "A B C R X J J2 L M P P2 R2 W", "", "A B R C J R2", "A>B A>R B>C B>R2 J>R R>C"},
		} {
			var net networkAnswer
			a.OK("", `query($d: Int, $f: Boolean) { network(id: "A", depth: $d, factsOnly: $f) { nodes { distance node { id } } edges { kind fromId toId } } }`,
				map[string]any{"d": tc.depth, "f": facts}, &net)
			nodes, edges := net.nodes(), sortedWords(net.edges())
			if want := pick(tc.nodes, tc.factNodes); sortedWords(nodes) != sortedWords(want) {
				t.Errorf("factsOnly %v depth %d: nodes %q, want %q", facts, tc.depth, nodes, want)
			}
			if want := pick(tc.edges, tc.factEdge); want != "" && edges != want {
				t.Errorf("factsOnly %v depth %d: edges %q, want %q", facts, tc.depth, edges, want)
			}
		}

		var trail struct {
			ResultTrail struct {
				Developers []struct{ Developer struct{ ID string } }
				Projects   []struct{ Project struct{ ID string } }
				Transfers  []struct {
					Transfer struct{ Enterprise struct{ ID string } }
					Parks    []struct{ Park struct{ ID string } }
				}
			}
		}
		a.OK("", `query($f: Boolean) { resultTrail(id: "R", factsOnly: $f) { developers { developer { id } } projects { project { id } }
			transfers { transfer { enterprise { id } } parks { park { id } } } } }`, map[string]any{"f": facts}, &trail)
		var got []string
		for _, d := range trail.ResultTrail.Developers {
			got = append(got, "dev:"+d.Developer.ID)
		}
		for _, p := range trail.ResultTrail.Projects {
			got = append(got, "prj:"+p.Project.ID)
		}
		for _, tr := range trail.ResultTrail.Transfers {
			got = append(got, "to:"+tr.Transfer.Enterprise.ID)
			for _, p := range tr.Parks {
				got = append(got, "park:"+p.Park.ID)
			}
		}
		if got, want := strings.Join(got, " "), pick("dev:A dev:B dev:X prj:J prj:J2 to:C park:P park:P2 to:B", "dev:A prj:J to:C park:P"); got != want {
			t.Errorf("factsOnly %v: R's trail %q, want %q", facts, got, want)
		}

		var sources struct {
			TechnologySources struct {
				Services []struct{ Provider struct{ ID string } }
				Sources  []struct {
					Transfer   struct{ Result struct{ ID string } }
					Developers []struct{ Developer struct{ ID string } }
				}
			}
		}
		a.OK("", `query($f: Boolean) { technologySources(enterpriseId: "C", factsOnly: $f) { services { provider { id } } sources { transfer { result { id } } developers { developer { id } } } } }`,
			map[string]any{"f": facts}, &sources)
		got = nil
		for _, s := range sources.TechnologySources.Sources {
			got = append(got, "from:"+s.Transfer.Result.ID)
			for _, d := range s.Developers {
				got = append(got, "dev:"+d.Developer.ID)
			}
		}
		for _, v := range sources.TechnologySources.Services {
			got = append(got, "by:"+v.Provider.ID)
		}
		if got, want := strings.Join(got, " "), pick("from:R dev:A dev:B dev:X from:R2 dev:B by:M by:W", "from:R dev:A by:M"); got != want {
			t.Errorf("factsOnly %v: C's sources %q, want %q", facts, got, want)
		}

		var hubs struct {
			Hubs struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Node  struct{ ID string }
						Total int
					}
				}
			}
		}
		a.OK("", `query($f: Boolean) { hubs(kind: ENTERPRISE, factsOnly: $f) { totalCount edges { node { node { id } total } } } }`,
			map[string]any{"f": facts}, &hubs)
		got = nil
		for _, e := range hubs.Hubs.Edges {
			got = append(got, e.Node.Node.ID+":"+strconv.Itoa(e.Node.Total))
		}
		// C: B, R, P, L, M in fact, and A (syn), X (an illustrative node), R2, P2, W (syn).
		if got, want := strings.Join(got, " "), pick("C:10 B:5 A:4 X:3", "C:5 B:3 A:2"); got != want || hubs.Hubs.TotalCount != len(strings.Fields(want)) {
			t.Errorf("factsOnly %v: hubs %q (total %d), want %q", facts, got, hubs.Hubs.TotalCount, want)
		}
	}
}

// TestFactsOnlyHubCursor: a cursor of the hubs on facts only belongs to
// that ranking, not to the one counting illustrations.
func TestFactsOnlyHubCursor(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(evidenceGraph)
	var page struct {
		Hubs struct{ PageInfo struct{ EndCursor string } }
	}
	a.OK("", `{ hubs(kind: ENTERPRISE, first: 1, factsOnly: true) { pageInfo { endCursor } } }`, nil, &page)
	a.Fails("", `query($after: String) { hubs(kind: ENTERPRISE, after: $after) { totalCount } }`,
		map[string]any{"after": page.Hubs.PageInfo.EndCursor}, "BAD_USER_INPUT", "after")
}

func sortedWords(s string) string {
	w := strings.Fields(s)
	slices.Sort(w)
	return strings.Join(w, " ")
}

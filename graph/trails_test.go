package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
)

func TestResultTrail(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(chainGraph)
	var out struct {
		ResultTrail struct {
			Result     struct{ ID string }
			Developers []struct {
				Role      string
				Developer struct{ ID string }
			}
			Transfers []struct {
				Transfer struct {
					Mode       string
					Year       int
					Value      float64
					Enterprise struct{ ID string }
				}
				Parks     []struct{ Park struct{ ID string } }
				Alliances []struct {
					Role     string
					Alliance struct{ ID string }
				}
			}
		}
	}
	query := `query($id: ID!) { resultTrail(id: $id) { result { id }
		developers { role developer { id } }
		transfers { transfer { mode year value enterprise { id } } parks { park { id } } alliances { role alliance { id } } } } }`
	a.OK("", query, map[string]any{"id": "R2"}, &out)
	trail := out.ResultTrail
	if trail.Result.ID != "R2" || len(trail.Developers) != 1 || trail.Developers[0].Developer.ID != "U" {
		t.Errorf("developers: %+v", trail)
	}
	if len(trail.Transfers) != 1 {
		t.Fatalf("transfers: %+v", trail.Transfers)
	}
	tr := trail.Transfers[0]
	if tr.Transfer.Mode != "LICENCE" || tr.Transfer.Year != 2021 || tr.Transfer.Value != 50 || tr.Transfer.Enterprise.ID != "B" ||
		len(tr.Parks) != 1 || tr.Parks[0].Park.ID != "P" || len(tr.Alliances) != 1 || tr.Alliances[0].Alliance.ID != "L2" || tr.Alliances[0].Role != "CHAIR" {
		t.Errorf("transfer to B, in P and L2: %+v", tr)
	}

	// A result with two developers and no transfer: an empty trail, not an error.
	a.OK("", query, map[string]any{"id": "R"}, &out)
	if len(out.ResultTrail.Developers) != 2 || out.ResultTrail.Developers[0].Role != "LEAD" || len(out.ResultTrail.Transfers) != 0 {
		t.Errorf("untransferred result: %+v", out.ResultTrail)
	}
	a.Fails("", query, map[string]any{"id": "A"}, "NOT_FOUND", "id") // an enterprise is not a result
	a.Fails("", query, map[string]any{"id": "nothing"}, "NOT_FOUND", "id")
}

func TestTechnologySources(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(chainGraph)
	var out struct {
		TechnologySources struct {
			Enterprise struct{ ID string }
			Sources    []struct {
				Transfer struct {
					Mode   string
					Result struct{ ID string }
				}
				Developers []struct {
					Developer struct {
						Typename string `json:"__typename"`
						ID       string
						Kind     string
					}
				}
			}
		}
	}
	query := `query($id: ID!) { technologySources(enterpriseId: $id) { enterprise { id }
		sources { transfer { mode result { id } } developers { developer { __typename id ... on University { kind } } } } } }`
	a.OK("", query, map[string]any{"id": "B"}, &out)
	src := out.TechnologySources
	if src.Enterprise.ID != "B" || len(src.Sources) != 1 || src.Sources[0].Transfer.Result.ID != "R2" ||
		len(src.Sources[0].Developers) != 1 || src.Sources[0].Developers[0].Developer.Typename != "University" ||
		src.Sources[0].Developers[0].Developer.Kind != "UNIVERSITY" {
		t.Errorf("B's technology from U: %+v", src)
	}
	a.OK("", query, map[string]any{"id": "D"}, &out)
	if len(out.TechnologySources.Sources) != 0 {
		t.Errorf("D acquired nothing: %+v", out.TechnologySources)
	}
	a.Fails("", query, map[string]any{"id": "U"}, "NOT_FOUND", "enterpriseId")
}

func TestSuggestPartners(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(chainGraph)
	type reason struct {
		Kind   string
		Weight float64
		Via    *struct{ ID string }
		Field  *string
		Chain  *struct {
			Steps []struct{ Node struct{ ID string } }
		}
	}
	var out struct {
		SuggestPartners []struct {
			Node    struct{ ID string }
			Score   float64
			Reasons []reason
		}
	}
	query := `query($id: ID!, $kinds: [NodeKind!]) { suggestPartners(id: $id, kinds: $kinds) {
		node { id } score reasons { kind weight via { id } field chain { steps { node { id } } } } } }`
	a.OK("", query, map[string]any{"id": "A"}, &out)
	got := out.SuggestPartners
	// U: shared alliance L (3), partner of partner B (2, halved: A–B ended in 2012), field 育种 (1).
	// B, L, R are A's direct neighbours; C developed R with A; V shares nothing with A.
	if len(got) != 1 || got[0].Node.ID != "U" || got[0].Score != 5 {
		t.Fatalf("suggestions: %+v", got)
	}
	want := []reason{{Kind: "SHARED_ALLIANCE", Weight: 3}, {Kind: "PARTNER_OF_PARTNER", Weight: 1}, {Kind: "SAME_FIELD", Weight: 1}}
	if len(got[0].Reasons) != len(want) {
		t.Fatalf("reasons for U: %+v", got[0].Reasons)
	}
	for i, r := range got[0].Reasons {
		if r.Kind != want[i].Kind || r.Weight != want[i].Weight {
			t.Errorf("reason %d: %+v, want %+v", i, r, want[i])
		}
	}
	if r := got[0].Reasons[0]; r.Via == nil || r.Via.ID != "L" || r.Chain == nil || len(r.Chain.Steps) != 2 || r.Chain.Steps[1].Node.ID != "U" {
		t.Errorf("shared alliance chain: %+v", r)
	}
	if r := got[0].Reasons[2]; r.Field == nil || *r.Field != "育种" || r.Via != nil || r.Chain != nil {
		t.Errorf("same field: %+v", r)
	}
	a.OK("", query, map[string]any{"id": "A", "kinds": []string{"UNIVERSITY"}}, &out)
	if len(out.SuggestPartners) != 1 || out.SuggestPartners[0].Node.ID != "U" {
		t.Errorf("universities only: %+v", out.SuggestPartners)
	}
	a.OK("", query, map[string]any{"id": "A", "kinds": []string{"ENTERPRISE"}}, &out)
	if len(out.SuggestPartners) != 0 {
		t.Errorf("enterprises only (C developed R with A): %+v", out.SuggestPartners)
	}
	a.OK("", query, map[string]any{"id": "D"}, &out)
	if len(out.SuggestPartners) != 0 {
		t.Errorf("nothing to suggest to D: %+v", out.SuggestPartners)
	}
	a.Fails("", query, map[string]any{"id": "nobody"}, "NOT_FOUND", "id")
}

// TestPartnerReasonsCapped: a partner sharing twelve alliances and three
// parks lists its ten heaviest reasons and says there are more; its score
// counts them all.
func TestPartnerReasonsCapped(t *testing.T) {
	a := apitest.New(t)
	var g strings.Builder
	for _, e := range []string{"S", "T", "W"} {
		fmt.Fprintf(&g, `{"type":"Enterprise","id":"%s","name":"企业%s"}`+"\n", e, e)
	}
	fmt.Fprintf(&g, `{"type":"MEMBERSHIP","from":"W","to":"A01"}`+"\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&g, `{"type":"Alliance","id":"A%02d","name":"联盟%d"}`+"\n", i, i)
		fmt.Fprintf(&g, `{"type":"MEMBERSHIP","from":"S","to":"A%02d"}`+"\n"+`{"type":"MEMBERSHIP","from":"T","to":"A%02d"}`+"\n", i, i)
	}
	for i := 1; i <= 3; i++ {
		fmt.Fprintf(&g, `{"type":"Park","id":"P%d","name":"园区%d","kind":"INCUBATOR"}`+"\n", i, i)
		fmt.Fprintf(&g, `{"type":"LOCATION","from":"S","to":"P%d"}`+"\n"+`{"type":"LOCATION","from":"T","to":"P%d"}`+"\n", i, i)
	}
	a.LoadGraph(g.String())
	var out struct {
		SuggestPartners []struct {
			Node      struct{ ID string }
			Score     float64
			Reasons   []struct{ Via struct{ ID string } }
			Truncated bool
		}
	}
	a.OK("", `{ suggestPartners(id: "S") { node { id } score reasons { via { id } } truncated } }`, nil, &out)
	got := out.SuggestPartners
	if len(got) != 2 || got[0].Node.ID != "T" || got[0].Score != 12*3+3*2 || !got[0].Truncated || len(got[0].Reasons) != 10 {
		t.Fatalf("T shares 12 alliances and 3 parks with S (score 42, 10 of 15 reasons, truncated): %+v", got)
	}
	for i, r := range got[0].Reasons {
		if want := fmt.Sprintf("A%02d", i+1); r.Via.ID != want {
			t.Errorf("reason %d via %s, want %s: the alliances (3 each) come before the parks (2)", i, r.Via.ID, want)
		}
	}
	if w := got[1]; w.Node.ID != "W" || w.Score != 3 || w.Truncated || len(w.Reasons) != 1 {
		t.Errorf("W shares one alliance: %+v", w)
	}
}

func TestHubs(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(chainGraph)
	type hubAnswer struct {
		Node   struct{ ID string }
		Total  int
		ByKind []struct {
			Kind  string
			Count int
		}
	}
	var out struct {
		Hubs struct {
			TotalCount int
			Edges      []struct{ Node hubAnswer }
		}
	}
	hub := func(i int) hubAnswer { return out.Hubs.Edges[i].Node }
	a.OK("", `{ hubs(kind: ENTERPRISE, relationships: [COLLABORATION, MEMBERSHIP]) { totalCount edges { node { node { id } total byKind { kind count } } } } }`, nil, &out)
	if len(out.Hubs.Edges) != 4 || out.Hubs.TotalCount != 4 || hub(0).Node.ID != "B" || hub(0).Total != 3 ||
		hub(0).ByKind[0].Kind != "COLLABORATION" || hub(0).ByKind[0].Count != 2 || hub(0).ByKind[1].Count != 1 {
		t.Fatalf("enterprise hubs: %+v", out.Hubs)
	}
	if hub(1).Node.ID != "A" || hub(1).Total != 2 || hub(2).Node.ID != "C" || hub(3).Total != 0 {
		t.Errorf("ranking, ties by id: %+v", out.Hubs)
	}
	a.OK("", `{ hubs(kind: ALLIANCE, first: 1) { edges { node { node { id } total } } } }`, nil, &out)
	if len(out.Hubs.Edges) != 1 || hub(0).Node.ID != "L" || hub(0).Total != 2 {
		t.Errorf("alliance hub: %+v", out.Hubs)
	}
	a.OK("", `{ hubs(kind: RESULT, industry: "育种") { totalCount edges { node { node { id } total } } } }`, nil, &out)
	if len(out.Hubs.Edges) != 2 || out.Hubs.TotalCount != 2 {
		t.Errorf("results in 育种: %+v", out.Hubs)
	}
	a.OK("", `{ hubs(kind: ENTERPRISE, region: "宁夏") { totalCount edges { node { node { id } } } } }`, nil, &out)
	if len(out.Hubs.Edges) != 0 || out.Hubs.TotalCount != 0 {
		t.Errorf("no enterprise in 宁夏: %+v", out.Hubs)
	}
}

// TestTrailsAreCapped: `first` caps a trail's and a source list's lists, and
// `truncated` says whether it cut one.
func TestTrailsAreCapped(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(chainGraph)
	var trail struct {
		ResultTrail struct {
			Developers []struct{ Role string }
			Transfers  []struct{ Truncated bool }
			Truncated  bool
		}
	}
	const trailQuery = `query($id: ID!, $first: Int) { resultTrail(id: $id, first: $first) {
		developers { role } transfers { truncated } truncated } }`
	a.OK("", trailQuery, map[string]any{"id": "R", "first": 1}, &trail)
	if got := trail.ResultTrail; len(got.Developers) != 1 || got.Developers[0].Role != "LEAD" || !got.Truncated {
		t.Errorf("R's trail cut to its lead developer: %+v", got)
	}
	a.OK("", trailQuery, map[string]any{"id": "R", "first": 2}, &trail)
	if got := trail.ResultTrail; len(got.Developers) != 2 || got.Truncated {
		t.Errorf("R's whole trail: %+v", got)
	}
	a.OK("", trailQuery, map[string]any{"id": "R2", "first": 1}, &trail)
	if got := trail.ResultTrail; len(got.Transfers) != 1 || got.Transfers[0].Truncated || got.Truncated {
		t.Errorf("R2's trail (one transfer to B, in one park and one alliance): %+v", got)
	}
	a.Fails("", trailQuery, map[string]any{"id": "R", "first": 0}, "BAD_USER_INPUT", "first")

	var sources struct {
		TechnologySources struct {
			Sources   []struct{ Truncated bool }
			Truncated bool
		}
	}
	const sourcesQuery = `query($id: ID!, $first: Int) { technologySources(enterpriseId: $id, first: $first) {
		sources { truncated } truncated } }`
	a.OK("", sourcesQuery, map[string]any{"id": "B", "first": 1}, &sources)
	if got := sources.TechnologySources; len(got.Sources) != 1 || got.Sources[0].Truncated || got.Truncated {
		t.Errorf("B's one source with one developer: %+v", got)
	}
	a.Fails("", sourcesQuery, map[string]any{"id": "B", "first": 0}, "BAD_USER_INPUT", "first")
}

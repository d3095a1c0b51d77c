package graph_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
)

// tieGraph: S and the organisations T1…T7 are members of alliance L, so
// each would be suggested to S for the alliance, but most are already
// tied to S in one way:
//
//	T1  collaborates with S                                  tied (a relationship)
//	T2  developed R1 with S                                  tied (a result developed together)
//	T3  acquired R2, which S developed                       tied (a transfer between them)
//	T4  developed R3, which S acquired                       tied (a transfer the other way)
//	T5  acquired R4, as S did; nobody developed it           not tied: two acquirers
//	T6  its membership of L is illustrative                  not tied; the reason is illustrative
//	T7  developed R5 with S, illustratively                  tied, unless facts only
//	T8  outside L; developed R7 in S's field 育种, illustratively: an illustrative SAME_FIELD
const tieGraph = `
{"type":"Enterprise","id":"S","name":"甲"}
{"type":"Alliance","id":"L","name":"联盟"}
{"type":"Enterprise","id":"T1","name":"乙一"}
{"type":"University","id":"T2","name":"乙二","kind":"RESEARCH_INSTITUTE"}
{"type":"Enterprise","id":"T3","name":"乙三"}
{"type":"University","id":"T4","name":"乙四","kind":"UNIVERSITY"}
{"type":"Enterprise","id":"T5","name":"乙五"}
{"type":"Enterprise","id":"T6","name":"乙六"}
{"type":"Enterprise","id":"T7","name":"乙七"}
{"type":"Enterprise","id":"T8","name":"乙八"}
{"type":"Result","id":"R1","name":"成果一","kind":"PATENT"}
{"type":"Result","id":"R2","name":"成果二","kind":"PATENT"}
{"type":"Result","id":"R3","name":"成果三","kind":"PATENT"}
{"type":"Result","id":"R4","name":"成果四","kind":"PATENT"}
{"type":"Result","id":"R5","name":"成果五","kind":"PATENT"}
{"type":"Result","id":"R6","name":"成果六","kind":"PLANT_VARIETY","field":"育种"}
{"type":"Result","id":"R7","name":"成果七","kind":"PLANT_VARIETY","field":"育种"}
{"type":"MEMBERSHIP","from":"S","to":"L"}
{"type":"MEMBERSHIP","from":"T1","to":"L"}
{"type":"MEMBERSHIP","from":"T2","to":"L"}
{"type":"MEMBERSHIP","from":"T3","to":"L"}
{"type":"MEMBERSHIP","from":"T4","to":"L"}
{"type":"MEMBERSHIP","from":"T5","to":"L"}
{"type":"MEMBERSHIP","from":"T6","to":"L","synthetic":true}
{"type":"MEMBERSHIP","from":"T7","to":"L"}
{"type":"COLLABORATION","from":"S","to":"T1","kind":"JOINT_LAB"}
{"type":"DEVELOPMENT","from":"S","to":"R1"}
{"type":"DEVELOPMENT","from":"T2","to":"R1","role":"PARTICIPANT"}
{"type":"DEVELOPMENT","from":"S","to":"R2"}
{"type":"TRANSFER","from":"R2","to":"T3","mode":"LICENCE"}
{"type":"DEVELOPMENT","from":"T4","to":"R3"}
{"type":"TRANSFER","from":"R3","to":"S","mode":"ASSIGNMENT"}
{"type":"TRANSFER","from":"R4","to":"S","mode":"LICENCE"}
{"type":"TRANSFER","from":"R4","to":"T5","mode":"LICENCE"}
{"type":"DEVELOPMENT","from":"S","to":"R5"}
{"type":"DEVELOPMENT","from":"T7","to":"R5","role":"PARTICIPANT","synthetic":true}
{"type":"DEVELOPMENT","from":"S","to":"R6"}
{"type":"DEVELOPMENT","from":"T8","to":"R7","synthetic":true}
`

type partnerAnswer struct {
	SuggestPartners []struct {
		Node    struct{ ID string }
		Score   float64
		Reasons []struct {
			Kind         string
			Illustrative bool
		}
	}
}

// String renders each suggestion as id:score:kind/illustrative…, in order.
func (p partnerAnswer) String() string {
	var out []string
	for _, s := range p.SuggestPartners {
		item := fmt.Sprintf("%s:%g", s.Node.ID, s.Score)
		for _, r := range s.Reasons {
			item += fmt.Sprintf(":%s/%v", r.Kind, r.Illustrative)
		}
		out = append(out, item)
	}
	return strings.Join(out, " ")
}

const partnersQuery = `query($id: ID!, $factsOnly: Boolean) { suggestPartners(id: $id, factsOnly: $factsOnly) {
	node { id } score reasons { kind illustrative } } }`

// TestSuggestPartnersExcludesTies: no organisation already tied to the
// node is suggested, by a relationship, a result developed together or a
// transfer either way; each reason says whether it is illustrative; facts
// only drops illustrative reasons and ties alike.
func TestSuggestPartnersExcludesTies(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(tieGraph)
	for _, tc := range []struct {
		factsOnly bool
		want      string
	}{
		{false, "T5:3:SHARED_ALLIANCE/false T6:3:SHARED_ALLIANCE/true T8:1:SAME_FIELD/true"},
		{true, "T5:3:SHARED_ALLIANCE/false T7:3:SHARED_ALLIANCE/false"},
	} {
		var out partnerAnswer
		a.OK("", partnersQuery, map[string]any{"id": "S", "factsOnly": tc.factsOnly}, &out)
		if got := out.String(); got != tc.want {
			t.Errorf("factsOnly %v:\n got %s\nwant %s", tc.factsOnly, got, tc.want)
		}
	}
	// The ties hold both ways: S is not suggested to those tied to it.
	for _, id := range []string{"T1", "T2", "T3", "T4", "T7"} {
		var out partnerAnswer
		a.OK("", partnersQuery, map[string]any{"id": id}, &out)
		if strings.Contains(out.String(), "S:") {
			t.Errorf("S suggested to %s, which is tied to it: %s", id, out)
		}
	}
}

// TestSuggestPartnersSampleTies: the two suggestions of the sample graph
// that named partners the node already had (issue 14).
func TestSuggestPartnersSampleTies(t *testing.T) {
	a := apitest.New(t)
	a.LoadSample()
	for _, tc := range []struct{ id, tied, how string }{
		{"ent-kehe-seed", "uni-caas-grassland", "co-developed 科河8号"},
		{"ent-menglong", "ent-futian", "licensed 富田's seeder"},
		{"uni-caas-grassland", "ent-kehe-seed", "co-developed 科河8号"},
		{"ent-futian", "ent-menglong", "licensed 富田's seeder"},
	} {
		var out struct {
			SuggestPartners []struct{ Node struct{ ID string } }
		}
		a.OK("", `query($id: ID!) { suggestPartners(id: $id, first: 50) { node { id } } }`, map[string]any{"id": tc.id}, &out)
		if slices.ContainsFunc(out.SuggestPartners, func(s struct{ Node struct{ ID string } }) bool { return s.Node.ID == tc.tied }) {
			t.Errorf("%s is offered %s, which it already %s: %+v", tc.id, tc.tied, tc.how, out.SuggestPartners)
		}
	}
}

// sharedActorsGraph: S shares a project with P1, a person with P2 (X works for S
// and serves P2) and an intermediary with P3, illustratively (I's service
// to P3 is synthetic). The person and the intermediary are never
// suggested themselves: candidates are organisations.
const sharedActorsGraph = `
{"type":"Enterprise","id":"S","name":"甲"}
{"type":"Enterprise","id":"P1","name":"乙一"}
{"type":"University","id":"P2","name":"乙二","kind":"UNIVERSITY"}
{"type":"Enterprise","id":"P3","name":"乙三"}
{"type":"Project","id":"J","name":"知识产权托管工程"}
{"type":"Person","id":"X","name":"专家","roles":["EXPERT"]}
{"type":"Intermediary","id":"I","name":"科技大市场","kind":"TECHNOLOGY_MARKET"}
{"type":"PARTICIPATION","from":"S","to":"J","role":"PARTICIPANT"}
{"type":"PARTICIPATION","from":"P1","to":"J","role":"PARTICIPANT"}
{"type":"AFFILIATION","from":"X","to":"S","role":"首席专家"}
{"type":"SERVICE","from":"X","to":"P2","kind":"TECH_COMMISSIONER"}
{"type":"SERVICE","from":"I","to":"S","kind":"TECHNICAL_SERVICE"}
{"type":"SERVICE","from":"I","to":"P3","kind":"BROKERAGE","synthetic":true}
`

// TestSuggestPartnersThroughActors: a shared project, expert or
// intermediary is a reason with its weight and its chain through the
// shared node; facts only drops the illustrative one.
func TestSuggestPartnersThroughActors(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(sharedActorsGraph)
	for _, tc := range []struct {
		factsOnly bool
		want      string
	}{
		{false, "P1:3:SHARED_PROJECT/false P2:2:SHARED_EXPERT/false P3:1:SHARED_INTERMEDIARY/true"},
		{true, "P1:3:SHARED_PROJECT/false P2:2:SHARED_EXPERT/false"},
	} {
		var out partnerAnswer
		a.OK("", partnersQuery, map[string]any{"id": "S", "factsOnly": tc.factsOnly}, &out)
		if got := out.String(); got != tc.want {
			t.Errorf("factsOnly %v:\n got %s\nwant %s", tc.factsOnly, got, tc.want)
		}
	}
	var out struct {
		SuggestPartners []struct {
			Reasons []struct {
				Via   struct{ ID string }
				Chain struct {
					Steps []struct {
						Kind, Direction string
						Node            struct{ ID string }
					}
				}
			}
		}
	}
	a.OK("", `{ suggestPartners(id: "S", first: 2) { reasons { via { id } chain { steps { kind direction node { id } } } } } }`, nil, &out)
	var got []string
	for _, s := range out.SuggestPartners {
		for _, r := range s.Reasons {
			path := r.Via.ID + ":"
			for _, st := range r.Chain.Steps {
				path += fmt.Sprintf(" %s %s %s", st.Kind, st.Direction, st.Node.ID)
			}
			got = append(got, path)
		}
	}
	if want := []string{"J: PARTICIPATION FORWARD J PARTICIPATION BACKWARD P1", "X: AFFILIATION BACKWARD X SERVICE FORWARD P2"}; !slices.Equal(got, want) {
		t.Errorf("reasons' chains:\n got %q\nwant %q", got, want)
	}
}

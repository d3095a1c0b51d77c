package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
)

type chainAnswer struct {
	Chain struct {
		Chains []struct {
			Length int
			Start  struct{ ID string }
			Steps  []struct {
				Kind, Direction string
				Node            struct {
					Typename string `json:"__typename"`
					ID       string
				}
				Relationship map[string]any
			}
		}
		Exhausted, Truncated bool
		MaxHops              int
		SkippedHubs          []struct{ ID string }
	}
}

// ids renders each chain as its node ids joined by dashes.
func (c chainAnswer) ids() []string {
	var out []string
	for _, ch := range c.Chain.Chains {
		ids := []string{ch.Start.ID}
		for _, s := range ch.Steps {
			ids = append(ids, s.Node.ID)
		}
		out = append(out, strings.Join(ids, "-"))
	}
	return out
}

const chainQuery = `query($from: ID!, $to: ID!, $maxHops: Int, $rels: [RelationKind!], $since: Int, $until: Int, $first: Int, $maxDegree: Int) {
	chain(from: $from, to: $to, maxHops: $maxHops, relationships: $rels, since: $since, until: $until, first: $first, maxDegree: $maxDegree) {
		exhausted truncated maxHops skippedHubs { id }
		chains { length start { id } steps { kind direction node { __typename id }
			relationship { __typename
				... on Membership { memberRole: role since }
				... on Collaboration { kind since until }
				... on Development { developmentRole: role year }
				... on Transfer { mode year value } } } } } }`

func TestChain(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(chainGraph)
	for _, tc := range []struct {
		name      string
		vars      map[string]any
		want      []string
		exhausted bool
	}{
		{"ShortestFirstTiesByID", map[string]any{"from": "A", "to": "U"},
			[]string{"A-B-U", "A-L-U", "A-B-R2-U", "A-R-C-V-U"}, true},
		{"MaxHopsBoundsLength", map[string]any{"from": "A", "to": "U", "maxHops": 2}, []string{"A-B-U", "A-L-U"}, true},
		{"FirstCutsTheList", map[string]any{"from": "A", "to": "U", "first": 3}, []string{"A-B-U", "A-L-U", "A-B-R2-U"}, false},
		{"KindFilterRemovesChains", map[string]any{"from": "A", "to": "U", "rels": []string{"MEMBERSHIP"}}, []string{"A-L-U"}, true},
		{"YearWindowDropsOldCollaboration", map[string]any{"from": "A", "to": "U", "since": 2014}, []string{"A-L-U", "A-R-C-V-U"}, true},
		{"UntilDropsLaterRelationships", map[string]any{"from": "A", "to": "U", "until": 2016}, []string{"A-L-U"}, true},
		{"WindowBeforeEveryLink", map[string]any{"from": "A", "to": "U", "until": 2015}, nil, true},
		{"ReverseReadingOrder", map[string]any{"from": "U", "to": "A", "maxHops": 2}, []string{"U-B-A", "U-L-A"}, true},
		{"NoChain", map[string]any{"from": "A", "to": "D"}, nil, true},
		{"NoChainWithinHops", map[string]any{"from": "A", "to": "V", "maxHops": 2}, nil, true},
		{"SameNode", map[string]any{"from": "A", "to": "A"}, []string{"A"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out chainAnswer
			a.OK("", chainQuery, tc.vars, &out)
			if got := out.ids(); strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("chains %v, want %v", got, tc.want)
			}
			if out.Chain.Exhausted != tc.exhausted || out.Chain.Truncated == tc.exhausted {
				t.Errorf("exhausted %v truncated %v, want exhausted %v", out.Chain.Exhausted, out.Chain.Truncated, tc.exhausted)
			}
			for _, c := range out.Chain.Chains {
				if c.Length != len(c.Steps) {
					t.Errorf("length %d with %d steps", c.Length, len(c.Steps))
				}
			}
		})
	}
}

// TestChainSteps checks what a frontend renders: kinds, directions relative
// to the reading order, typed nodes and the relationships' properties.
func TestChainSteps(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(chainGraph)
	var out chainAnswer
	a.OK("", chainQuery, map[string]any{"from": "A", "to": "U", "rels": []string{"MEMBERSHIP"}}, &out)
	steps := out.Chain.Chains[0].Steps
	if steps[0].Kind != "MEMBERSHIP" || steps[0].Direction != "FORWARD" || steps[0].Node.Typename != "Alliance" ||
		steps[0].Relationship["__typename"] != "Membership" || steps[0].Relationship["since"] != 2015.0 {
		t.Errorf("A→L: %+v", steps[0])
	}
	if steps[1].Direction != "BACKWARD" || steps[1].Node.Typename != "University" || steps[1].Relationship["since"] != 2016.0 {
		t.Errorf("L←U: %+v", steps[1])
	}
	a.OK("", chainQuery, map[string]any{"from": "U", "to": "B", "rels": []string{"DEVELOPMENT", "TRANSFER"}}, &out)
	steps = out.Chain.Chains[0].Steps
	if len(steps) != 2 || steps[0].Direction != "FORWARD" || steps[1].Kind != "TRANSFER" ||
		steps[1].Relationship["mode"] != "LICENCE" || steps[1].Relationship["value"] != 50.0 {
		t.Errorf("U→R2→B: %+v", steps)
	}
}

func TestChainHubCap(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(chainGraph + `
{"type":"Enterprise","id":"X1","name":"成员一"}
{"type":"Enterprise","id":"X2","name":"成员二"}
{"type":"Enterprise","id":"X3","name":"成员三"}
{"type":"Enterprise","id":"X4","name":"成员四"}
{"type":"MEMBERSHIP","from":"X1","to":"L"}
{"type":"MEMBERSHIP","from":"X2","to":"L"}
{"type":"MEMBERSHIP","from":"X3","to":"L"}
{"type":"MEMBERSHIP","from":"X4","to":"L"}`)
	// L now has 6 members, B 5 relationships: with a cap of 5 the chain
	// through L is skipped, the one through B is not, and the answer says so.
	var out chainAnswer
	a.OK("", chainQuery, map[string]any{"from": "A", "to": "U", "maxHops": 2, "maxDegree": 5}, &out)
	if got := out.ids(); strings.Join(got, " ") != "A-B-U" {
		t.Errorf("chains through a hub: %v", got)
	}
	if len(out.Chain.SkippedHubs) != 1 || out.Chain.SkippedHubs[0].ID != "L" {
		t.Errorf("skipped hubs %+v, want L", out.Chain.SkippedHubs)
	}
	a.OK("", chainQuery, map[string]any{"from": "A", "to": "U", "maxHops": 2, "maxDegree": 0}, &out)
	if len(out.ids()) != 2 || len(out.Chain.SkippedHubs) != 0 {
		t.Errorf("no cap: %v, skipped %+v", out.ids(), out.Chain.SkippedHubs)
	}
	// A hub may still be an end of the chain.
	a.OK("", chainQuery, map[string]any{"from": "A", "to": "L", "maxHops": 1, "maxDegree": 5}, &out)
	if got := out.ids(); strings.Join(got, " ") != "A-L" {
		t.Errorf("chain to a hub: %v", got)
	}
}

// TestChainSkippedHubsCapped: with a low maxDegree every neighbour of an
// end can be a hub; skippedHubs lists the 20 most connected and says that
// more were skipped.
func TestChainSkippedHubsCapped(t *testing.T) {
	a := apitest.New(t)
	var g strings.Builder
	g.WriteString(`{"type":"Enterprise","id":"A","name":"甲"}` + "\n" + `{"type":"University","id":"U","name":"大学","kind":"UNIVERSITY"}` + "\n" +
		`{"type":"Enterprise","id":"Z","name":"丙"}` + "\n" + `{"type":"COLLABORATION","from":"X25","to":"Z","kind":"JOINT_LAB"}` + "\n")
	for i := 1; i <= 25; i++ {
		fmt.Fprintf(&g, `{"type":"Enterprise","id":"X%02d","name":"伙伴%d"}`+"\n", i, i)
		fmt.Fprintf(&g, `{"type":"COLLABORATION","from":"A","to":"X%02d","kind":"JOINT_PROJECT"}`+"\n", i)
		fmt.Fprintf(&g, `{"type":"COLLABORATION","from":"X%02d","to":"U","kind":"JOINT_PROJECT"}`+"\n", i)
	}
	a.LoadGraph(g.String())
	const query = `query($maxDegree: Int) { chain(from: "A", to: "U", maxHops: 2, maxDegree: $maxDegree) {
		chains { length } skippedHubs { id } skippedHubsTruncated } }`
	type answer struct {
		Chain struct {
			Chains               []struct{ Length int }
			SkippedHubs          []struct{ ID string }
			SkippedHubsTruncated bool
		}
	}
	hubs := func(out answer) string {
		var ids []string
		for _, h := range out.Chain.SkippedHubs {
			ids = append(ids, h.ID)
		}
		return strings.Join(ids, " ")
	}
	// Cap 1: all 25 partners are hubs (X25 with 3 relationships first), no chain passes.
	var out answer
	a.OK("", query, map[string]any{"maxDegree": 1}, &out)
	want := "X25 X01 X02 X03 X04 X05 X06 X07 X08 X09 X10 X11 X12 X13 X14 X15 X16 X17 X18 X19"
	if hubs(out) != want || !out.Chain.SkippedHubsTruncated || len(out.Chain.Chains) != 0 {
		t.Errorf("cap 1: chains %v, hubs %q truncated %v\nwant hubs %q, truncated", out.Chain.Chains, hubs(out), out.Chain.SkippedHubsTruncated, want)
	}
	// Cap 2: only X25 is a hub; the chains through the others are found.
	a.OK("", query, map[string]any{"maxDegree": 2}, &out)
	if hubs(out) != "X25" || out.Chain.SkippedHubsTruncated || len(out.Chain.Chains) != 5 {
		t.Errorf("cap 2: %d chains, hubs %q truncated %v; want 5 chains, X25 alone", len(out.Chain.Chains), hubs(out), out.Chain.SkippedHubsTruncated)
	}
	// The flag asked alone is computed too.
	var flag struct {
		Chain struct{ SkippedHubsTruncated bool }
	}
	a.OK("", `{ chain(from: "A", to: "U", maxHops: 2, maxDegree: 1) { skippedHubsTruncated } }`, nil, &flag)
	if !flag.Chain.SkippedHubsTruncated {
		t.Error("skippedHubsTruncated asked alone is false")
	}
}

func TestChainErrors(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(chainGraph)
	a.Fails("", chainQuery, map[string]any{"from": "A", "to": "nobody"}, "NOT_FOUND", "to")
	a.Fails("", chainQuery, map[string]any{"from": "nobody", "to": "A"}, "NOT_FOUND", "from")
	a.Fails("", chainQuery, map[string]any{"from": "A", "to": "U", "maxHops": 7}, "BAD_USER_INPUT", "maxHops")
	a.Fails("", chainQuery, map[string]any{"from": "A", "to": "U", "first": 21}, "BAD_USER_INPUT", "first")
	a.Fails("", chainQuery, map[string]any{"from": "A", "to": "U", "since": 2020, "until": 2019}, "BAD_USER_INPUT", "until")
}

package importer

import (
	"strings"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/seed/data"
)

func TestParseStarterGraph(t *testing.T) {
	g, problems, err := Parse(strings.NewReader(string(data.Starter)))
	if err != nil || len(problems) > 0 {
		t.Fatalf("the starter graph must load cleanly: %v %v", err, problems)
	}
	nodes := 0
	for _, rows := range g.Nodes {
		for _, r := range rows {
			nodes++
			if r.Props["source"] == nil {
				t.Errorf("node %s has no source", r.ID)
			}
		}
	}
	for kind, rows := range g.Relations {
		for _, r := range rows {
			if r.Props["source"] == nil {
				t.Errorf("%s %s→%s has no source", kind, r.From, r.To)
			}
		}
	}
	if nodes < 15 || len(g.Relations[model.RelationKindMembership]) == 0 {
		t.Errorf("starter graph too small: %d nodes", nodes)
	}
}

func TestParseProblems(t *testing.T) {
	file := strings.Join([]string{
		`{"type":"Enterprise","id":"e1","name":"甲"}`,
		`{"type":"Alliance","id":"a1","name":"联盟"}`,
		`not json`,
		`{"type":"Spaceship","id":"s1"}`,
		`{"type":"Enterprise","id":"e2"}`,
		`{"type":"Park","id":"p1","name":"园","kind":"CASTLE"}`,
		`{"type":"MEMBERSHIP","from":"e1","to":"a1","role":"CHAIR"}`,
		`{"type":"MEMBERSHIP","from":"ghost","to":"a1"}`,
		`{"type":"MEMBERSHIP","from":"a1","to":"a1"}`,
		`{"type":"TRANSFER","from":"e1","to":"e1","mode":"LICENCE","year":1800}`,
		``,
	}, "\n")
	g, problems, err := Parse(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"3: not a JSON object",
		`4: type: unknown type "Spaceship"`,
		"5: name: is required",
		"6: kind: must be one of",
		`8: memberId: no node with id "ghost" in this file`,
		`9: memberId: "a1" is of type Alliance; expected Enterprise or University`,
		"10: year: year 1800 is outside",
	}
	if len(problems) != len(want) {
		t.Fatalf("got %d problems, want %d: %v", len(problems), len(want), problems)
	}
	for i, p := range problems {
		if !strings.HasPrefix(p.String(), want[i]) {
			t.Errorf("problem %d = %q, want prefix %q", i, p, want[i])
		}
	}
	if len(g.Nodes[model.NodeKindEnterprise]) != 1 || len(g.Relations[model.RelationKindMembership]) != 1 {
		t.Errorf("the good rows are kept: %+v", g)
	}
}

package importer

import (
	"strings"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/seed/data"
)

func TestParseStarterGraph(t *testing.T) {
	plan, problems, err := Parse(strings.NewReader(string(data.Starter)))
	if err != nil || len(problems) > 0 {
		t.Fatalf("the starter graph must load cleanly: %v %v", err, problems)
	}
	for _, n := range plan.Nodes {
		if n.Row.Props["source"] == nil {
			t.Errorf("node %s has no source", n.Row.ID)
		}
	}
	for _, r := range plan.Relations {
		if r.Row.Props["source"] == nil {
			t.Errorf("%s %s→%s has no source", r.Kind, r.Row.From, r.Row.To)
		}
	}
	if len(plan.Nodes) < 15 || len(plan.Relations) == 0 {
		t.Errorf("starter graph too small: %d nodes", len(plan.Nodes))
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
		`{"type":"Enterprise","id":"e1","name":"甲"}`,
		`{"type":"Enterprise","id":"e1","name":"乙"}`,
		`{"type":"MEMBERSHIP","from":"ghost","to":"a1"}`,
		`{"type":"MEMBERSHIP","from":"a1","to":"a1"}`,
		`{"type":"TRANSFER","from":"e1","to":"e1","mode":"LICENCE","year":1800}`,
		`{"type":"MEMBERSHIP","from":"e1","to":"a1","role":"CHAIR"}`,
		``,
	}, "\n")
	plan, problems, err := Parse(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"input:3: not a JSON object",
		`input:4: type: unknown type "Spaceship"`,
		"input:5: name: is required",
		"input:6: kind: must be one of",
		`input:9: id: "e1" is also at input:1 with other values`,
		`input:10: from: no node with id "ghost" in this load`,
		`input:11: from: "a1" is of type Alliance; expected Enterprise or University`,
		"input:12: year: year 1800 is outside",
	}
	if len(problems) != len(want) {
		t.Fatalf("got %d problems, want %d: %v", len(problems), len(want), problems)
	}
	for i, p := range problems {
		if !strings.HasPrefix(p.String(), want[i]) {
			t.Errorf("problem %d = %q, want prefix %q", i, p, want[i])
		}
	}
	if len(plan.Nodes) != 2 || len(plan.Relations) != 1 || plan.Relations[0].Kind != model.RelationKindMembership {
		t.Errorf("the good rows are kept once each: %+v", plan)
	}
}

package importer

import (
	"fmt"
	"sort"
	"strings"
)

// outcome renders problems in file order and a plan, to compare loads.
func outcome(plan *Plan, problems []Problem) string {
	problems = append([]Problem(nil), problems...)
	sort.SliceStable(problems, func(i, j int) bool { return less(problems[i].Pos, problems[j].Pos) })
	var b strings.Builder
	for _, p := range problems {
		fmt.Fprintf(&b, "problem %s relation=%v\n", p, p.Relation)
	}
	for _, n := range plan.Nodes {
		fmt.Fprintf(&b, "node %s %s %s %v\n", n.Pos, n.Kind, n.Row.ID, n.Row.Props)
	}
	for _, r := range plan.Relations {
		fmt.Fprintf(&b, "relation %s %s %s→%s %v\n", r.Pos, r.Kind, r.Row.From, r.Row.To, r.Row.Props)
	}
	return b.String()
}

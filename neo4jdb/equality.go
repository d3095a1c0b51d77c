package neo4jdb

import (
	"fmt"
	"slices"
	"strings"

	"github.com/innograph/innograph/graph/model"
)

// equalityIndexed are the properties of each kind that a list filters on
// by equality (graph/filters.go: industry, field, kind, level, status),
// each with a composite range index (property, name, id), so that a page
// filtered on one of them, by name, is a seek read in order that stops at
// the limit, as a region's is (equalityBranch).
var equalityIndexed = map[model.NodeKind][]string{
	model.NodeKindEnterprise:   {"industry"},
	model.NodeKindUniversity:   {"kind", "field"},
	model.NodeKindAlliance:     {"industry", "level"},
	model.NodeKindPark:         {"industry", "kind", "level"},
	model.NodeKindResult:       {"field", "kind"},
	model.NodeKindPerson:       {"field"},
	model.NodeKindIntermediary: {"kind", "level"},
	model.NodeKindProject:      {"level", "status"},
	model.NodeKindDemand:       {"status", "field"},
}

// equalityBranch is the lookup of q's nodes through the first of its
// equality conditions that has a composite index, all of them left as
// filters; false when none has.
func equalityBranch(q model.ListQuery) (lookupBranch, bool) {
	for _, c := range q.Where {
		if c.Op == model.OpEquals && slices.Contains(equalityIndexed[q.Kind], c.Prop) {
			l := label(q.Kind)
			// The equality itself is among the filters (whereClause), which
			// follow this WHERE: written twice, the count read the index twice.
			return lookupBranch{fmt.Sprintf("MATCH (n:%[1]s) USING INDEX SEEK n:%[1]s(%[2]s, name, id) WHERE n.name IS NOT NULL AND n.id IS NOT NULL",
				l, c.Prop), "n." + c.Prop}, true
		}
	}
	return lookupBranch{}, false
}

// equalityIndexStatements create equalityIndexed's composite indexes.
func equalityIndexStatements() []string {
	var out []string
	for kind, props := range equalityIndexed {
		l := label(kind)
		for _, p := range props {
			out = append(out, fmt.Sprintf("CREATE INDEX %s_%s_name IF NOT EXISTS FOR (n:%s) ON (n.%s, n.name, n.id)", strings.ToLower(l), strings.ToLower(p), l, p))
		}
	}
	slices.Sort(out)
	return out
}

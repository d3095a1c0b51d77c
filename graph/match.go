package graph

import (
	"slices"
	"strings"

	"github.com/innograph/innograph/graph/model"
)

// Bounds of matchDemand's shortlist, as suggestPartners'.
const (
	defaultMatches = 10
	maxMatches     = 50
)

func matchQuery(id string, kinds []model.NodeKind, unmatched *bool, first *int, factsOnly *bool) (model.MatchQuery, error) {
	var a argChecks
	a.id("id", id)
	q := model.MatchQuery{ID: id, Unmatched: unmatched != nil && *unmatched, FactsOnly: factsOnly != nil && *factsOnly}
	q.First = a.int("first", first, defaultMatches, 1, maxMatches)
	q.Kinds = a.kindsAmong("kinds", kinds, model.MatchKinds)
	return q, a.err
}

// kindsAmong checks that the node kinds asked for are among those allowed;
// none asked for means all of them.
func (a *argChecks) kindsAmong(arg string, kinds, allowed []model.NodeKind) []model.NodeKind {
	if len(kinds) == 0 {
		return allowed
	}
	for _, k := range kinds {
		if a.err == nil && !slices.Contains(allowed, k) {
			names := make([]string, len(allowed))
			for i, ok := range allowed {
				names[i] = string(ok)
			}
			a.err = model.Invalid(arg, "%s is not one of %s", k, strings.Join(names, ", "))
		}
	}
	return kinds
}

package graph

import (
	"context"
	"slices"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/innograph/innograph/graph/model"
)

// Bounds of the path and expansion queries. They keep every answer small
// enough to draw and every search inside the path timeout; docs/paths.md
// says why each is where it is.
const (
	defaultMaxHops   = 4
	maxMaxHops       = 6
	defaultChains    = 5
	maxChains        = 20
	defaultDepth     = 2
	maxDepth         = 3
	defaultMaxNodes  = 200
	maxMaxNodes      = 1000
	defaultMaxEdges  = 1000
	maxMaxEdges      = 5000
	defaultMaxDegree = 500
	maxMaxDegree     = 1_000_000
	defaultPartners  = 10
	maxPartners      = 50
	defaultHubs      = 10
	// recentYears is how far back a partner reason counts in full.
	recentYears = 10
)

// selected tells whether the client asked for any of the fields of the
// result, so that parts of an answer nobody reads are not computed.
func selected(ctx context.Context, fields ...string) bool {
	return slices.ContainsFunc(graphql.CollectAllFields(ctx), func(f string) bool { return slices.Contains(fields, f) })
}

// isTrue reads an optional Boolean argument whose default is false.
func isTrue(b *bool) bool {
	return b != nil && *b
}

// scope checks the arguments that say which relationships a path may use.
func (a *argChecks) scope(kinds []model.RelationKind, since, until, maxDegree *int) model.PathScope {
	s := model.PathScope{Kinds: kinds, Window: model.Window{Since: since, Until: until}}
	a.yearWindow("since", "until", since, until)
	s.MaxDegree = a.int("maxDegree", maxDegree, defaultMaxDegree, 0, maxMaxDegree)
	return s
}

func chainQuery(from, to string, maxHops *int, kinds []model.RelationKind, since, until, first, maxDegree *int) (model.ChainQuery, error) {
	var a argChecks
	a.id("from", from)
	a.id("to", to)
	q := model.ChainQuery{From: from, To: to}
	q.MaxHops = a.int("maxHops", maxHops, defaultMaxHops, 1, maxMaxHops)
	q.First = a.int("first", first, defaultChains, 1, maxChains)
	q.PathScope = a.scope(kinds, since, until, maxDegree)
	return q, a.err
}

func networkQuery(id string, depth *int, kinds []model.RelationKind, since, until, maxNodes, maxEdges, maxDegree *int) (model.NetworkQuery, error) {
	var a argChecks
	a.id("id", id)
	q := model.NetworkQuery{ID: id}
	q.Depth = a.int("depth", depth, defaultDepth, 1, maxDepth)
	q.MaxNodes = a.int("maxNodes", maxNodes, defaultMaxNodes, 1, maxMaxNodes)
	q.MaxEdges = a.int("maxEdges", maxEdges, defaultMaxEdges, 1, maxMaxEdges)
	q.PathScope = a.scope(kinds, since, until, maxDegree)
	return q, a.err
}

func partnerQuery(id string, kinds []model.NodeKind, first *int) (model.PartnerQuery, error) {
	var a argChecks
	a.id("id", id)
	q := model.PartnerQuery{ID: id, Kinds: model.Organisations, RecentSince: time.Now().Year() - recentYears}
	q.First = a.int("first", first, defaultPartners, 1, maxPartners)
	if len(kinds) > 0 {
		q.Kinds = kinds
	}
	for _, k := range q.Kinds {
		if a.err == nil && !slices.Contains(model.Organisations, k) {
			a.err = model.Invalid("kinds", "partners are enterprises or universities, not %s", k)
		}
	}
	return q, a.err
}

func hubQuery(kind model.NodeKind, kinds []model.RelationKind, region, industry *string, first *int) (model.HubQuery, error) {
	q := model.HubQuery{Kind: kind, Kinds: kinds}
	var a argChecks
	a.region("region", region)
	a.text(model.OpEquals, "industry", "industry", industry)
	q.First = a.int("first", first, defaultHubs, 1, maxFirst)
	if a.err == nil && industry != nil && !hasIndustry(kind) {
		a.err = model.Invalid("industry", "%s has no industry or field to match", kind.Name())
	}
	if a.err != nil {
		return q, a.err
	}
	for _, cond := range a.where {
		v := cond.Value.(string)
		if cond.Prop == "region" {
			q.Region = &v
		} else {
			q.Industry = &v
		}
	}
	return q, nil
}

// hasIndustry says whether hubs can narrow nodes of kind by industry: it
// matches a node's industry or its field, and intermediaries and projects
// have neither (a filter on them would match nothing, silently).
func hasIndustry(kind model.NodeKind) bool {
	spec := model.NodeSpecs[kind]
	return spec != nil && slices.ContainsFunc(spec.Fields, func(f model.FieldRule) bool {
		return f.Name == "industry" || f.Name == "field"
	})
}

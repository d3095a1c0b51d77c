package graph

import (
	"context"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/innograph/innograph/graph/model"
)

// relationField says what a node type's relationship field loads: its list
// query, the edge type, the edge's fields that may hold the far node, and
// the types that node can have.
type relationField struct {
	query    model.RelationQuery
	edge     string
	far      []string
	farTypes []string
}

var (
	organisationTypes = []string{"Enterprise", "University"}
	allianceFields    = relationField{alliancesOf, "Membership", []string{"alliance"}, []string{"Alliance"}}
	parkFields        = relationField{parksOf, "Location", []string{"park"}, []string{"Park"}}
	developedFields   = relationField{developedBy, "Development", []string{"result"}, []string{"Result"}}
	// A collaboration's far end is its partner, and its from or its to.
	partnerFields = relationField{partnersOf, "Collaboration", []string{"partner", "from", "to"}, organisationTypes}
)

// relationFields are the relationship fields of each node type, as the
// resolvers in schema.resolvers.go load them.
var relationFields = map[string]map[string]relationField{
	"Enterprise": {"alliances": allianceFields, "parks": parkFields, "developedResults": developedFields,
		"acquiredResults": {acquiredBy, "Transfer", []string{"result"}, []string{"Result"}}, "collaborators": partnerFields},
	"University": {"alliances": allianceFields, "parks": parkFields, "developedResults": developedFields,
		"collaborators": partnerFields},
	"Alliance": {"members": {membersOf, "Membership", []string{"member"}, organisationTypes}},
	"Park": {"tenants": {tenantsOf, "Location", []string{"tenant"}, []string{"Enterprise", "University", "Park"}},
		"enterprises": {enterprisesIn, "Location", []string{"tenant"}, []string{"Enterprise"}}, "parents": parkFields},
	"Result": {"developers": {developersOf, "Development", []string{"developer"}, organisationTypes},
		"transfers": {transfersOf, "Transfer", []string{"enterprise"}, []string{"Enterprise"}}},
}

// nodeTypes are the types a field of interface type Node can resolve to.
var nodeTypes = []string{"Enterprise", "University", "Alliance", "Park", "Result"}

// prefetchPlan reads, from the selection on nodes of the given types, the
// relationship lists the resolvers will ask for, nested as deep as the
// selection goes. A list whose `first` is out of range is left to its
// resolver, which reports the error.
func prefetchPlan(ctx context.Context, sel ast.SelectionSet, types []string) []model.Prefetch {
	op := graphql.GetOperationContext(ctx)
	var plan []model.Prefetch
	at := map[model.RelationQuery]int{}
	for _, t := range types {
		for _, f := range graphql.CollectFields(op, sel, []string{t}) {
			rf, ok := relationFields[t][f.Name]
			if !ok {
				continue
			}
			q := rf.query
			first, _ := f.ArgumentMap(op.Variables)["first"].(int64)
			if first == 0 {
				first = defaultRelationsFirst
			}
			if first < 1 || first > maxFirst {
				continue
			}
			q.First = int(first)
			q, farSel := projected(ctx, q, rf, f.Selections)
			next := prefetchPlan(ctx, farSel, rf.farTypes)
			if i, seen := at[q]; seen {
				plan[i].Next = append(plan[i].Next, next...)
				continue
			}
			at[q] = len(plan)
			plan = append(plan, model.Prefetch{Query: q, Next: next})
		}
	}
	return plan
}

// prefetch reads ahead, in one statement, the relationship lists the
// selection will ask for around the nodes ids, and primes the loaders with
// them: a nested selection then costs one round trip instead of one per
// level, and no batching windows. It reads the properties props of the nodes
// ids and returns them. Without relationship fields it reads nothing and
// returns nil.
func prefetch(ctx context.Context, store Store, ids, props []string, sel ast.SelectionSet, types []string) (*model.Prefetched, error) {
	plan := prefetchPlan(ctx, sel, types)
	if len(plan) == 0 || len(ids) == 0 {
		return nil, nil
	}
	got, err := store.Prefetch(ctx, ids, props, plan)
	if err != nil {
		return nil, err
	}
	loadersFrom(ctx).prime(got)
	return got, nil
}

// relationshipFields are the fields of the relationship types read straight
// from a relationship property of the same name.
var relationshipFields = map[string]bool{
	"role": true, "since": true, "until": true, "graduated": true, "year": true, "mode": true, "value": true,
	"kind": true, "title": true, "source": true, "synthetic": true,
}

// projected returns q reading only what sel, the selection on the list's
// edge type, reads: of the far nodes the properties selected under the
// fields that may hold them, of the relationships the properties selected
// on them. It also returns the selection on the far nodes, for the
// read-ahead of their own lists.
func projected(ctx context.Context, q model.RelationQuery, rf relationField, sel ast.SelectionSet) (model.RelationQuery, ast.SelectionSet) {
	var farSel ast.SelectionSet
	var relProps []string
	for _, f := range graphql.CollectFields(graphql.GetOperationContext(ctx), sel, []string{rf.edge}) {
		switch {
		case slices.Contains(rf.far, f.Name):
			farSel = append(farSel, f.Selections...)
		case relationshipFields[f.Name] && !slices.Contains(relProps, f.Name):
			relProps = append(relProps, f.Name)
		}
	}
	q.Projected = true
	q.Props = strings.Join(selectedProps(ctx, farSel), ",")
	q.RelProps = strings.Join(relProps, ",")
	return q, farSel
}

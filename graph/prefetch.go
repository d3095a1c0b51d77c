package graph

import (
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/innograph/innograph/graph/model"
)

// relationField says what a node type's relationship field loads: its list
// query, the edge type, the edge's field holding the far node, and the
// types that node can have.
type relationField struct {
	query    model.RelationQuery
	edge     string
	far      string
	farTypes []string
}

var (
	organisationTypes = []string{"Enterprise", "University"}
	allianceFields    = relationField{alliancesOf, "Membership", "alliance", []string{"Alliance"}}
	parkFields        = relationField{parksOf, "Location", "park", []string{"Park"}}
	developedFields   = relationField{developedBy, "Development", "result", []string{"Result"}}
	partnerFields     = relationField{partnersOf, "Collaboration", "partner", organisationTypes}
)

// relationFields are the relationship fields of each node type, as the
// resolvers in schema.resolvers.go load them.
var relationFields = map[string]map[string]relationField{
	"Enterprise": {"alliances": allianceFields, "parks": parkFields, "developedResults": developedFields,
		"acquiredResults": {acquiredBy, "Transfer", "result", []string{"Result"}}, "collaborators": partnerFields},
	"University": {"alliances": allianceFields, "parks": parkFields, "developedResults": developedFields,
		"collaborators": partnerFields},
	"Alliance": {"members": {membersOf, "Membership", "member", organisationTypes}},
	"Park": {"tenants": {tenantsOf, "Location", "tenant", []string{"Enterprise", "University", "Park"}},
		"enterprises": {enterprisesIn, "Location", "tenant", []string{"Enterprise"}}, "parents": parkFields},
	"Result": {"developers": {developersOf, "Development", "developer", organisationTypes},
		"transfers": {transfersOf, "Transfer", "enterprise", []string{"Enterprise"}}},
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
			var farSel ast.SelectionSet
			for _, ef := range graphql.CollectFields(op, f.Selections, []string{rf.edge}) {
				if ef.Name == rf.far {
					farSel = append(farSel, ef.Selections...)
				}
			}
			next := prefetchPlan(ctx, farSel, rf.farTypes)
			props := selectedProps(ctx, farSel, rf.farTypes)
			if i, seen := at[q]; seen {
				plan[i].Next = append(plan[i].Next, next...)
				for _, p := range props {
					if !slices.Contains(plan[i].Props, p) {
						plan[i].Props = append(plan[i].Props, p)
					}
				}
				continue
			}
			at[q] = len(plan)
			plan = append(plan, model.Prefetch{Query: q, Props: props, Next: next})
		}
	}
	return plan
}

// nodeWithLists loads one node and, in the same statement, the relationship
// lists its selection asks for.
func nodeWithLists(ctx context.Context, store Store, id string) (model.Node, error) {
	if err := prefetch(ctx, store, []string{id}, graphql.GetFieldContext(ctx).Field.Selections, nodeTypes); err != nil {
		return nil, err
	}
	return loadersFrom(ctx).node(ctx, id)
}

// prefetch reads ahead, in one statement, the relationship lists the
// selection will ask for around the nodes ids, and primes the loaders with
// them: a nested selection then costs one round trip instead of one per
// level, and no batching windows. Without relationship fields it does nothing.
func prefetch(ctx context.Context, store Store, ids []string, sel ast.SelectionSet, types []string) error {
	plan := prefetchPlan(ctx, sel, types)
	if len(plan) == 0 || len(ids) == 0 {
		return nil
	}
	got, err := store.Prefetch(ctx, ids, plan)
	if err != nil {
		return err
	}
	loadersFrom(ctx).prime(got)
	return nil
}

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
// query, and the relationship's fields that may hold the far node. The
// relationship's GraphQL type (Membership…, whose connection is
// MembershipConnection) and the types the far node can have come from the
// query's kind (model.RelationSpecs).
type relationField struct {
	query model.RelationQuery
	far   []string
}

// typ is the GraphQL type of the relationships rf lists.
func (rf relationField) typ() string { return rf.query.Kind.Name() }

// farTypes are the GraphQL types the far node of rf can have.
func (rf relationField) farTypes() []string {
	q := rf.query
	spec := model.RelationSpecs[q.Kind]
	switch {
	case q.Far != "":
		return []string{q.Far.Name()}
	case q.Dir == model.Outgoing:
		return model.TypeNames(spec.To)
	default: // Incoming, or Both: an undirected relationship joins the same kinds both ways
		return model.TypeNames(spec.From)
	}
}

// relationFields are the relationship fields of each node type, as the
// resolvers in schema.resolvers.go load them: the lists of model.NodeSpecs.
var relationFields = func() map[string]map[string]relationField {
	out := map[string]map[string]relationField{}
	for _, spec := range model.NodeSpecs {
		fields := map[string]relationField{}
		for _, l := range spec.Lists {
			fields[l.Field] = relationField{l.Query(), model.RelationSpecs[l.Kind].FarFields(l.Dir)}
		}
		out[spec.Name] = fields
	}
	return out
}()

// nodeTypes are the types a field of interface type Node can resolve to.
var nodeTypes = model.TypeNames(model.AllNodeKind)

// relationQuery is the query of the relationship field rf, whose cursors
// belong to the order name (its coordinate, "Alliance.members"), for the
// paging arguments args and the selection sel on its connection: which
// page, whether to count, and what to read of the relationships and of the
// far nodes, whose selection it also returns. The resolver and the
// read-ahead plan both build the query here, so a primed loader is found.
func relationQuery(ctx context.Context, name string, rf relationField, args pageArgs, sel ast.SelectionSet) (model.RelationQuery, ast.SelectionSet, error) {
	q := rf.query
	var err error
	if q.First, q.Backward, err = args.size(); err != nil {
		return q, nil, err
	}
	after, before, err := args.cursors(name)
	if err != nil {
		return q, nil, err
	}
	for _, c := range []struct {
		arg string
		in  *model.Cursor
		out *model.Cursor
	}{{"after", after, &q.After}, {"before", before, &q.Before}} {
		if c.in == nil {
			continue
		}
		// A relationship list sorts on a name: a cursor with another key
		// was not made by it.
		if _, ok := c.in.Key.(string); !ok {
			return q, nil, badCursor(c.arg)
		}
		*c.out = *c.in
	}
	nodes, count := connectionSelection(ctx, sel, rf.typ())
	q.Count = count
	q, farSel := projected(ctx, q, rf, nodes)
	return q, farSel, nil
}

// prefetchPlan reads, from the selection on nodes of the given types, the
// relationship lists the resolvers will ask for, nested as deep as the
// selection goes. A list whose arguments are invalid is left to its
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
			q, farSel, err := relationQuery(ctx, t+"."+f.Name, rf, argsOf(f.ArgumentMap(op.Variables)), f.Selections)
			if err != nil {
				continue
			}
			next := prefetchPlan(ctx, farSel, rf.farTypes())
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

// argsOf reads the paging arguments of a field from its argument values,
// as the resolver receives them.
func argsOf(values map[string]any) pageArgs {
	var args pageArgs
	for name, v := range map[string]**int{"first": &args.first, "last": &args.last} {
		if n, ok := values[name].(int64); ok {
			i := int(n)
			*v = &i
		}
	}
	for name, v := range map[string]**string{"after": &args.after, "before": &args.before} {
		if c, ok := values[name].(string); ok {
			*v = &c
		}
	}
	return args
}

// prefetch reads ahead, in one statement, the relationship lists the
// selection will ask for around the nodes ids, and primes the loaders with
// them: a nested selection then costs one round trip instead of one per
// level, and no batching windows. It reads the properties props of the nodes
// ids and returns them. Without relationship fields it reads nothing and
// returns nil.
func prefetch(ctx context.Context, store Reader, ids, props []string, sel ast.SelectionSet, types []string) (*model.Prefetched, error) {
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

// projected returns q reading only what sel, the selection on the list's
// relationships, reads: of the far nodes the properties selected under the
// fields that may hold them, of the relationships the properties selected
// on them (those read straight from a relationship property of the same
// name, model.RelationProperty, or named by one, model.RefProperty). It also returns the selection on the far
// nodes, for the read-ahead of their own lists.
func projected(ctx context.Context, q model.RelationQuery, rf relationField, sel ast.SelectionSet) (model.RelationQuery, ast.SelectionSet) {
	var farSels []ast.SelectionSet
	var relProps []string
	for _, f := range graphql.CollectFields(graphql.GetOperationContext(ctx), sel, []string{rf.typ()}) {
		switch {
		case slices.Contains(rf.far, f.Name):
			farSels = append(farSels, f.Selections)
		case model.RelationProperty(f.Name) && !slices.Contains(relProps, f.Name):
			relProps = append(relProps, f.Name)
		default:
			// A field reading the node a property names (broker) needs
			// the property (brokerId).
			if p, ok := model.RefProperty(f.Name); ok && !slices.Contains(relProps, p) {
				relProps = append(relProps, p)
			}
		}
	}
	farSel := joined(ctx, farSels)
	q.Projected = true
	q.Props = strings.Join(selectedProps(ctx, farSel), ",")
	q.RelProps = strings.Join(relProps, ",")
	return q, farSel
}

package graph

import (
	"bytes"
	"context"
	"io"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/innograph/innograph/graph/model"
)

// A network's nodes and edges are lists of hundreds of objects. gqlgen's
// generated code marshals each element of a list of objects in its own
// goroutine and collects its fields anew (a cache key hashed per element),
// which cost more than the database's work for a network of 200 nodes
// (docs/performance.md). Network is therefore bound to model.NetworkView,
// whose two lists are model.WrittenList: gqlgen hands the whole list to us.
//
// When a list's selection reads only fields that are plain values of the
// elements (networkNodeFields, nodeFields, networkEdgeFields), it is written
// here in one pass, collecting the fields once per type, with gqlgen's own
// scalar marshallers, so the bytes are the ones gqlgen would write
// (TestNetworkListsWriteWhatGqlgenWrites). Any other selection (a node's
// relationship lists, an edge's relationship) is executed by the generated
// code, element by element as before, while the network resolver runs, so
// its errors and nulls propagate as they would without this file.

// The fields written without gqlgen: __typename and these.
var (
	networkNodeFields = []string{"distance", "node"}
	networkEdgeFields = []string{"kind", "fromId", "toId"}
	// nodeFields are those of the interface Node, read from model.NodeBase.
	nodeFields = []string{"id", "name", "nameEn", "aliases", "region", "source", "synthetic"}
)

// networkView answers the network field from the store's network.
func (r *queryResolver) networkView(ctx context.Context, net *model.Network) (*model.NetworkView, error) {
	view := &model.NetworkView{Truncated: net.Truncated, EdgesTruncated: net.EdgesTruncated, Hubs: net.Hubs}
	lists := newListExecution(ctx, r.Resolver)
	var ok bool
	if view.Nodes, ok = writtenList(lists, "nodes", net.Nodes, networkNodesArePlain, writeNetworkNodes, (*executionContext)._NetworkNode); !ok {
		return nil, nil
	}
	if view.Edges, ok = writtenList(lists, "edges", net.Edges, networkEdgesArePlain, writeNetworkEdges, (*executionContext)._NetworkEdge); !ok {
		return nil, nil
	}
	return view, nil
}

// listExecution is what the lists of one network field share: the field's
// context and selections, and the generated code's execution context,
// made when a selection needs it.
type listExecution struct {
	ctx   context.Context
	op    *graphql.OperationContext
	field []graphql.CollectedField
	root  *Resolver
	ec    *executionContext
}

func newListExecution(ctx context.Context, root *Resolver) *listExecution {
	op := graphql.GetOperationContext(ctx)
	return &listExecution{ctx: ctx, op: op, root: root,
		field: graphql.CollectFields(op, graphql.GetFieldContext(ctx).Field.Selections, []string{"Network"})}
}

func (l *listExecution) executionContext() *executionContext {
	if l.ec == nil {
		l.ec = newExecutionContext(l.op, &executableSchema{Resolvers: l.root}, make(chan graphql.DeferredResult))
	}
	return l.ec
}

// writtenList returns how to write the list field name of items, for each
// response name it is selected under. Selections that are not plain are
// executed now by the generated code (element); ok is false when that made
// the list null, which makes the network null as the generated code would.
func writtenList[T any](l *listExecution, name string, items []*T,
	plain func(*graphql.OperationContext, ast.SelectionSet, []*T) bool,
	write func(io.Writer, *graphql.OperationContext, ast.SelectionSet, []*T),
	element func(*executionContext, context.Context, ast.SelectionSet, *T) graphql.Marshaler,
) (model.WrittenList, bool) {
	executed := map[string]graphql.Marshaler{}
	for _, f := range l.field {
		if f.Name != name || plain(l.op, f.Selections, items) {
			continue
		}
		m, ok := executeList(l, f, items, element)
		if !ok {
			return nil, false
		}
		executed[f.Alias] = m
	}
	op := l.op
	return func(ctx context.Context, w io.Writer) error {
		field := graphql.GetFieldContext(ctx).Field
		if m, ok := executed[field.Alias]; ok {
			m.MarshalGQL(w)
		} else {
			write(w, op, field.Selections, items)
		}
		return nil
	}, true
}

// executeList is what gqlgen generates for a non-null list of non-null
// objects, under the list field's own context so that errors carry its path.
func executeList[T any](l *listExecution, f graphql.CollectedField, items []*T,
	element func(*executionContext, context.Context, ast.SelectionSet, *T) graphql.Marshaler,
) (graphql.Marshaler, bool) {
	ec := l.executionContext()
	ctx := graphql.WithFieldContext(l.ctx, &graphql.FieldContext{Object: "Network", Field: f})
	ret := graphql.MarshalSliceConcurrently(ctx, len(items), 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		graphql.GetFieldContext(ctx).Result = items[i]
		if items[i] == nil {
			graphql.AddErrorf(ctx, "the requested element is null which the schema does not allow")
			return graphql.Null
		}
		return element(ec, ctx, f.Selections, items[i])
	})
	if ret == nil {
		return nil, false
	}
	for _, m := range ret {
		if m == graphql.Null {
			return nil, false
		}
	}
	return ret, true
}

// onlyFields reports whether fields are __typename or among names, plain
// (no @defer).
func onlyFields(fields []graphql.CollectedField, names []string) bool {
	for _, f := range fields {
		if f.IsDeferred() || (f.Name != "__typename" && !slices.Contains(names, f.Name)) {
			return false
		}
	}
	return true
}

// networkNodesArePlain reports whether sel reads only plain fields of
// items, which are all there (the generated code reports a missing one).
func networkNodesArePlain(op *graphql.OperationContext, sel ast.SelectionSet, items []*model.NetworkNode) bool {
	if slices.ContainsFunc(items, func(n *model.NetworkNode) bool { return n == nil || n.Node == nil }) {
		return false
	}
	fields := graphql.CollectFields(op, sel, networkNodeImplementors)
	if !onlyFields(fields, networkNodeFields) {
		return false
	}
	for _, f := range fields {
		if f.Name != "node" {
			continue
		}
		for _, kind := range model.AllNodeKind {
			if !onlyFields(graphql.CollectFields(op, f.Selections, nodeImplementors(kind)), nodeFields) {
				return false
			}
		}
	}
	return true
}

func networkEdgesArePlain(op *graphql.OperationContext, sel ast.SelectionSet, items []*model.NetworkEdge) bool {
	return !slices.Contains(items, nil) && onlyFields(graphql.CollectFields(op, sel, networkEdgeImplementors), networkEdgeFields)
}

// nodeImplementors is what a node of kind satisfies, as the generated
// enterpriseImplementors and its siblings: its type, then Node.
func nodeImplementors(kind model.NodeKind) []string {
	return []string{model.NodeSpecs[kind].Name, "Node"}
}

// jsonWriter writes the punctuation of gqlgen's JSON; values go through
// gqlgen's marshallers.
type jsonWriter struct{ io.Writer }

// Punctuation as bytes: the writer gqlgen passes has no WriteString, so a
// string would be copied for every write.
var (
	openBrace, closeBrace     = []byte("{"), []byte("}")
	openBracket, closeBracket = []byte("["), []byte("]")
	comma, colon              = []byte(","), []byte(":")
)

func (w jsonWriter) raw(b []byte) { w.Write(b) }

// object writes an object of typename with fields, value writing each
// field's value but __typename's.
func (w jsonWriter) object(typename string, fields []graphql.CollectedField, value func(name string)) {
	w.raw(openBrace)
	for i, f := range fields {
		if i > 0 {
			w.raw(comma)
		}
		graphql.MarshalString(f.Alias).MarshalGQL(w.Writer)
		w.raw(colon)
		if f.Name == "__typename" {
			graphql.MarshalString(typename).MarshalGQL(w.Writer)
		} else {
			value(f.Name)
		}
	}
	w.raw(closeBrace)
}

func (w jsonWriter) list(n int, each func(i int)) {
	w.raw(openBracket)
	for i := range n {
		if i > 0 {
			w.raw(comma)
		}
		each(i)
	}
	w.raw(closeBracket)
}

func writeNetworkNodes(out io.Writer, op *graphql.OperationContext, sel ast.SelectionSet, items []*model.NetworkNode) {
	w := jsonWriter{out}
	fields := graphql.CollectFields(op, sel, networkNodeImplementors)
	var nodeSel ast.SelectionSet
	for _, f := range fields {
		if f.Name == "node" {
			nodeSel = f.Selections
		}
	}
	// The fields of a node, collected once per type.
	byKind := map[model.NodeKind][]graphql.CollectedField{}
	w.list(len(items), func(i int) {
		n := items[i]
		w.object("NetworkNode", fields, func(name string) {
			switch name {
			case "distance":
				graphql.MarshalInt(n.Distance).MarshalGQL(w.Writer)
			case "node":
				kind := n.Node.NodeKind()
				nf, ok := byKind[kind]
				if !ok {
					nf = graphql.CollectFields(op, nodeSel, nodeImplementors(kind))
					byKind[kind] = nf
				}
				writeNode(w, nf, kind, n.Node)
			}
		})
	})
}

func writeNode(w jsonWriter, fields []graphql.CollectedField, kind model.NodeKind, node model.Node) {
	b := node.(interface{ Common() *model.NodeBase }).Common()
	w.object(model.NodeSpecs[kind].Name, fields, func(name string) {
		switch name {
		case "id":
			graphql.MarshalID(b.ID).MarshalGQL(w.Writer)
		case "name":
			graphql.MarshalString(b.Name).MarshalGQL(w.Writer)
		case "nameEn":
			optionalString(w, b.NameEn)
		case "aliases":
			w.list(len(b.Aliases), func(i int) { graphql.MarshalString(b.Aliases[i]).MarshalGQL(w.Writer) })
		case "region":
			optionalString(w, b.Region)
		case "source":
			optionalString(w, b.Source)
		case "synthetic":
			graphql.MarshalBoolean(b.Synthetic).MarshalGQL(w.Writer)
		}
	})
}

func optionalString(w jsonWriter, s *string) {
	if s == nil {
		graphql.Null.MarshalGQL(w.Writer)
		return
	}
	graphql.MarshalString(*s).MarshalGQL(w.Writer)
}

func writeNetworkEdges(out io.Writer, op *graphql.OperationContext, sel ast.SelectionSet, items []*model.NetworkEdge) {
	w := jsonWriter{out}
	fields := graphql.CollectFields(op, sel, networkEdgeImplementors)
	// Each kind as the enum's own MarshalGQL writes it, once per kind: it
	// allocates three times per call.
	kinds := map[model.RelationKind][]byte{}
	w.list(len(items), func(i int) {
		e := items[i]
		w.object("NetworkEdge", fields, func(name string) {
			switch name {
			case "kind":
				b, ok := kinds[e.Kind]
				if !ok {
					var buf bytes.Buffer
					e.Kind.MarshalGQL(&buf)
					b = buf.Bytes()
					kinds[e.Kind] = b
				}
				w.raw(b)
			case "fromId":
				graphql.MarshalID(e.FromID).MarshalGQL(w.Writer)
			case "toId":
				graphql.MarshalID(e.ToID).MarshalGQL(w.Writer)
			}
		})
	})
}

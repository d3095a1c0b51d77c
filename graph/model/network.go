package model

import (
	"context"
	"errors"
	"io"
)

// Network is the store's answer for a neighbourhood (Paths.Network): its
// nearest nodes and the relationships among them. The GraphQL type Network
// is NetworkView, which the resolver builds from it.
type Network struct {
	// Nearest first; the centre is the first, at distance 0.
	Nodes []*NetworkNode
	// The relationships among the nodes, once each, up to the query's
	// MaxEdges: ordered by their end farther from the centre (in the order
	// of Nodes), then by the nearer end.
	Edges []*NetworkEdge
	// Truncated is true when MaxNodes cut the neighbourhood.
	Truncated bool
	// EdgesTruncated is true when MaxEdges cut the relationships.
	EdgesTruncated bool
	// Hubs are the nodes over MaxDegree that were kept but not expanded.
	Hubs []Node
}

// NetworkView is the GraphQL type Network. Its two long lists are written
// by the GraphQL layer (graph/networklists.go) instead of gqlgen's generated
// code, which marshals each element of a list of objects in its own
// goroutine and collects its fields anew: most of the cost of a network of
// hundreds of nodes.
type NetworkView struct {
	Nodes          WrittenList
	Edges          WrittenList
	Truncated      bool
	EdgesTruncated bool
	Hubs           []Node
}

// WrittenList writes a list field as JSON for the selection in ctx (the
// field's graphql.FieldContext). gqlgen binds it as a
// graphql.ContextMarshaler, so the generated code hands the whole list to
// it.
type WrittenList func(ctx context.Context, w io.Writer) error

// MarshalGQLContext implements graphql.ContextMarshaler.
func (f WrittenList) MarshalGQLContext(ctx context.Context, w io.Writer) error { return f(ctx, w) }

// UnmarshalGQLContext is there because gqlgen binds only types that have
// both directions; a list of output objects is never an argument.
func (f WrittenList) UnmarshalGQLContext(context.Context, any) error {
	return errors.New("a written list is output only")
}

package graph

import (
	"context"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
)

// Options configure the GraphQL handler.
type Options struct {
	Store  Store
	Auth   *Auth
	Logger *slog.Logger
	// ComplexityLimit bounds the cost of one operation (see complexity.go).
	ComplexityLimit int
	// Introspection lets clients such as GraphiQL read the schema.
	Introspection bool
	// Limits bound a document before it is validated (limits.go); zero
	// fields take DefaultLimits.
	Limits Limits
}

// NewHandler builds the GraphQL handler with explicit transports and the
// extensions a public endpoint needs.
func NewHandler(o Options) *handler.Server {
	srv := handler.New(NewExecutableSchema(Config{Resolvers: &Resolver{Store: o.Store}, Complexity: complexity()}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	// "Did you mean" suggestions compare every unknown field name with every
	// field of its type (Levenshtein): a 1 MiB name took 90 ms of validation.
	// GraphiQL completes names from the schema anyway.
	srv.SetDisableSuggestion(true)
	if o.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	// After the persisted-query extension, which fills in the query from its hash.
	srv.Use(operationLimits{limits: o.Limits.orDefault()})
	srv.Use(extension.FixedComplexityLimit(o.ComplexityLimit))
	// Registered first runs outermost: log every operation, refused ones too.
	srv.Use(operationLog{logger: o.Logger})
	srv.AroundOperations(o.Auth.authorize)
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(withLoaders(ctx, o.Store))
	})
	srv.SetErrorPresenter(presentError(o.Logger))
	srv.SetRecoverFunc(recoverPanic(o.Logger))
	return srv
}

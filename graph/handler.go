package graph

import (
	"context"
	"log/slog"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/innograph/innograph/graph/gqlhttp"
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
	// MaxBodyBytes and BodyTimeout bound a request body (see gqlhttp).
	MaxBodyBytes int64
	BodyTimeout  time.Duration
	// Trusted are the persisted document manifests, nil for none; when they
	// are enforced only their documents run and APQ is off (trusted.go).
	Trusted *TrustedDocuments
}

// NewHandler builds the GraphQL handler with our GraphQL-over-HTTP transport
// (the only one: it answers every method and media type) and the extensions
// a public endpoint needs.
func NewHandler(o Options) *handler.Server {
	srv := handler.New(NewExecutableSchema(Config{Resolvers: &Resolver{Store: o.Store}, Complexity: complexity()}))
	srv.AddTransport(gqlhttp.New(gqlhttp.Options{MaxBodyBytes: o.MaxBodyBytes, BodyTimeout: o.BodyTimeout, Logger: o.Logger}))
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	// "Did you mean" suggestions compare every unknown field name with every
	// field of its type (Levenshtein): a 1 MiB name took 90 ms of validation.
	// GraphiQL completes names from the schema anyway.
	srv.SetDisableSuggestion(true)
	if o.Introspection {
		srv.Use(extension.Introspection{})
	}
	if o.Trusted != nil {
		srv.Use(trustedExtension{docs: o.Trusted, logger: o.Logger})
	}
	if o.Trusted == nil || !o.Trusted.Enforce {
		srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	}
	// After the persisted-query extensions, which fill in the query from its hash or id.
	srv.Use(operationLimits{limits: o.Limits.orDefault()})
	srv.Use(extension.FixedComplexityLimit(o.ComplexityLimit))
	// Registered first runs outermost: log every operation, refused ones too.
	srv.Use(operationLog{logger: o.Logger})
	srv.AroundOperations(o.Auth.authorize)
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(withJoins(withLoaders(ctx, o.Store)))
	})
	srv.SetErrorPresenter(presentError(o.Logger))
	srv.SetRecoverFunc(recoverPanic(o.Logger))
	return srv
}

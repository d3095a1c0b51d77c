package graph

import (
	"context"
	"log/slog"
	"time"

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
	// Trusted are the persisted document manifests, nil for none; when they
	// are enforced only their documents run and APQ is off (trusted.go).
	Trusted *TrustedDocuments
}

// NewHandler builds the GraphQL handler with explicit transports and the
// extensions a public endpoint needs.
func NewHandler(o Options) *handler.Server {
	srv := handler.New(NewExecutableSchema(Config{Resolvers: &Resolver{Store: o.Store}, Complexity: complexity()}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if o.Introspection {
		srv.Use(extension.Introspection{})
	}
	if o.Trusted != nil {
		srv.Use(trustedExtension{docs: o.Trusted, logger: o.Logger})
	}
	if o.Trusted == nil || !o.Trusted.Enforce {
		srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	}
	srv.Use(extension.FixedComplexityLimit(o.ComplexityLimit))
	// Registered first runs outermost: log every operation, refused ones too.
	srv.AroundOperations(logOperation(o.Logger))
	srv.AroundOperations(o.Auth.authorize)
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(withLoaders(ctx, o.Store))
	})
	srv.SetErrorPresenter(presentError(o.Logger))
	srv.SetRecoverFunc(recoverPanic(o.Logger))
	return srv
}

// logOperation writes one structured line per GraphQL operation.
func logOperation(logger *slog.Logger) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		oc := graphql.GetOperationContext(ctx)
		start := time.Now()
		respond := next(ctx)
		return func(ctx context.Context) *graphql.Response {
			resp := respond(ctx)
			if resp != nil {
				kind := ""
				if oc.Operation != nil {
					kind = string(oc.Operation.Operation)
				}
				logger.InfoContext(ctx, "graphql", "op", oc.OperationName, "type", kind,
					"errors", len(resp.Errors), "ms", time.Since(start).Milliseconds())
			}
			return resp
		}
	}
}

package edge

import (
	"context"
	"log/slog"
	"net/http"
	"slices"
	"time"

	"github.com/rs/cors"

	"github.com/innograph/innograph/graph"
)

// Options is what the edge needs from the program: the GraphQL handler's
// own options (store, auth, limits), the readiness probe and the edge's
// limits. server.go builds it from the configuration, so this package does
// not know where a value came from.
type Options struct {
	GraphQL graph.Options // Auth and Logger serve the edge too
	// Ready answers /readyz: nil when the database can serve reads.
	Ready          func(context.Context) error
	Shed           ShedLimits
	RequestTimeout time.Duration // every request's deadline
	CORSOrigins    []string
	CORSHeaders    []string // allowed on top of corsHeaders
}

// NewHandler routes the playground, the explorer, the GraphQL endpoint and
// the health checks, and wraps them in the middleware every request passes.
func NewHandler(o Options) http.Handler {
	auth, logger := o.GraphQL.Auth, o.GraphQL.Logger
	gql := graph.NewHandler(o.GraphQL)
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", playgroundHandler())
	mux.Handle("GET "+playgroundAssetsPath, playgroundAssets())
	explore := exploreHandler()
	mux.Handle("GET /explore", explore)
	mux.Handle("GET /explore/", explore)
	shed := newShedder(o.Shed, o.RequestTimeout, logger)
	mux.Handle("/query", auth.Middleware(shed.Handler(gql)))
	mux.HandleFunc("GET /healthz", healthz)
	mux.Handle("GET /readyz", readyz(o.Ready, logger))
	c := cors.New(cors.Options{
		AllowedOrigins: o.CORSOrigins,
		AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders: append(slices.Clone(corsHeaders), o.CORSHeaders...),
		// A browser client must see when load shedding lets it retry.
		ExposedHeaders: []string{"Retry-After"},
		MaxAge:         600,
	})
	return logRequests(logger, withDeadline(o.RequestTimeout, c.Handler(mux)))
}

// corsHeaders are the request headers browsers may send cross-origin: those
// the GraphQL clients' network layers set (Apollo Client's client awareness
// and CSRF-prevention headers, GraphQL Hive's client name and version; urql
// and Relay send only the standard ones). INNOGRAPH_CORS_HEADERS adds more.
var corsHeaders = []string{
	"Accept", "Authorization", "Content-Type",
	"apollographql-client-name", "apollographql-client-version",
	"apollo-require-preflight", "x-apollo-operation-name",
	"graphql-client-name", "graphql-client-version",
}

// withDeadline gives every request a deadline; Neo4j's own transaction
// timeouts are shorter, so the database stops a slow query first.
func withDeadline(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// statusWriter remembers the status code for the request log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection (the transport
// sets a read deadline for the body through it).
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

func logRequests(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		if sw.status == http.StatusTooManyRequests {
			return // the shedder logs refusals a line per 10 s (edge/ratelimit.go); a line each would be a flood's
		}
		logger.InfoContext(r.Context(), "http", "method", r.Method, "path", r.URL.Path,
			"status", sw.status, "ms", time.Since(start).Milliseconds(), "remote", r.RemoteAddr)
	})
}

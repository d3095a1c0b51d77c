package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"github.com/rs/cors"

	"github.com/innograph/innograph/graph"
	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
)

// newHTTPHandler routes the playground, the GraphQL endpoint and the health
// checks, and wraps them in the middleware every request passes.
func newHTTPHandler(cfg config, db *neo4jdb.DB, logger *slog.Logger) http.Handler {
	auth := graph.NewAuth(cfg.ReadTokens, cfg.WriteTokens, cfg.ReadsOpen)
	gql := graph.NewHandler(graph.Options{
		Store: db, Auth: auth, Logger: logger,
		ComplexityLimit: cfg.ComplexityLimit, Introspection: cfg.Introspection, Trusted: cfg.Trusted,
	})
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", playgroundHandler())
	mux.Handle("/query", limitBody(cfg.MaxBodyBytes, auth.Middleware(cfg.Trusted.Middleware(gql))))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := db.Ping(ctx); err != nil {
			logger.Warn("not ready", "err", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "neo4j unreachable"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	})
	c := cors.New(cors.Options{
		AllowedOrigins: cfg.CORSOrigins,
		AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders: []string{"Authorization", "Content-Type"},
		MaxAge:         600,
	})
	return logRequests(logger, withDeadline(cfg.RequestTimeout, c.Handler(mux)))
}

// limitBody refuses request bodies over max bytes with 413 and a GraphQL-shaped error.
func limitBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			writeJSON(w, http.StatusRequestEntityTooLarge, map[string]any{"errors": []map[string]any{{
				"message":    "request body is larger than the limit",
				"extensions": map[string]any{"code": model.CodeBadUserInput},
			}}})
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, max)
		next.ServeHTTP(w, r)
	})
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

func logRequests(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		logger.InfoContext(r.Context(), "http", "method", r.Method, "path", r.URL.Path,
			"status", sw.status, "ms", time.Since(start).Milliseconds(), "remote", r.RemoteAddr)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

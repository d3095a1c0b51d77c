// Command innograph serves the InnoGraph GraphQL API over a Neo4j graph of a
// regional innovation system. Configuration comes from the environment
// (config.go; README: Configuration).
package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/innograph/innograph/edge"
	"github.com/innograph/innograph/graph"
	"github.com/innograph/innograph/importer"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/seed/data"
)

func main() {
	tuneGC(os.Getenv)
	cfg, err := loadConfig(os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, "innograph:", err)
		os.Exit(2)
	}
	logger := newLogger(cfg.LogFormat)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg, logger); err != nil {
		logger.Error("innograph stopped", "err", err)
		os.Exit(1)
	}
}

func newLogger(format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(os.Stderr, nil))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, nil))
}

// run connects to Neo4j, prepares the schema and serves until ctx ends.
func run(ctx context.Context, cfg config, logger *slog.Logger) error {
	db, err := connect(ctx, cfg.Neo4j, logger)
	if err != nil {
		return err
	}
	defer db.Close(context.Background())
	if err := db.EnsureSchema(ctx); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	if cfg.LoadSample {
		if err := loadSample(ctx, db, logger); err != nil {
			return err
		}
	}

	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           newHTTPHandler(cfg, db, logger),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       cfg.RequestTimeout,
		WriteTimeout:      cfg.RequestTimeout + 5*time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	serveDebug(ctx, cfg.DebugAddr, logger)
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	logger.Info("serving", "playground", "http://"+cfg.Addr+"/", "explore", "http://"+cfg.Addr+"/explore", "graphql", "http://"+cfg.Addr+"/query", "neo4j", cfg.Neo4j.URI)

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down: finishing requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.RequestTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// newHTTPHandler builds the HTTP edge from the configuration.
func newHTTPHandler(cfg config, db *neo4jdb.DB, logger *slog.Logger) http.Handler {
	return edge.NewHandler(edge.Options{
		GraphQL: graph.Options{
			Store: db, Auth: graph.NewAuth(cfg.ReadTokens, cfg.WriteTokens, cfg.ReadsOpen), Logger: logger,
			ComplexityLimit: cfg.ComplexityLimit, Introspection: cfg.Introspection, Limits: cfg.Limits, Trusted: cfg.Trusted,
			MaxBodyBytes: cfg.MaxBodyBytes, BodyTimeout: cfg.BodyTimeout,
		},
		Ready: db.Ready, Shed: cfg.Shed, RequestTimeout: cfg.RequestTimeout,
		CORSOrigins: cfg.CORSOrigins, CORSHeaders: cfg.CORSHeaders,
	})
}

// connect opens the driver, waiting a while for a Neo4j that is still starting.
func connect(ctx context.Context, cfg neo4jdb.Config, logger *slog.Logger) (*neo4jdb.DB, error) {
	const patience = time.Minute
	deadline := time.Now().Add(patience)
	for {
		db, err := neo4jdb.Open(ctx, cfg, nil)
		if err == nil {
			return db, nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return nil, fmt.Errorf("connect to Neo4j at %s (gave up after %s): %w", cfg.URI, patience, err)
		}
		logger.Warn("Neo4j not reachable yet; retrying", "uri", cfg.URI, "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(2 * time.Second):
		}
	}
}

// loadSample loads the sample graph into an empty database.
func loadSample(ctx context.Context, db *neo4jdb.DB, logger *slog.Logger) error {
	empty, err := db.IsEmpty(ctx)
	if err != nil || !empty {
		return err
	}
	sum, err := importer.Load(ctx, db, data.Sample)
	if err != nil {
		return fmt.Errorf("load sample graph: %w", err)
	}
	logger.Info("loaded the sample graph into an empty database", "nodes", sum.Nodes.Created, "relationships", sum.Relations.Created)
	return nil
}

// Package neo4jtest connects integration tests to the test Neo4j that
// `make test` starts, and gives each test a clean graph.
//
// It reads INNOGRAPH_TEST_NEO4J_URI (and _USER, _PASSWORD, _DATABASE). When
// the URI is unset the test is skipped, unless INNOGRAPH_TEST_REQUIRE_DB=1
// (set by `make test` and CI), where a missing database fails the test.
// Tests that use it must not run in parallel: each starts from an empty graph.
package neo4jtest

import (
	"context"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/innograph/innograph/neo4jdb"
)

// Counter counts the statements sent to Neo4j (round trips).
type Counter struct{ n atomic.Int64 }

// Reset sets the count to zero.
func (c *Counter) Reset() { c.n.Store(0) }

// Count returns the statements sent since the last Reset.
func (c *Counter) Count() int { return int(c.n.Load()) }

var (
	once    sync.Once
	shared  *neo4jdb.DB
	counter Counter
	openErr error
)

// Config is the configuration of the test database.
func Config() neo4jdb.Config {
	cfg := neo4jdb.DefaultConfig()
	cfg.URI = os.Getenv("INNOGRAPH_TEST_NEO4J_URI") // no default: unset skips the test
	cfg.User = envOr("INNOGRAPH_TEST_NEO4J_USER", cfg.User)
	cfg.Password = envOr("INNOGRAPH_TEST_NEO4J_PASSWORD", cfg.Password)
	cfg.Database = os.Getenv("INNOGRAPH_TEST_NEO4J_DATABASE")
	cfg.MaxPoolSize = 20
	// Tests check answers, not speed (benchmarks hold the speed). A
	// statement's first plan alone took 1–4 s on a loaded 2-core machine
	// (matchDemand, suggestPartners), so the production 5 s bounds made
	// tests fail by the clock; the tests of the timeouts themselves set
	// their own (paths_test.go, timeout_test.go).
	cfg.ReadTimeout, cfg.PathTimeout = 20*time.Second, 20*time.Second
	return cfg
}

// Open returns the shared test database with an empty graph and the schema
// in place, and a counter of the statements sent to it.
func Open(t testing.TB) (*neo4jdb.DB, *Counter) {
	t.Helper()
	db := Shared(t)
	if err := db.DeleteAll(context.Background()); err != nil {
		t.Fatalf("clear test graph: %v", err)
	}
	counter.Reset()
	return db, &counter
}

// Shared returns the shared test database with the schema in place and its
// graph as it is. It is for setups that several processes run side by side
// (a fuzz target's workers), where clearing would wipe the graph another
// process is using.
func Shared(t testing.TB) *neo4jdb.DB {
	t.Helper()
	cfg := Config()
	if cfg.URI == "" {
		if os.Getenv("INNOGRAPH_TEST_REQUIRE_DB") == "1" {
			t.Fatal("INNOGRAPH_TEST_NEO4J_URI is not set but INNOGRAPH_TEST_REQUIRE_DB=1: the test database is missing")
		}
		t.Skip("no test Neo4j (INNOGRAPH_TEST_NEO4J_URI unset); run `make test`")
	}
	ctx := context.Background()
	once.Do(func() {
		shared, openErr = neo4jdb.Open(ctx, cfg, func(context.Context, neo4jdb.Query) { counter.n.Add(1) })
		if openErr == nil {
			openErr = shared.EnsureSchema(ctx)
		}
	})
	if openErr != nil {
		t.Fatalf("open test Neo4j at %s: %v", cfg.URI, openErr)
	}
	return shared
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

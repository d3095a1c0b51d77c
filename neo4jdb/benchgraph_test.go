package neo4jdb_test

import (
	"context"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// benchGraph is the bench graph (`make bench-seed`, not cleared) at
// INNOGRAPH_BENCH_NEO4J_URI, for the benchmarks that need a large graph.
type benchGraph struct {
	db     *neo4jdb.DB
	driver neo4j.DriverWithContext
	mu     sync.Mutex
	sent   []neo4jdb.Query // what db sent, since the last take
}

// openBenchGraph opens it, or skips the benchmark when the variable is unset.
func openBenchGraph(b *testing.B, readTimeout time.Duration) *benchGraph {
	uri := os.Getenv("INNOGRAPH_BENCH_NEO4J_URI")
	if uri == "" {
		b.Skip("INNOGRAPH_BENCH_NEO4J_URI unset: needs the bench graph")
	}
	ctx := context.Background()
	cfg := neo4jtest.Config()
	cfg.URI = uri
	cfg.ReadTimeout = readTimeout
	g := &benchGraph{}
	db, err := neo4jdb.Open(ctx, cfg, func(_ context.Context, q neo4jdb.Query) {
		g.mu.Lock()
		g.sent = append(g.sent, q)
		g.mu.Unlock()
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close(ctx) })
	g.db = db
	if g.driver, err = neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(cfg.User, cfg.Password, "")); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { g.driver.Close(ctx) })
	return g
}

// run sends a statement straight to Neo4j (a PROFILE, a setup query).
func (g *benchGraph) run(b *testing.B, cypher string, params map[string]any) *neo4j.EagerResult {
	res, err := neo4j.ExecuteQuery(context.Background(), g.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithTransactionConfig(neo4j.WithTxTimeout(2*time.Minute)))
	if err != nil {
		b.Fatal(err)
	}
	return res
}

// take returns the statements db sent since the last take.
func (g *benchGraph) take() []neo4jdb.Query {
	g.mu.Lock()
	defer g.mu.Unlock()
	sent := g.sent
	g.sent = nil
	return sent
}

// dbHits is what PROFILE counts for the statements.
func (g *benchGraph) dbHits(b *testing.B, statements []neo4jdb.Query) int64 {
	var hits int64
	for _, q := range statements {
		hits += neo4jdb.DBHits(g.run(b, "PROFILE "+q.Cypher, q.Params).Summary.Profile())
	}
	return hits
}

// reportMedian times op once per benchmark iteration, the i-th call with i,
// and reports the median as p50-ms: a loaded machine's stragglers move a
// mean, not a median.
func reportMedian(b *testing.B, op func(i int) error) {
	var took []time.Duration
	b.ResetTimer()
	i := 0
	for b.Loop() {
		start := time.Now()
		if err := op(i); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
		i++
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
}

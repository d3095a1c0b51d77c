package neo4jdb_test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// deepPlan is the read-ahead of the deepest selection the depth limit (12
// field levels) allows around an enterprise: alliances → members →
// alliances → members → alliances, with the given `first` of each list, far
// ends read for their id only (as graph/prefetch.go plans it).
func deepPlan(firsts ...int) []model.Prefetch {
	var plan []model.Prefetch
	for i := len(firsts) - 1; i >= 0; i-- {
		q := model.RelationQuery{Kind: model.RelationKindMembership, Dir: model.Outgoing, First: firsts[i], Projected: true, Props: "id"}
		if i%2 == 1 {
			q.Dir = model.Incoming
		}
		plan = []model.Prefetch{{Query: q, Next: plan}}
	}
	return plan
}

// deepShapes are the worst depth-12 shapes under the default complexity
// limit: first:1 everywhere, and the default first (20) on as many lists as
// the limit admits, placed to make the most member lists of hub alliances.
var deepShapes = []struct {
	name   string
	firsts []int
}{
	{"first1", []int{1, 1, 1, 1, 1}},
	{"first20x3-top", []int{20, 20, 20, 1, 1}},
	{"first20x3-mid", []int{1, 20, 20, 20, 1}},
	{"first20x3-low", []int{1, 1, 20, 20, 20}},
}

// BenchmarkDeepReadAhead reads the deep shapes around the enterprise with
// the most alliances of the bench graph (`make bench-seed`, not cleared), with
// the read-ahead as it is ("now") and as one statement, as it was ("nested"). It
// reports statements and Neo4j db hits per read (PROFILE of the statements
// sent, outside the timing) and the time of the first read after Neo4j's
// query caches were cleared (cold-ms: planning included).
//
//	INNOGRAPH_BENCH_NEO4J_URI=bolt://127.0.0.1:7712 go test ./neo4jdb -run '^$' -bench DeepReadAhead -benchtime 3x
func BenchmarkDeepReadAhead(b *testing.B) {
	uri := os.Getenv("INNOGRAPH_BENCH_NEO4J_URI")
	if uri == "" {
		b.Skip("INNOGRAPH_BENCH_NEO4J_URI unset: needs the bench graph")
	}
	ctx := context.Background()
	cfg := neo4jtest.Config()
	cfg.URI = uri
	cfg.ReadTimeout = 30 * time.Second
	var mu sync.Mutex
	var sent []neo4jdb.Query
	db, err := neo4jdb.Open(ctx, cfg, func(_ context.Context, q neo4jdb.Query) {
		mu.Lock()
		sent = append(sent, q)
		mu.Unlock()
	})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close(ctx)
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		b.Fatal(err)
	}
	defer driver.Close(ctx)
	run := func(cypher string, params map[string]any) *neo4j.EagerResult {
		res, err := neo4j.ExecuteQuery(ctx, driver, cypher, params, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithTransactionConfig(neo4j.WithTxTimeout(2*time.Minute)))
		if err != nil {
			b.Fatal(err)
		}
		return res
	}
	hub := run(`MATCH (e:Enterprise)-[:MEMBER_OF]->() RETURN e.id AS id, count(*) AS n ORDER BY n DESC LIMIT 1`, nil).Records[0].Values[0].(string)
	for _, levels := range []struct {
		name string
		n    int
	}{{"now", 2}, {"nested", 99}} {
		for _, shape := range deepShapes {
			b.Run(fmt.Sprintf("%s/%s", levels.name, shape.name), func(b *testing.B) {
				defer neo4jdb.SetPrefetchLevels(levels.n)()
				plan := deepPlan(shape.firsts...)
				run(`CALL db.clearQueryCaches()`, nil)
				sent = nil
				start := time.Now()
				_, err := db.Prefetch(ctx, []string{hub}, []string{"id"}, plan)
				cold := time.Since(start)
				if model.ErrorCode(err) == model.CodeTimeout {
					b.ReportMetric(float64(cold.Milliseconds()), "cold-ms")
					b.ReportMetric(1, "timeouts")
					return
				} else if err != nil {
					b.Fatal(err)
				}
				statements := sent
				var hits int64
				for _, q := range statements {
					hits += dbHits(run("PROFILE "+q.Cypher, q.Params).Summary.Profile())
				}
				b.ResetTimer()
				for b.Loop() {
					if _, err := db.Prefetch(ctx, []string{hub}, []string{"id"}, plan); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(len(statements)), "statements/op")
				b.ReportMetric(float64(hits), "dbhits/op")
				b.ReportMetric(float64(cold.Milliseconds()), "cold-ms") // after the loop: ResetTimer drops metrics
			})
		}
	}
}

func dbHits(p neo4j.ProfiledPlan) int64 {
	if p == nil {
		return 0
	}
	n := p.DbHits()
	for _, c := range p.Children() {
		n += dbHits(c)
	}
	return n
}

package neo4jdb_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
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
	ctx := context.Background()
	g := openBenchGraph(b, 30*time.Second)
	db := g.db
	hub := g.run(b, `MATCH (e:Enterprise)-[:MEMBER_OF]->() RETURN e.id AS id, count(*) AS n ORDER BY n DESC LIMIT 1`, nil).Records[0].Values[0].(string)
	for _, levels := range []struct {
		name string
		n    int
	}{{"now", 2}, {"nested", 99}} {
		for _, shape := range deepShapes {
			b.Run(fmt.Sprintf("%s/%s", levels.name, shape.name), func(b *testing.B) {
				defer neo4jdb.SetPrefetchLevels(levels.n)()
				plan := deepPlan(shape.firsts...)
				g.run(b, `CALL db.clearQueryCaches()`, nil)
				g.take()
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
				statements := g.take()
				hits := g.dbHits(b, statements)
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

package neo4jdb_test

import (
	"context"
	"testing"
	"time"

	"github.com/innograph/innograph/graph/model"
)

// BenchmarkSuggestPartners suggests partners to the most connected
// enterprise and university of the bench graph (`make bench-seed`, not
// cleared), with and without factsOnly, and reports the Neo4j db hits of
// the statement (PROFILE, outside the timing): what ranking the reasons
// and ruling out the organisations already tied to the node cost.
//
//	INNOGRAPH_BENCH_NEO4J_URI=bolt://127.0.0.1:7689 go test ./neo4jdb -run '^$' -bench SuggestPartners -benchtime 20x
func BenchmarkSuggestPartners(b *testing.B) {
	ctx := context.Background()
	g := openBenchGraph(b, 30*time.Second)
	for _, label := range []string{"Enterprise", "University"} {
		hub := g.run(b, `MATCH (n:`+label+`) RETURN n.id AS id ORDER BY COUNT { (n)--() } DESC, n.id LIMIT 1`, nil).Records[0].Values[0].(string)
		for _, facts := range []bool{false, true} {
			name := label
			if facts {
				name += "/factsOnly"
			}
			q := model.PartnerQuery{ID: hub, Kinds: model.Organisations, First: 10, RecentSince: 2016, FactsOnly: facts}
			b.Run(name, func(b *testing.B) {
				g.take()
				for b.Loop() {
					if _, err := g.db.SuggestPartners(ctx, q); err != nil {
						b.Fatal(err)
					}
				}
				sent := g.take()
				b.ReportMetric(float64(g.dbHits(b, sent[len(sent)-1:])), "dbhits/op")
			})
		}
	}
}

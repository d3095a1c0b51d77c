package neo4jdb_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
	"github.com/innograph/innograph/synthetic"
)

// BenchmarkMatchDemand ranks the candidates of the synthetic demands in
// turn on synthetic graphs of two sizes, to see how the ranking's cost
// grows with the graph: its candidates are the full-text hits (at most
// model.MatchHits per query) and the poster's ties, and each candidate's
// transfer record is read whole before the best three are kept, so a hub
// university costs more in a larger graph.
//
//	go test ./neo4jdb -run '^$' -bench MatchDemand -benchtime 50x
func BenchmarkMatchDemand(b *testing.B) {
	for _, nodes := range []int{2000, 10000} {
		b.Run(fmt.Sprintf("nodes=%d", nodes), func(b *testing.B) {
			db, _ := neo4jtest.Open(b)
			cfg := synthetic.DefaultConfig(nodes, 5)
			neo4jtest.LoadSynthetic(b, db, cfg)
			ctx := context.Background()
			candidates := 0
			i := 0
			for b.Loop() {
				got, err := db.MatchDemand(ctx, model.MatchQuery{ID: synthetic.ID("dem", i%cfg.Demands), Kinds: model.MatchKinds, First: 10})
				if err != nil {
					b.Fatal(err)
				}
				candidates += len(got)
				i++
			}
			b.ReportMetric(float64(candidates)/float64(i), "candidates/op")
		})
	}
}

package neo4jdb_test

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/synthetic"
)

// BenchmarkNetworkScale asks the bench's network (depth 2, 200 nodes, 1,000
// edges, hub cap 500) around 50 organisations of a synthetic bench graph
// (`seed generate`, any size; a university for one draw in four, else an
// enterprise, as bench/ draws them) and reports Neo4j db hits per network
// (PROFILE of the statement, outside the timing), the most of any centre,
// and the median time. Run it against the 100k and the 1M graph: the
// network's cost should follow the picture, not the graph.
//
//	INNOGRAPH_BENCH_NEO4J_URI=bolt://127.0.0.1:7781 go test ./neo4jdb -run '^$' -bench NetworkScale -benchtime 50x
func BenchmarkNetworkScale(b *testing.B) {
	ctx := context.Background()
	g := openBenchGraph(b, 30*time.Second)
	count := func(label string) int {
		return int(g.run(b, `MATCH (n:`+label+`) RETURN count(n) AS n`, nil).Records[0].Values[0].(int64))
	}
	enterprises, universities := count("Enterprise"), count("University")
	rng := rand.New(rand.NewPCG(1, 42))
	centres := make([]string, 50)
	for i := range centres {
		if rng.IntN(4) == 0 {
			centres[i] = synthetic.ID("uni", rng.IntN(universities))
		} else {
			centres[i] = synthetic.ID("ent", rng.IntN(enterprises))
		}
	}
	network := func(i int) error {
		_, err := g.db.Network(ctx, model.NetworkQuery{ID: centres[i%len(centres)], Depth: 2, MaxNodes: 200, MaxEdges: 1000,
			PathScope: model.PathScope{MaxDegree: 500}, Edges: true})
		return err
	}
	g.take()
	var hits, most int64
	for i := range centres {
		if err := network(i); err != nil {
			b.Fatal(err)
		}
		h := g.dbHits(b, g.take())
		hits += h
		most = max(most, h)
	}
	reportMedian(b, network)
	b.ReportMetric(float64(hits)/float64(len(centres)), "dbhits/op")
	b.ReportMetric(float64(most), "max-dbhits")
}

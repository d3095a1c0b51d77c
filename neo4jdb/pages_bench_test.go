package neo4jdb_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/synthetic"
)

// BenchmarkFilteredPages reads the bench's W2 page — 20 enterprises of a
// city (each of the synthetic graph's cities in turn), by name — over the
// bench graph (`make bench-seed`, not cleared), with and without its
// totalCount, and the same page for the city named alone (any level) and
// for a province. It reports Neo4j db hits per page (PROFILE of the
// statement, outside the timing) and the median time of a page: with an index that gives the page in
// order they stay flat as the graph grows, where reading every match
// grows with it.
//
//	INNOGRAPH_BENCH_NEO4J_URI=bolt://127.0.0.1:7689 go test ./neo4jdb -run '^$' -bench FilteredPages -benchtime 50x
func BenchmarkFilteredPages(b *testing.B) {
	ctx := context.Background()
	g := openBenchGraph(b, 10*time.Second)
	cities := synthetic.Cities()
	last := func(p string) string { return p[strings.LastIndex(p, "/")+1:] }
	first := func(p string) string { return p[:strings.Index(p, "/")] }
	for _, bc := range []struct {
		name   string
		region func(string) string
		count  bool
	}{
		{"W2b/city-path", func(p string) string { return p }, false},
		{"W2a/city-path/totalCount", func(p string) string { return p }, true},
		{"city-segment", last, false},
		{"province", first, false},
		{"province/totalCount", first, true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			page := func(i int) error {
				_, err := g.db.ListNodes(ctx, model.ListQuery{Kind: model.NodeKindEnterprise, OrderBy: "name", First: 20,
					Count: bc.count, Props: []string{"id", "name"},
					Where: []model.Condition{{Op: model.OpRegion, Prop: "region", Value: bc.region(cities[i%len(cities)])}}})
				return err
			}
			g.take() // what the last sub-benchmark's loop sent
			var hits int64
			for i := range cities {
				if err := page(i); err != nil {
					b.Fatal(err)
				}
				hits += g.dbHits(b, g.take())
			}
			reportMedian(b, page)
			b.ReportMetric(float64(hits)/float64(len(cities)), "dbhits/page")
		})
	}
}

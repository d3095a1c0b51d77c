package neo4jdb_test

import (
	"context"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/synthetic"
)

// BenchmarkRankedPages reads pages of 10 of search (each word of the
// synthetic vocabulary in turn) and of hubs over the bench graph (`make
// bench-seed`, not cleared): the first page, the third (after a cursor),
// and for search the statement as it was before cursors ("lucene-top10":
// Lucene's own top 10, ties in document order). It reports Neo4j db hits
// per page (PROFILE of the statements, outside the timing) and, for search,
// the hits per query that the ranking sorts.
//
//	INNOGRAPH_BENCH_NEO4J_URI=bolt://127.0.0.1:7689 go test ./neo4jdb -run '^$' -bench RankedPages -benchtime 50x
func BenchmarkRankedPages(b *testing.B) {
	ctx := context.Background()
	g := openBenchGraph(b, 5*time.Second)
	db := g.db
	words := synthetic.Words()
	searchPage := func(i, page int) error {
		q := model.SearchQuery{Text: words[i%len(words)], First: 10, Props: []string{"id", "name"}}
		for range page {
			p, err := db.Search(ctx, q)
			if err != nil || !p.More {
				return err
			}
			last := p.Items[len(p.Items)-1]
			q.After = &model.Cursor{Key: last.Score, ID: last.Node.NodeID()}
		}
		_, err := db.Search(ctx, q)
		return err
	}
	hubsPage := func(factsOnly bool) func(_, page int) error {
		return func(_, page int) error {
			q := model.HubQuery{Kind: model.NodeKindEnterprise, First: 10, FactsOnly: factsOnly}
			for range page {
				p, err := db.Hubs(ctx, q)
				if err != nil || !p.More {
					return err
				}
				last := p.Items[len(p.Items)-1]
				q.After = &model.Cursor{Key: int64(last.Total), ID: last.Node.NodeID()}
			}
			_, err := db.Hubs(ctx, q)
			return err
		}
	}
	const luceneTop10 = `CALL db.index.fulltext.queryNodes('node_search', $query, {limit: 10}) YIELD node, score
		RETURN node {.id, .name, labels: labels(node)} AS node, score`
	lucene := func(i, _ int) error {
		_, err := neo4j.ExecuteQuery(ctx, g.driver, luceneTop10, map[string]any{"query": words[i%len(words)]}, neo4j.EagerResultTransformer)
		return err
	}
	for _, bc := range []struct {
		name string
		page int
		read func(i, page int) error
	}{
		{"search/lucene-top10", 0, lucene},
		{"search/page1", 0, searchPage},
		{"search/page3", 2, searchPage},
		{"hubs/page1", 0, hubsPage(false)},
		{"hubs/page3", 2, hubsPage(false)},
		{"hubs/factsOnly/page1", 0, hubsPage(true)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			// db hits of the last statement of each page, over every word.
			var hits int64
			for i := range words {
				if bc.name == "search/lucene-top10" {
					hits += g.dbHits(b, []neo4jdb.Query{{Cypher: luceneTop10, Params: map[string]any{"query": words[i]}}})
					continue
				}
				if err := bc.read(i, bc.page); err != nil {
					b.Fatal(err)
				}
				sent := g.take()
				hits += g.dbHits(b, sent[len(sent)-1:])
			}
			b.ResetTimer()
			i := 0
			for b.Loop() {
				if err := bc.read(i, bc.page); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.ReportMetric(float64(hits)/float64(len(words)), "dbhits/page")
		})
	}
	var total int64
	for _, w := range words {
		total += g.run(b, `CALL db.index.fulltext.queryNodes('node_search', $query) YIELD node RETURN count(*) AS n`,
			map[string]any{"query": w}).Records[0].Values[0].(int64)
	}
	b.Logf("search: %d words, %.0f hits per word on average", len(words), float64(total)/float64(len(words)))
}

package neo4jdb_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/synthetic"
)

// BenchmarkChains compares Chains' statement as it was (the search alone,
// every relationship's window tested) with the statement as it is, on the
// synthetic graph of `seed generate` at INNOGRAPH_BENCH_NEO4J_URI (not
// cleared), for the organisation pairs the bench draws (bench/workloads.go
// classifyPairs: seed 1, INNOGRAPH_BENCH_PAIRS of each kind, default 5,
// connected or not within 4 hops under the default cap), each with first 1
// and 5 and maxHops 3 and 4. It logs a line a case — the pair's degrees and
// distance, db hits before → now, same chains (compareChains) — and
// reports the db hits of all cases (PROFILE, exact), the worst ratio of one
// case, the cases whose chains differ, and the ratio of the warm run times
// measured side by side (noisy).
//
//	INNOGRAPH_BENCH_NEO4J_URI=bolt://127.0.0.1:7782 go test ./neo4jdb -run '^$' -bench Chains -benchtime 1x
func BenchmarkChains(b *testing.B) {
	g := openBenchGraph(b, 2*time.Minute)
	pairs := chainPairs(b, g)
	run := func(cypher string, params map[string]any) ([]*neo4j.Record, int64, error) {
		res := g.run(b, cypher, params)
		var hits int64
		if p := res.Summary.Profile(); p != nil {
			hits = neo4jdb.DBHits(p)
		}
		return res.Records, hits, nil
	}
	for b.Loop() {
		var before, now, differ int64
		var worst float64
		var slow, fast time.Duration
		for _, p := range pairs {
			for _, maxHops := range []int{3, 4} {
				for _, first := range []int{1, 5} {
					q := model.ChainQuery{From: p.from, To: p.to, MaxHops: maxHops, First: first, PathScope: model.PathScope{MaxDegree: 500}}
					ref, cur, err := compareChains(run, q, true)
					same := "yes"
					if errors.Is(err, errDiffer) {
						same, differ = "NO: "+err.Error(), differ+1
					} else if err != nil {
						b.Fatal(err)
					}
					before, now, worst = before+ref, now+cur, max(worst, float64(cur)/float64(ref))
					b.Logf("%s (%d) – %s (%d), distance %s, first %d, maxHops %d: db hits %d → %d (%.2f), same %s",
						p.from, p.degrees[0], p.to, p.degrees[1], p.distance, first, maxHops, ref, cur, float64(cur)/float64(ref), same)
					reference, statement, params := neo4jdb.ChainsStatements(q)
					slow += timed(b, run, reference, params)
					fast += timed(b, run, statement, params)
				}
			}
		}
		b.ReportMetric(float64(before), "hits-before")
		b.ReportMetric(float64(now), "hits-now")
		b.ReportMetric(float64(now)/float64(before), "hits-ratio")
		b.ReportMetric(worst, "worst-ratio")
		b.ReportMetric(float64(differ), "differ")
		b.ReportMetric(float64(fast)/float64(slow), "time-ratio")
	}
}

// chainPair is a pair of organisations, their degrees, and the length of
// the shortest chain between them within 4 hops ("-" when none).
type chainPair struct {
	from, to string
	degrees  [2]int64
	distance string
}

// chainPairs draws the pairs as bench/workloads.go classifyPairs does, for
// the numbers of enterprises and universities of the bench graph.
func chainPairs(b *testing.B, g *benchGraph) []chainPair {
	want := 5
	if n, err := strconv.Atoi(os.Getenv("INNOGRAPH_BENCH_PAIRS")); err == nil {
		want = n
	}
	count := func(label string) int {
		return int(g.run(b, `MATCH (n:`+label+`) RETURN count(n)`, nil).Records[0].Values[0].(int64))
	}
	cfg := synthetic.Config{Enterprises: count("Enterprise"), Universities: count("University")}
	rng := rand.New(rand.NewPCG(1, 42))
	var connected, unconnected []chainPair
	for tries := 0; tries < 40*want && (len(connected) < want || len(unconnected) < want); tries++ {
		from, to := organisation(cfg, rng), organisation(cfg, rng)
		if from == to {
			continue
		}
		ans, err := g.db.Chains(context.Background(), model.ChainQuery{From: from, To: to, MaxHops: 4, First: 5, PathScope: model.PathScope{MaxDegree: 500}})
		if err != nil {
			b.Fatal(err)
		}
		p := chainPair{from: from, to: to, distance: "-"}
		for i, id := range []string{from, to} {
			p.degrees[i] = g.run(b, `MATCH (n:Node {id: $id}) RETURN COUNT { (n)--() }`, map[string]any{"id": id}).Records[0].Values[0].(int64)
		}
		if len(ans.Chains) > 0 && len(connected) < want {
			p.distance = fmt.Sprint(ans.Chains[0].Length)
			connected = append(connected, p)
		} else if len(ans.Chains) == 0 && len(unconnected) < want {
			unconnected = append(unconnected, p)
		}
	}
	return append(connected, unconnected...)
}

// timed runs a statement once to warm it up and answers the time of a
// second run.
func timed(b *testing.B, run chainRun, cypher string, params map[string]any) time.Duration {
	var took time.Duration
	for range 2 {
		start := time.Now()
		if _, _, err := run(cypher, params); err != nil {
			b.Fatal(err)
		}
		took = time.Since(start)
	}
	return took
}

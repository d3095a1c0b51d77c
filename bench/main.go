// Command bench measures InnoGraph's path queries under load: each workload
// through the GraphQL endpoint of a running server and directly through the
// driver with the same Cypher, side by side in one run, at fixed
// concurrencies. It first checks that both give the same answers.
//
//	go run ./bench -graphql http://127.0.0.1:8181/query -neo4j bolt://127.0.0.1:7689
//
// The graph must be the synthetic one of `seed generate -nodes N -seed S`
// with the same -nodes and -seed: parameters are drawn from its ids.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/synthetic"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run() error {
	gqlURL := flag.String("graphql", "http://127.0.0.1:8181/query", "GraphQL endpoint of the server under test")
	uri := flag.String("neo4j", "bolt://127.0.0.1:7689", "Neo4j the server reads")
	password := flag.String("password", envOr("NEO4J_PASSWORD", "innograph-dev"), "Neo4j password (user neo4j)")
	nodes := flag.Int("nodes", 100000, "-nodes the synthetic graph was generated with")
	seed := flag.Uint64("seed", 1, "-seed the synthetic graph was generated with")
	params := flag.Int("params", 50, "parameter sets per workload")
	concurrency := flag.String("concurrency", "1,16", "comma-separated concurrencies")
	warmup := flag.Duration("warmup", 2*time.Second, "warm-up before each measurement")
	duration := flag.Duration("duration", 10*time.Second, "measurement per workload, system and concurrency")
	pool := flag.Int("pool", 50, "driver pool size, as the server's NEO4J_MAX_POOL_SIZE")
	only := flag.String("only", "", "run only the workloads whose name contains this")
	flag.Parse()
	levels, err := parseInts(*concurrency)
	if err != nil {
		return err
	}

	ctx := context.Background()
	db, err := neo4jdb.Open(ctx, neo4jdb.Config{URI: *uri, User: "neo4j", Password: *password,
		ReadTimeout: 5 * time.Second, WriteTimeout: 10 * time.Second, PathTimeout: 5 * time.Second,
		MaxPoolSize: *pool, AcquireTimeout: 5 * time.Second}, nil)
	if err != nil {
		return err
	}
	defer db.Close(ctx)
	gql := newGraphQLClient(*gqlURL, slices.Max(levels))

	cfg := synthetic.DefaultConfig(*nodes, *seed)
	rng := rand.New(rand.NewPCG(*seed, 42))
	connected, unconnected, err := classifyPairs(ctx, db, cfg, rng, *params)
	if err != nil {
		return err
	}
	fmt.Printf("pairs: %d connected and %d unconnected within 4 hops (maxDegree 500)\n", len(connected), len(unconnected))
	var workloads []workload
	if len(connected) > 0 {
		workloads = append(workloads, chainWorkload("chain, connected pairs", gql, db, connected))
	}
	if len(unconnected) > 0 {
		workloads = append(workloads, chainWorkload("chain, unconnected pairs", gql, db, unconnected))
	}
	workloads = append(workloads, networkWorkload(gql, db, organisations(cfg, rng, *params)))
	workloads = slices.DeleteFunc(workloads, func(w workload) bool { return !strings.Contains(w.name, *only) })

	for _, w := range workloads {
		for i := range *params {
			if err := w.same(ctx, i); err != nil {
				return fmt.Errorf("%s: GraphQL and driver disagree: %w", w.name, err)
			}
		}
	}
	fmt.Printf("answers checked: GraphQL and the driver agree on every parameter set\n\n")

	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "workload\tconc\tsystem\treq/s\tp50\tp99\terrors\tp50 GraphQL/driver\t")
	var failed error
	for _, w := range workloads {
		for _, c := range levels {
			direct := Run(ctx, c, *warmup, *duration, w.direct)
			viaGraphQL := Run(ctx, c, *warmup, *duration, w.graphql)
			for _, r := range []struct {
				system string
				res    Result
			}{{"driver", direct}, {"GraphQL", viaGraphQL}} {
				ratio := ""
				if r.system == "GraphQL" {
					ratio = fmt.Sprintf("%.2f", float64(viaGraphQL.Percentile(50))/float64(direct.Percentile(50)))
				}
				fmt.Fprintf(tw, "%s\t%d\t%s\t%.1f\t%s\t%s\t%d\t%s\t\n", w.name, c, r.system, r.res.PerSecond(),
					ms(r.res.Percentile(50)), ms(r.res.Percentile(99)), r.res.Errors, ratio)
				if r.res.FirstError != nil {
					failed = errors.Join(failed, fmt.Errorf("%s, %s, concurrency %d: %w", w.name, r.system, c, r.res.FirstError))
				}
			}
		}
	}
	tw.Flush()
	return failed
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }

func parseInts(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bad concurrency %q", part)
		}
		out = append(out, n)
	}
	return out, nil
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

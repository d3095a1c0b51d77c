// Command bench measures InnoGraph under load, side by side in one run, on
// the synthetic graph of `seed generate`:
//
//   - the path queries (chain, network) through our GraphQL endpoint next to
//     the same Cypher run directly through the driver;
//   - workloads W1–W6 on three systems: our server, the @neo4j/graphql peer
//     (bench/peer) and a raw-Cypher HTTP endpoint this command serves itself.
//
// Before measuring it checks that the systems give the same answers; a
// difference is a failure. It prints Markdown (make bench writes it to
// bench/RESULTS.md).
//
// The graph must be the one `seed generate -nodes N -seed S` loaded, with the
// same -nodes and -seed: parameters are drawn from its ids.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/innograph/innograph/bench/cells"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/synthetic"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type options struct {
	ours, peer, uri, password string
	nodes, params, pool       int
	seed                      uint64
	levels                    []int
	warmup, duration          time.Duration
	only, results, json       string
	pids                      map[string]int
}

// report is where the Markdown report goes: stdout, and -results if given.
var report io.Writer = os.Stdout

func parseOptions() (options, error) {
	var o options
	flag.StringVar(&o.ours, "graphql", "http://127.0.0.1:8181/query", "our GraphQL endpoint")
	flag.StringVar(&o.peer, "peer", "", "the @neo4j/graphql peer's endpoint; empty: leave the peer out")
	flag.StringVar(&o.uri, "neo4j", "bolt://127.0.0.1:7689", "the Neo4j every system reads")
	flag.StringVar(&o.password, "password", envOr("NEO4J_PASSWORD", neo4jdb.DefaultConfig().Password), "Neo4j password (user neo4j)")
	flag.IntVar(&o.nodes, "nodes", 100000, "-nodes the synthetic graph was generated with")
	flag.Uint64Var(&o.seed, "seed", 1, "-seed the synthetic graph was generated with")
	flag.IntVar(&o.params, "params", 50, "parameter sets per workload")
	concurrency := flag.String("concurrency", "1,16", "comma-separated concurrencies")
	flag.DurationVar(&o.warmup, "warmup", 2*time.Second, "warm-up before each measurement")
	flag.DurationVar(&o.duration, "duration", 10*time.Second, "measurement per workload, system and concurrency")
	flag.IntVar(&o.pool, "pool", 50, "driver pool size, as the server's NEO4J_MAX_POOL_SIZE")
	flag.StringVar(&o.only, "only", "", "run only the workloads whose name contains this")
	flag.StringVar(&o.results, "results", "", "also write the report to this file (Markdown)")
	flag.StringVar(&o.json, "json", "", "also write the measured cells to this file (JSON, for bench/scale)")
	pids := flag.String("pids", "", "processes to measure the CPU of, as ours=PID,peer=PID,neo4j=PID (Linux)")
	quick := flag.Bool("quick", false, "a short run for development: 10 parameter sets, 0.5 s warm-up, 2 s per cell")
	flag.Parse()
	if *quick {
		o.params, o.warmup, o.duration = 10, 500*time.Millisecond, 2*time.Second
	}
	levels, err := parseInts(*concurrency)
	if err != nil {
		return o, err
	}
	o.levels = levels
	o.pids, err = parsePids(*pids)
	return o, err
}

// ourConfig is how our server would reach the bench's Neo4j: its defaults
// with the bench's URI, password and pool.
func ourConfig(o options, pool int) neo4jdb.Config {
	cfg := neo4jdb.DefaultConfig()
	cfg.URI, cfg.Password, cfg.MaxPoolSize = o.uri, o.password, pool
	return cfg
}

func run() error {
	o, err := parseOptions()
	if err != nil {
		return err
	}
	if o.results != "" {
		f, err := os.Create(o.results)
		if err != nil {
			return err
		}
		defer f.Close()
		report = io.MultiWriter(os.Stdout, f)
	}
	fmt.Fprint(report, header(o))
	ctx := context.Background()
	db, err := neo4jdb.Open(ctx, ourConfig(o, o.pool), nil)
	if err != nil {
		return err
	}
	defer db.Close(ctx)
	client := newGraphQLClient(o.ours, slices.Max(o.levels))

	cfg := synthetic.DefaultConfig(o.nodes, o.seed)
	rng := rand.New(rand.NewPCG(o.seed, 42))
	// Drawing the pairs is not measured: its first chains are planned cold,
	// which on a loaded machine can take longer than a request's bound.
	setupCfg := ourConfig(o, 4)
	setupCfg.PathTimeout = time.Minute
	setup, err := neo4jdb.Open(ctx, setupCfg, nil)
	if err != nil {
		return err
	}
	defer setup.Close(ctx)
	connected, unconnected, err := classifyPairs(ctx, setup, cfg, rng, o.params)
	if err != nil {
		return err
	}
	fmt.Fprintf(report, "Parameters: %d sets per workload, drawn with seed %d; %d connected and %d unconnected organisation pairs within 4 hops.\n\n",
		o.params, o.seed, len(connected), len(unconnected))

	paths, pathsErr := benchPaths(ctx, o, client, db, cfg, rng, connected, unconnected)

	rawURL, stopRaw, err := startRaw(ctx, o.uri, o.password, o.pool, db)
	if err != nil {
		return err
	}
	defer stopRaw()
	systems := []system{
		{name: "ours", client: client, query: oursQueries, url: func(string) string { return o.ours }},
		{name: "raw", client: client, url: func(w string) string { return rawURL + "/" + w }},
	}
	if o.peer != "" {
		systems = append(systems, system{name: "peer", client: client, query: peerQueries, url: func(string) string { return o.peer }})
	}
	cs := comparisons(cfg, rng, o.params, connected)
	cs = slices.DeleteFunc(cs, func(c comparison) bool { return !strings.Contains(c.name, o.only) })
	if err := checkSame(ctx, systems, cs, o.params); err != nil {
		return errors.Join(pathsErr, fmt.Errorf("the systems disagree: %w", err))
	}
	names := make([]string, len(systems))
	for i, s := range systems {
		names[i] = s.name
	}
	fmt.Fprintf(report, "## Three systems\n\nAnswers checked first: %s give the same data for every parameter set of every workload.\n\n", strings.Join(names, ", "))
	traced, err := traceStatements(ctx, o, cs)
	if err != nil {
		return errors.Join(pathsErr, err)
	}
	ms := runSystems(ctx, systems, cs, o.levels, o.warmup, o.duration, o.pids)
	fmt.Fprintln(report, systemsTable(ms))
	fmt.Fprintln(report, boundsSection(ms, cs, traced, slices.Max(o.levels)))
	fmt.Fprintln(report, statementsSection(cs, traced))
	var failed error
	if o.json != "" {
		failed = cells.Write(o.json, measuredCells(paths, ms, cs, traced))
	}
	for _, m := range ms {
		if m.res.FirstError != nil {
			failed = errors.Join(failed, fmt.Errorf("%s, %s, concurrency %d: %w", m.workload, m.system, m.concurrency, m.res.FirstError))
		}
	}
	return errors.Join(pathsErr, failed)
}

// benchPaths measures chain and network through GraphQL next to the driver.
func benchPaths(ctx context.Context, o options, client *graphqlClient, db *neo4jdb.DB, cfg synthetic.Config, rng *rand.Rand,
	connected, unconnected [][2]string) ([]measurement, error) {
	var workloads []workload
	if len(connected) > 0 {
		workloads = append(workloads, chainWorkload("chain, connected pairs", client, db, connected))
	}
	if len(unconnected) > 0 {
		workloads = append(workloads, chainWorkload("chain, unconnected pairs", client, db, unconnected))
	}
	// The explorer draws networks of hundreds to a thousand nodes.
	centres := organisations(cfg, rng, o.params)
	workloads = append(workloads, networkWorkload(client, db, centres, 200, 1000), networkWorkload(client, db, centres, 1000, 4000))
	workloads = slices.DeleteFunc(workloads, func(w workload) bool { return !strings.Contains(w.name, o.only) })
	for _, w := range workloads {
		for i := range o.params {
			if err := thrice(func() error { return w.same(ctx, i) }); err != nil {
				return nil, fmt.Errorf("%s: GraphQL and driver disagree: %w", w.name, err)
			}
		}
	}
	fmt.Fprintf(report, "## Path queries: GraphQL next to the driver\n\nAnswers checked first: GraphQL and the driver agree on every parameter set.\n\n")
	fmt.Fprintln(report, "| workload | conc | system | req/s | p50 | p99 | errors | p50 GraphQL/driver | CPU/req Neo4j | CPU/req server | CPU/req bench |")
	fmt.Fprintln(report, "|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|")
	// The driver runs in bench; GraphQL is our server's.
	pids := map[string]int{}
	for name, key := range map[string]string{procNeo4j: procNeo4j, "GraphQL": "ours"} {
		if pid, ok := o.pids[key]; ok {
			pids[name] = pid
		}
	}
	var failed error
	var out []measurement
	for _, w := range workloads {
		for _, c := range o.levels {
			fmt.Fprintf(os.Stderr, "  %s, concurrency %d\n", w.name, c)
			cells := takeTurns(ctx, w.name, []string{"driver", "GraphQL"}, []Request{w.direct, w.graphql}, c, o.warmup, o.duration, pids)
			out = append(out, cells...)
			for _, m := range cells {
				ratio := ""
				if m.system == "GraphQL" {
					ratio = fmt.Sprintf("%.2f", float64(m.res.Percentile(50))/float64(cells[0].res.Percentile(50)))
				}
				fmt.Fprintf(report, "| %s | %d | %s | %.1f | %s | %s | %d | %s | %s | %s | %s |\n", w.name, c, m.system, m.res.PerSecond(),
					ms1(m.res.Percentile(50)), ms1(m.res.Percentile(99)), m.res.Errors, ratio,
					cpuCell(m, procNeo4j), cpuCell(m, procServer), cpuCell(m, procBench))
				if m.res.FirstError != nil {
					failed = errors.Join(failed, fmt.Errorf("%s, %s, concurrency %d: %w", w.name, m.system, c, m.res.FirstError))
				}
			}
		}
	}
	fmt.Fprintln(report)
	return out, failed
}

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

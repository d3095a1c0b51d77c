// Command scale measures how InnoGraph's costs grow with the graph: for
// each size it loads the synthetic graph of `seed generate` through
// transactions into a fresh local Neo4j (time and peak memory of the load),
// serves it, and runs bench on it (W1–W6 and the path queries: p50, p99 and
// db hits); then it writes one report with the sizes side by side and the
// growth from the first to the last (bench/SCALE.md, `make bench-scale`).
//
// Every size runs on the same machine in one sitting with the same Neo4j
// settings; timings are as noisy as the machine, db hits are exact.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// options are the flags; the binaries are built by make bench-scale.
type options struct {
	sizes                 []int
	density               float64
	dir, http             string
	port                  int
	heap, pagecache       string
	password, out, work   string
	seed, server, bench   string
	neo4jLocal, benchArgs string
	batch                 int
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		os.Exit(1)
	}
}

func parseOptions() (options, error) {
	var o options
	sizes := flag.String("sizes", "100000,1000000", "comma-separated graph sizes (nodes), smallest first")
	flag.Float64Var(&o.density, "density", 1, "seed generate -density: relationships a node, as a multiple of the regional shape's")
	flag.IntVar(&o.batch, "batch-size", 10000, "seed generate -batch-size")
	flag.StringVar(&o.dir, "neo4j-dir", ".data/neo4j-scale", "data directory of the local Neo4j, created afresh for each size")
	flag.IntVar(&o.port, "neo4j-port", 7693, "its Bolt port on 127.0.0.1")
	flag.StringVar(&o.heap, "heap", "4g", "its JVM heap")
	flag.StringVar(&o.pagecache, "pagecache", "2g", "its page cache")
	flag.StringVar(&o.password, "password", "innograph-dev", "its password (user neo4j)")
	flag.StringVar(&o.http, "http", "127.0.0.1:8193", "where our server listens")
	flag.StringVar(&o.out, "out", "bench/SCALE.md", "the report (Markdown)")
	flag.StringVar(&o.work, "work", ".data/scale", "where each size's bench report, cells and logs go")
	flag.StringVar(&o.seed, "seed-bin", "bin/seed", "the seed command")
	flag.StringVar(&o.server, "server-bin", "bin/innograph", "the server")
	flag.StringVar(&o.bench, "bench-bin", "bin/bench", "the bench command")
	flag.StringVar(&o.neo4jLocal, "neo4j-local", "scripts/neo4j-local.sh", "the script that runs the local Neo4j")
	flag.StringVar(&o.benchArgs, "bench-flags", "-quick", "flags for bench on every size (-quick: 10 parameter sets, 2 s a cell)")
	flag.Parse()
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1000 {
			return o, fmt.Errorf("bad size %q: want a number of nodes, 1000 or more", s)
		}
		o.sizes = append(o.sizes, n)
	}
	return o, nil
}

func run() error {
	o, err := parseOptions()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := os.MkdirAll(o.work, 0o755); err != nil {
		return err
	}
	start := time.Now()
	var points []point
	for _, n := range o.sizes {
		fmt.Fprintf(os.Stderr, "== %d nodes (%s since the start)\n", n, time.Since(start).Round(time.Second))
		p, err := measure(ctx, o, n)
		if err != nil {
			return fmt.Errorf("%d nodes: %w (logs in %s)", n, err, o.work)
		}
		points = append(points, p)
	}
	report := writeReport(o, points, time.Since(start))
	if err := os.MkdirAll(filepath.Dir(o.out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(o.out, []byte(report), 0o644)
}

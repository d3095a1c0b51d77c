package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/innograph/innograph/importer"
	"github.com/innograph/innograph/synthetic"
)

// generateFlags are the flags of `seed generate`.
type generateFlags struct {
	nodes   int
	density float64
	seed    uint64
	out     string
	batch   int
	reset   bool
	bulk    bool // through the offline importer into a new local database
	bulkFlags
}

// parseGenerate reads the flags of `seed generate`; false after printing
// the usage or the parse error.
func parseGenerate(args []string, getenv func(string) string, stderr *os.File) (generateFlags, bool) {
	var f generateFlags
	fs := flag.NewFlagSet("seed generate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&f.nodes, "nodes", 100000, "total nodes, shared among the types as in a regional system")
	fs.Float64Var(&f.density, "density", 1, "relationships a node as a multiple of the regional shape's (about 5.7 at 1, 11 at 2)")
	fs.Uint64Var(&f.seed, "seed", 1, "random seed: the same seed gives the same graph")
	fs.StringVar(&f.out, "out", "", "write nodes.jsonl and relationships.jsonl into this directory instead of loading")
	fs.IntVar(&f.batch, "batch-size", 10000, "rows per transaction when loading")
	fs.BoolVar(&f.reset, "reset", false, "delete every node of the database before loading (benchmarks)")
	fs.BoolVar(&f.bulk, "bulk", false, "load through Neo4j's offline importer into a new local database (seed bulk)")
	f.bulkFlags.register(fs, getenv)
	if err := fs.Parse(args); err != nil {
		return f, false
	}
	if f.nodes < 10 || f.batch < 1 || f.density <= 0 || f.density > 10 || fs.NArg() > 0 {
		fs.Usage()
		return f, false
	}
	return f, true
}

// generate is `seed generate [flags]`: a synthetic graph, loaded into Neo4j
// through the same validation and batched upserts as files, or written as
// JSON Lines files with -out.
func generate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr *os.File) int {
	f, ok := parseGenerate(args, getenv, stderr)
	if !ok {
		return exitFailed
	}
	cfg := synthetic.DefaultConfig(f.nodes, f.seed).Denser(f.density)
	if f.out != "" {
		return writeFiles(cfg, f.out, stdout, stderr)
	}
	if f.bulk {
		return generateBulk(ctx, cfg, f.bulkFlags, getenv, stdout, stderr)
	}

	db, err := connect(ctx, getenv)
	if err != nil {
		return fail(stderr, "%v", err)
	}
	defer db.Close(context.Background())
	if f.reset {
		if err := db.DeleteAll(ctx); err != nil {
			return fail(stderr, "reset: %v", err)
		}
	}
	if err := db.EnsureSchema(ctx); err != nil {
		return fail(stderr, "create schema: %v", err)
	}
	checked, code := checkGenerated(ctx, cfg, db, stdout, stderr)
	if checked == nil {
		return code
	}
	return writeTimed(ctx, db, checked, f.batch, stdout, stderr)
}

// checkGenerated validates the synthetic graph cfg against lookup (nil for
// an empty database), streaming: a problem is the generator's bug. Without
// a load it returns the exit code.
func checkGenerated(ctx context.Context, cfg synthetic.Config, lookup importer.Lookup, stdout, stderr *os.File) (*importer.Checked, int) {
	start := time.Now()
	checked, err := importer.Check(ctx, synthetic.Rows(cfg), lookup)
	if err != nil {
		return nil, fail(stderr, "%v", err)
	}
	if problems := checked.Problems(); len(problems) > 0 {
		report(stderr, problems)
		return nil, fail(stderr, "the generator made %d invalid rows", len(problems))
	}
	fmt.Fprintf(stdout, "generated and validated %d nodes and %d relationships in %s\n",
		checked.NodeCount, checked.RelationCount, time.Since(start).Round(time.Millisecond))
	return checked, exitOK
}

// writeTimed writes a checked load, nodes then relationships, and prints
// each phase's rate: they cost differently.
func writeTimed(ctx context.Context, db importer.Writer, checked *importer.Checked, batch int, stdout, stderr *os.File) int {
	for _, phase := range []struct {
		what  string
		rows  int
		write func(context.Context, importer.Writer, importer.Options) (importer.Summary, error)
		count func(importer.Summary) importer.Counts
	}{
		{"nodes", checked.NodeCount, checked.WriteNodes, func(s importer.Summary) importer.Counts { return s.Nodes }},
		{"relationships", checked.RelationCount, checked.WriteRelations, func(s importer.Summary) importer.Counts { return s.Relations }},
	} {
		progress := newProgress(stderr, phase.rows)
		start := time.Now()
		sum, err := phase.write(ctx, db, importer.Options{BatchSize: batch, Progress: progress.set})
		progress.finish()
		if err != nil {
			return fail(stderr, "%v", err)
		}
		elapsed := time.Since(start)
		c := phase.count(sum)
		fmt.Fprintf(stdout, "%-14s %d in %s: %.0f rows/s (created %d, updated %d, unchanged %d)\n", phase.what+":", phase.rows,
			elapsed.Round(time.Millisecond), float64(phase.rows)/elapsed.Seconds(), c.Created, c.Updated, c.Unchanged)
	}
	return exitOK
}

// writeFiles writes the generated graph as seed files.
func writeFiles(cfg synthetic.Config, dir string, stdout, stderr *os.File) int {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(stderr, "%v", err)
	}
	files := map[bool]*os.File{}
	for isRel, name := range map[bool]string{false: "nodes.jsonl", true: "relationships.jsonl"} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return fail(stderr, "%v", err)
		}
		defer f.Close()
		files[isRel] = f
	}
	encoders := map[bool]*json.Encoder{false: json.NewEncoder(files[false]), true: json.NewEncoder(files[true])}
	counts := map[bool]int{}
	err := synthetic.Generate(cfg, func(r map[string]any) error {
		_, isRel := r["from"]
		counts[isRel]++
		return encoders[isRel].Encode(r)
	})
	if err != nil {
		return fail(stderr, "%v", err)
	}
	for _, f := range files {
		if err := f.Close(); err != nil {
			return fail(stderr, "%v", err)
		}
	}
	fmt.Fprintf(stdout, "wrote %d nodes and %d relationships to %s\n", counts[false], counts[true], dir)
	return exitOK
}

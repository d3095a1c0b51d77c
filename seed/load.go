package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/innograph/innograph/importer"
	"github.com/innograph/innograph/neo4jdb"
)

// maxShown bounds the problems printed; the rejects file has them all.
const maxShown = 50

// loadFlags are the flags and paths of `seed [flags] FILE|DIR...`.
type loadFlags struct {
	batch   int
	skip    bool
	rejects string
	dryRun  bool
	paths   []string
}

// parseLoad reads the flags of `seed`; false after printing the usage or
// the parse error.
func parseLoad(args []string, stderr *os.File) (loadFlags, bool) {
	var f loadFlags
	fs := newFlagSet("seed", "usage: seed [flags] FILE|DIR...   (file format: seed/README.md)", stderr)
	fs.IntVar(&f.batch, "batch-size", importer.DefaultBatchSize, "rows per transaction")
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		return f, false
	}
	if fs.NArg() == 0 || f.batch < 1 {
		fs.Usage()
		return f, false
	}
	f.paths = fs.Args()
	return f, true
}

// newFlagSet is a command's flags, whose usage prints usage and the defaults.
func newFlagSet(name, usage string, stderr *os.File) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, usage)
		fs.PrintDefaults()
	}
	return fs
}

// register adds the flags `seed` and `seed bulk` share: what becomes of
// invalid rows.
func (f *loadFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&f.skip, "skip-invalid", false, "write the valid rows and put the rejected ones in the -rejects file")
	fs.StringVar(&f.rejects, "rejects", "rejected.jsonl", "where -skip-invalid writes rejected rows with their reasons")
	fs.BoolVar(&f.dryRun, "dry-run", false, "validate only; write nothing")
}

// load is `seed [flags] FILE|DIR...`.
func load(ctx context.Context, args []string, getenv func(string) string, stdout, stderr *os.File) int {
	f, ok := parseLoad(args, stderr)
	if !ok {
		return exitFailed
	}
	src, err := importer.Files(f.paths)
	if err != nil {
		return fail(stderr, "%v", err)
	}
	db, err := connect(ctx, getenv)
	if err != nil {
		return fail(stderr, "%v", err)
	}
	defer db.Close(context.Background())
	if err := db.EnsureSchema(ctx); err != nil {
		return fail(stderr, "create schema: %v", err)
	}
	checked, err := importer.Check(ctx, src, db)
	if err != nil {
		return fail(stderr, "%v", err)
	}
	sum, problems, code, stop := beforeWriting(f, checked, stdout, stderr)
	if stop {
		return code
	}
	total := checked.NodeCount + checked.RelationCount
	progress := newProgress(stderr, total)
	start := time.Now()
	written, err := checked.Write(ctx, db, importer.Options{BatchSize: f.batch, Progress: progress.set})
	progress.finish()
	sum.Add(written)
	printSummary(stdout, sum)
	if err != nil {
		return fail(stderr, "%v (the batches before it were written; run the same command again to complete the load)", err)
	}
	fmt.Fprintf(stdout, "wrote %d rows in %s (%.0f rows/s)\n", total, time.Since(start).Round(time.Millisecond),
		float64(total)/time.Since(start).Seconds())
	return exitCode(problems)
}

// beforeWriting reports the problems validation found, counts them in the
// summary and decides whether the load writes (decide).
func beforeWriting(f loadFlags, checked *importer.Checked, stdout, stderr *os.File) (sum importer.Summary, problems []importer.Problem, code int, stop bool) {
	problems = checked.Problems()
	report(stderr, problems)
	sum.Reject(problems)
	code, stop = decide(f, checked, sum, problems, stdout, stderr)
	return sum, problems, code, stop
}

// decide is whether a load writes: a dry run and a strict load with
// problems stop there (true, with the exit code); with -skip-invalid the
// rejected rows go to the rejects file first.
func decide(f loadFlags, checked *importer.Checked, sum importer.Summary, problems []importer.Problem, stdout, stderr *os.File) (int, bool) {
	switch {
	case f.dryRun:
		fmt.Fprintf(stdout, "dry run, nothing written: %d nodes and %d relationships valid; %d node and %d relationship rows rejected\n",
			checked.NodeCount, checked.RelationCount, sum.Nodes.Rejected, sum.Relations.Rejected)
		return exitCode(problems), true
	case len(problems) > 0 && !f.skip:
		fmt.Fprintf(stderr, "seed: %d invalid rows; nothing written (use -skip-invalid to write the valid rows)\n", len(problems))
		return exitInvalid, true
	case len(problems) > 0:
		if err := writeRejects(f.rejects, problems); err != nil {
			return fail(stderr, "%v", err), true
		}
		fmt.Fprintf(stderr, "seed: %d rejected rows written to %s\n", len(problems), f.rejects)
	}
	return exitOK, false
}

func exitCode(problems []importer.Problem) int {
	if len(problems) > 0 {
		return exitInvalid
	}
	return exitOK
}

// connect opens Neo4j as the server does, from NEO4J_URI, NEO4J_USER,
// NEO4J_PASSWORD and NEO4J_DATABASE, with long transaction timeouts for batches.
func connect(ctx context.Context, getenv func(string) string) (*neo4jdb.DB, error) {
	env := func(name, def string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return def
	}
	cfg := neo4jdb.DefaultConfig()
	cfg.URI = env("NEO4J_URI", cfg.URI)
	cfg.User = env("NEO4J_USER", cfg.User)
	cfg.Password = env("NEO4J_PASSWORD", cfg.Password)
	cfg.Database = getenv("NEO4J_DATABASE")
	cfg.ReadTimeout, cfg.WriteTimeout = 2*time.Minute, 5*time.Minute
	cfg.MaxPoolSize, cfg.AcquireTimeout = 4, 30*time.Second
	db, err := neo4jdb.Open(ctx, cfg, nil)
	if err != nil {
		return nil, fmt.Errorf("connect to Neo4j at %s: %w", cfg.URI, errors.Unwrap(err))
	}
	return db, nil
}

func report(w io.Writer, problems []importer.Problem) {
	for i, p := range problems {
		if i == maxShown {
			fmt.Fprintf(w, "... and %d more\n", len(problems)-maxShown)
			break
		}
		fmt.Fprintln(w, p)
	}
}

func printSummary(w io.Writer, s importer.Summary) {
	for _, line := range []struct {
		what string
		c    importer.Counts
	}{{"nodes", s.Nodes}, {"relationships", s.Relations}} {
		fmt.Fprintf(w, "%-14s created %d, updated %d, unchanged %d, rejected %d\n",
			line.what+":", line.c.Created, line.c.Updated, line.c.Unchanged, line.c.Rejected)
	}
}

// writeRejects writes each rejected row with where it was and why, as JSON Lines.
func writeRejects(path string, problems []importer.Problem) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, p := range problems {
		if err := enc.Encode(map[string]any{"file": p.File, "line": p.Line, "field": p.Field, "reason": p.Reason, "record": p.Raw}); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

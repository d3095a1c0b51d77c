package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/innograph/innograph/importer"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/synthetic"
)

// bulkFlags are the flags of `seed bulk`, and of `seed generate -bulk`.
type bulkFlags struct {
	dir    string // the local database's data directory (NEO4J_LOCAL_DIR)
	script string // scripts/neo4j-local.sh, which runs the importer
}

func (b *bulkFlags) register(fs *flag.FlagSet, getenv func(string) string) {
	dir := getenv("NEO4J_LOCAL_DIR")
	if dir == "" {
		dir = ".data/neo4j"
	}
	fs.StringVar(&b.dir, "neo4j-dir", dir, "data directory of the local Neo4j to create (scripts/neo4j-local.sh)")
	fs.StringVar(&b.script, "neo4j-local", "scripts/neo4j-local.sh", "the script that runs the local Neo4j and its importer")
}

// bulk is `seed bulk [flags] FILE|DIR...`: the rows validated as `seed`
// validates them, written by Neo4j's offline importer into a new local
// database instead of through transactions.
func bulk(ctx context.Context, args []string, getenv func(string) string, stdout, stderr *os.File) int {
	var f loadFlags
	var b bulkFlags
	fs := newFlagSet("seed bulk", "usage: seed bulk [flags] FILE|DIR...   (an initial load into a new local database: seed/README.md)", stderr)
	f.register(fs)
	b.register(fs, getenv)
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		if err == nil {
			fs.Usage()
		}
		return exitFailed
	}
	f.paths = fs.Args()
	if err := bulkTarget(b.dir, getenv("NEO4J_URI")); err != nil {
		return fail(stderr, "%v", err)
	}
	checked, err := bulkCheck(ctx, f.paths)
	if err != nil {
		return fail(stderr, "%v", err)
	}
	sum, problems, code, stop := beforeWriting(f, checked, stdout, stderr)
	if stop {
		return code
	}
	if code := writeBulk(ctx, b, checked, stdout, stderr); code != exitOK {
		return code
	}
	sum.Nodes.Created, sum.Relations.Created = checked.NodeCount, checked.RelationCount
	printSummary(stdout, sum)
	return exitCode(problems)
}

// bulkCheck validates files as `seed` does, against an empty database: the
// one place the bulk path uses the importer's reading API. Like `seed`, it
// streams: the rows are read again when the files are written.
func bulkCheck(ctx context.Context, paths []string) (*importer.Checked, error) {
	src, err := importer.Files(paths)
	if err != nil {
		return nil, err
	}
	return importer.Check(ctx, src, nil)
}

// bulkTarget refuses a target the offline importer cannot or must not
// write: a database that exists already (running or not, it may hold a
// graph; the importer only makes new ones), and a server named by
// NEO4J_URI that is not on this machine (Aura, a cluster, a remote
// server), whose files are not here. Those load through transactions.
func bulkTarget(dir, uri string) error {
	if uri != "" && !isLoopback(uri) {
		return fmt.Errorf("NEO4J_URI=%s is not a local database: the bulk load writes the store files of a local one; load through a live server with `seed FILE|DIR...`", uri)
	}
	store := filepath.Join(dir, "data", "databases", "neo4j")
	if _, err := os.Stat(store); err == nil {
		return fmt.Errorf("%s exists: the bulk load only creates a new database; add to it with `seed FILE|DIR...`, or remove %s to start afresh", store, dir)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

func isLoopback(uri string) bool {
	u, err := url.Parse(uri)
	if err != nil {
		return false
	}
	if u.Hostname() == "localhost" {
		return true
	}
	ip := net.ParseIP(u.Hostname())
	return ip != nil && ip.IsLoopback()
}

// writeBulk writes a checked load as the importer's CSV files next to the
// data directory, runs the importer and removes the files.
func writeBulk(ctx context.Context, b bulkFlags, checked *importer.Checked, stdout, stderr *os.File) int {
	dir, err := filepath.Abs(b.dir)
	if err != nil {
		return fail(stderr, "%v", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(stderr, "%v", err)
	}
	csvDir, err := os.MkdirTemp(dir, "import-")
	if err != nil {
		return fail(stderr, "%v", err)
	}
	defer os.RemoveAll(csvDir)

	start := time.Now()
	args, err := importFiles(csvDir, checked)
	if err != nil {
		return fail(stderr, "write import files: %v", err)
	}
	written := time.Since(start)
	cmd := exec.CommandContext(ctx, b.script, append([]string{"import"}, args...)...)
	cmd.Env = append(os.Environ(), "NEO4J_LOCAL_DIR="+dir)
	cmd.Stdout, cmd.Stderr = stderr, stderr // the importer's progress
	if err := cmd.Run(); err != nil {
		return fail(stderr, "neo4j-admin database import: %v (its output is above; the database was not created)", err)
	}
	total := checked.NodeCount + checked.RelationCount
	elapsed := time.Since(start)
	fmt.Fprintf(stdout, "bulk: %d rows in %s (CSV %s, import %s): %.0f rows/s into %s; start it with NEO4J_LOCAL_DIR=%s scripts/neo4j-local.sh start\n",
		total, elapsed.Round(time.Millisecond), written.Round(time.Millisecond), (elapsed - written).Round(time.Millisecond),
		float64(total)/elapsed.Seconds(), dir, b.dir)
	return exitOK
}

// importFiles writes the checked rows as the importer's files.
func importFiles(dir string, checked *importer.Checked) ([]string, error) {
	files := neo4jdb.NewImportFiles(dir)
	if err := checked.Nodes(func(n importer.NodeItem) error { return files.Node(n.Kind, n.Row) }); err != nil {
		return nil, err
	}
	if err := checked.Relations(func(r importer.RelationItem) error { return files.Relation(r.Kind, r.Row) }); err != nil {
		return nil, err
	}
	return files.Close()
}

// generateBulk is `seed generate -bulk`: the synthetic graph validated as
// `seed generate` validates it, through the offline importer.
func generateBulk(ctx context.Context, cfg synthetic.Config, b bulkFlags, getenv func(string) string, stdout, stderr *os.File) int {
	if err := bulkTarget(b.dir, getenv("NEO4J_URI")); err != nil {
		return fail(stderr, "%v", err)
	}
	checked, code := checkGenerated(ctx, cfg, nil, stdout, stderr)
	if checked == nil {
		return code
	}
	return writeBulk(ctx, b, checked, stdout, stderr)
}

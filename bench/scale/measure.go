package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/bench/cells"
	"github.com/innograph/innograph/localneo4j"
)

// point is what one graph size measured.
type point struct {
	nodes, relationships int64
	// The load: wall time, seed's peak resident memory, Neo4j's peak
	// resident memory up to the end of the load (bytes), and what seed
	// printed.
	load           time.Duration
	seedRSS, dbRSS int64
	loadOutput     string
	cells          []cells.Cell
	benchReport    string
	// benchFailures is the end of bench's output when requests failed.
	benchFailures string
}

// measure loads a graph of n nodes into a fresh Neo4j, serves it and
// benches it; the database is stopped and the server killed on return.
func measure(ctx context.Context, o options, n int) (point, error) {
	var p point
	db := localneo4j.Instance{Script: o.neo4jLocal, Dir: o.dir, Port: o.port, Password: o.password, Heap: o.heap, PageCache: o.pagecache}
	uri := db.URI()
	db.Stop()
	if err := os.RemoveAll(o.dir); err != nil {
		return p, err
	}
	if err := db.Start(ctx); err != nil {
		return p, err
	}
	defer db.Stop()
	env := append(os.Environ(), "NEO4J_URI="+uri, "NEO4J_PASSWORD="+o.password)

	load := exec.CommandContext(ctx, o.seed, "generate", "-nodes", fmt.Sprint(n), "-density", fmt.Sprint(o.density),
		"-batch-size", fmt.Sprint(o.batch))
	var out strings.Builder
	load.Env, load.Stdout, load.Stderr = env, &out, os.Stderr
	begin := time.Now()
	if err := load.Run(); err != nil {
		return p, fmt.Errorf("seed generate: %w\n%s", err, out.String())
	}
	p.load, p.loadOutput = time.Since(begin), out.String()
	p.seedRSS = load.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024 // Linux reports KiB
	pid, err := db.Pid()
	if err != nil {
		return p, err
	}
	if p.dbRSS, err = peakRSS(pid); err != nil {
		return p, err
	}
	if p.nodes, p.relationships, err = count(ctx, uri, o.password); err != nil {
		return p, err
	}

	server := exec.CommandContext(ctx, o.server)
	logFile, err := os.Create(filepath.Join(o.work, fmt.Sprintf("server-%d.log", n)))
	if err != nil {
		return p, err
	}
	defer logFile.Close()
	server.Env = append(env, "INNOGRAPH_ADDR="+o.http, "INNOGRAPH_LOAD_SAMPLE=false", "INNOGRAPH_CLIENT_RATE=0",
		"INNOGRAPH_CLIENT_CONCURRENCY=0")
	server.Stdout, server.Stderr = logFile, logFile
	if err := server.Start(); err != nil {
		return p, err
	}
	defer func() { server.Process.Signal(syscall.SIGTERM); server.Wait() }()
	if err := waitReady(ctx, "http://"+o.http+"/readyz", 2*time.Minute); err != nil {
		return p, err
	}

	p.benchReport = filepath.Join(o.work, fmt.Sprintf("bench-%d.md", n))
	cellsFile := filepath.Join(o.work, fmt.Sprintf("cells-%d.json", n))
	args := append(strings.Fields(o.benchArgs), "-nodes", fmt.Sprint(n), "-neo4j", uri, "-password", o.password,
		"-graphql", "http://"+o.http+"/query", "-results", p.benchReport, "-json", cellsFile,
		"-pids", fmt.Sprintf("ours=%d,neo4j=%d", server.Process.Pid, pid))
	if err := os.Remove(cellsFile); err != nil && !os.IsNotExist(err) {
		return p, err
	}
	bench := exec.CommandContext(ctx, o.bench, args...)
	var benchErr strings.Builder
	bench.Stdout, bench.Stderr = nil, io.MultiWriter(os.Stderr, &benchErr)
	// Requests that failed under load are measurements (each cell counts
	// its errors); bench exits non-zero for them after writing its cells.
	// Without cells it failed before measuring: the systems disagreed.
	if err := bench.Run(); err != nil {
		p.benchFailures = lastLines(benchErr.String(), 5)
	}
	if p.cells, err = cells.Read(cellsFile); err != nil {
		return p, fmt.Errorf("bench measured nothing: %w\n%s", err, p.benchFailures)
	}
	return p, nil
}

// count reads the graph's size from Neo4j's count store.
func count(ctx context.Context, uri, password string) (nodes, rels int64, err error) {
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth("neo4j", password, ""))
	if err != nil {
		return 0, 0, err
	}
	defer driver.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, driver, `
		CALL () { MATCH (n) RETURN count(n) AS nodes }
		CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
		RETURN nodes, rels`, nil, neo4j.EagerResultTransformer)
	if err != nil {
		return 0, 0, err
	}
	rec := res.Records[0]
	nodes, _, err = neo4j.GetRecordValue[int64](rec, "nodes")
	if err != nil {
		return 0, 0, err
	}
	rels, _, err = neo4j.GetRecordValue[int64](rec, "rels")
	return nodes, rels, err
}

// waitReady polls url until it answers 200.
func waitReady(ctx context.Context, url string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if res, err := http.Get(url); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
	return fmt.Errorf("%s not ready after %s", url, limit)
}

// peakRSS is a process's peak resident memory so far (VmHWM, Linux).
func peakRSS(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb * 1024, err
		}
	}
	return 0, fmt.Errorf("/proc/%d/status has no VmHWM", pid)
}

// lastLines is the last n lines of bench's output that are not its
// progress ("  W5, concurrency 16").
func lastLines(s string, n int) string {
	var lines []string
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if !strings.HasPrefix(line, "  ") {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph"
	"github.com/innograph/innograph/neo4jdb"
)

// statement is one Cypher statement a system sent, with its parameters.
type statement struct {
	Cypher string
	Params map[string]any
}

// recorder collects the statements sent while one request is answered.
type recorder struct {
	mu   sync.Mutex
	list []statement
}

func (r *recorder) add(s statement) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.list = append(r.list, s)
}

func (r *recorder) take() []statement {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.list
	r.list = nil
	return out
}

// sent is what one system sent to Neo4j for one request of a workload.
type sent struct {
	statements []statement
	dbHits     int64
}

// traceStatements answers the first parameter set of every workload once on
// each system, records the statements each sent and PROFILEs them. Ours runs
// in process over a driver that records statements; the raw endpoint's are
// its own; the peer's come from a second peer process started with
// PEER_TRACE, so the measured peer never pays for tracing.
func traceStatements(ctx context.Context, o options, cs []comparison) (map[string]map[string]sent, error) {
	rec := &recorder{}
	db, err := neo4jdb.Open(ctx, ourConfig(o, 4),
		func(_ context.Context, q neo4jdb.Query) { rec.add(statement{q.Cypher, q.Params}) })
	if err != nil {
		return nil, err
	}
	defer db.Close(ctx)
	driver, err := neo4j.NewDriverWithContext(o.uri, neo4j.BasicAuth(neo4jdb.DefaultConfig().User, o.password, ""))
	if err != nil {
		return nil, err
	}
	defer driver.Close(ctx)

	ours := graph.NewHandler(graph.Options{Store: db, Auth: graph.NewAuth(nil, nil, true), ComplexityLimit: 50000,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	out := map[string]map[string]sent{}
	for _, c := range cs {
		out[c.key] = map[string]sent{}
		body, _ := json.Marshal(map[string]any{"query": oursQueries[c.key], "variables": c.vars(0)})
		req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		ours.ServeHTTP(httptest.NewRecorder(), req)
		out[c.key]["ours"] = sent{statements: rec.take()}

		if raw, ok := rawCypher[c.key]; ok {
			out[c.key]["raw"] = sent{statements: []statement{{raw, c.vars(0)}}}
		} else {
			// W4 and W5: the raw endpoint runs our statement.
			out[c.key]["raw"] = out[c.key]["ours"]
		}
	}
	if o.peer != "" {
		if err := tracePeer(ctx, o, cs, out); err != nil {
			return nil, err
		}
	}
	for _, bySystem := range out {
		for name, s := range bySystem {
			for _, st := range s.statements {
				hits, err := profile(ctx, driver, st)
				if err != nil {
					return nil, fmt.Errorf("PROFILE of %s's statement: %w\n%s", name, err, st.Cypher)
				}
				s.dbHits += hits
			}
			bySystem[name] = s
		}
	}
	return out, nil
}

// tracePeer starts a tracing peer, asks it each workload once and reads the
// statements from its trace.
func tracePeer(ctx context.Context, o options, cs []comparison, out map[string]map[string]sent) error {
	peer, err := startPeer(ctx, "bench/peer/server.js", o.uri, o.password, true)
	if err != nil {
		return err
	}
	defer peer.stop()
	rec := &recorder{}
	go func() {
		scan := bufio.NewScanner(peer.stderr)
		scan.Buffer(make([]byte, 1<<20), 1<<24)
		var cypher string
		for scan.Scan() {
			var line struct {
				Cypher *string
				Params map[string]any
			}
			if json.Unmarshal(scan.Bytes(), &line) != nil {
				continue
			}
			switch {
			case line.Cypher != nil:
				cypher = *line.Cypher
			case line.Params != nil && !strings.Contains(cypher, "dbms.components"):
				rec.add(statement{cypher, integers(line.Params).(map[string]any)})
			}
		}
	}()
	sys := system{name: "peer", client: newGraphQLClient("", 1), query: peerQueries, url: func(string) string { return peer.url }}
	for _, c := range cs {
		if err := sys.send(ctx, c.key, c.vars(0), nil); err != nil {
			return fmt.Errorf("tracing peer, %s: %w", c.key, err)
		}
		time.Sleep(200 * time.Millisecond) // the trace is written asynchronously
		out[c.key]["peer"] = sent{statements: rec.take()}
	}
	return nil
}

// peerProcess is a peer server this command started.
type peerProcess struct {
	url    string
	stderr io.Reader
	stop   func()
}

// startPeer starts the peer on a free local port and waits until it serves.
func startPeer(ctx context.Context, script, uri, password string, trace bool) (*peerProcess, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := fmt.Sprint(ln.Addr().(*net.TCPAddr).Port)
	_ = ln.Close()
	cmd := exec.CommandContext(ctx, "node", script)
	cmd.Env = append(os.Environ(), "PEER_PORT="+port, "NODE_ENV=production", "NEO4J_URI="+uri, "NEO4J_PASSWORD="+password)
	var stderr io.Reader
	if trace {
		cmd.Env = append(cmd.Env, "PEER_TRACE=1")
		if stderr, err = cmd.StderrPipe(); err != nil {
			return nil, err
		}
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start the peer: %w", err)
	}
	stop := func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || !strings.Contains(line, "ready") {
		stop()
		return nil, fmt.Errorf("the peer did not start: %q %v", line, err)
	}
	return &peerProcess{url: "http://127.0.0.1:" + port + "/", stderr: stderr, stop: stop}, nil
}

// integers turns the JavaScript driver's {low, high} integers, as JSON,
// back into integers.
func integers(v any) any {
	switch x := v.(type) {
	case map[string]any:
		if low, ok := x["low"].(float64); ok && len(x) == 2 {
			if high, ok := x["high"].(float64); ok {
				return int64(high)<<32 | int64(uint32(low))
			}
		}
		for k, e := range x {
			x[k] = integers(e)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = integers(e)
		}
	}
	return v
}

// profile runs a statement under PROFILE and sums the db hits of its plan.
func profile(ctx context.Context, driver neo4j.DriverWithContext, st statement) (int64, error) {
	cypher := strings.TrimPrefix(strings.TrimSpace(st.Cypher), "CYPHER 5")
	res, err := neo4j.ExecuteQuery(ctx, driver, "PROFILE "+cypher, st.Params, neo4j.EagerResultTransformer)
	if err != nil {
		return 0, err
	}
	if res.Summary.Profile() == nil {
		return 0, nil
	}
	return neo4jdb.DBHits(res.Summary.Profile()), nil
}

// statementsSection renders what each system sent, per workload.
func statementsSection(cs []comparison, traced map[string]map[string]sent) string {
	var b strings.Builder
	b.WriteString("## What each system sent\n\nOne request of each workload (its first parameter set), the statements it caused and the db hits of their `PROFILE`, summed.\n\n")
	b.WriteString("| workload | ours: statements / db hits | peer: statements / db hits | raw: statements / db hits |\n|---|--:|--:|--:|\n")
	cell := func(s sent, ok bool) string {
		if !ok {
			return "–"
		}
		return fmt.Sprintf("%d / %d", len(s.statements), s.dbHits)
	}
	for _, c := range cs {
		t := traced[c.key]
		o, okO := t["ours"]
		p, okP := t["peer"]
		r, okR := t["raw"]
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", c.name, cell(o, okO), cell(p, okP), cell(r, okR))
	}
	for _, c := range cs {
		fmt.Fprintf(&b, "\n### %s\n", c.name)
		for _, name := range []string{"ours", "peer", "raw"} {
			s, ok := traced[c.key][name]
			if !ok {
				continue
			}
			fmt.Fprintf(&b, "\n<details><summary>%s: %d statements, %d db hits</summary>\n\n", name, len(s.statements), s.dbHits)
			for _, st := range s.statements {
				fmt.Fprintf(&b, "```cypher\n%s\n```\n", strings.TrimSpace(dedent(st.Cypher)))
			}
			b.WriteString("\n</details>\n")
		}
	}
	return b.String()
}

// dedent removes the indentation Go source gives multi-line statements.
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, "\t")
	}
	return strings.Join(lines, "\n")
}

// Command chaos is InnoGraph's reliability battery (make chaos): it starts
// its own Neo4j and the real server, runs a read/write load, kills Neo4j
// with SIGKILL in the middle of it and restarts it, then checks what
// clients were told against what was stored; then it races concurrent
// writes and sends the abuse shapes of issue 10. It prints one table and
// exits 1 if any check failed. All traffic goes to 127.0.0.1; every loop
// is bounded in count and time. It writes only under .data/, and to the
// -docs file when given.
package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

type options struct {
	addr, bin, serverLog, docs   string
	neo4j                        neo4jCtl
	workers                      int
	duration, killAfter, downFor time.Duration
	afterReady                   time.Duration
}

func main() {
	var o options
	flag.StringVar(&o.addr, "addr", "127.0.0.1:8183", "address for the server under test (127.0.0.1 only)")
	flag.StringVar(&o.bin, "bin", "bin/innograph", "the server binary")
	flag.StringVar(&o.serverLog, "server-log", ".data/chaos-server.log", "where the server's log goes")
	flag.StringVar(&o.docs, "docs", "", "rewrite the table between the chaos markers of this file (e.g. docs/reliability.md)")
	flag.StringVar(&o.neo4j.Script, "neo4j-script", "scripts/neo4j-local.sh", "the local Neo4j script")
	flag.StringVar(&o.neo4j.Dir, "neo4j-dir", ".data/neo4j-chaos", "data directory of the battery's own Neo4j")
	flag.IntVar(&o.neo4j.Port, "neo4j-port", 7690, "Bolt port of the battery's own Neo4j")
	flag.IntVar(&o.workers, "workers", 8, "concurrent clients of the load")
	flag.DurationVar(&o.duration, "duration", 75*time.Second, "shortest load")
	flag.DurationVar(&o.killAfter, "kill-after", 20*time.Second, "load before Neo4j is killed")
	flag.DurationVar(&o.downFor, "down", 5*time.Second, "time Neo4j stays down")
	flag.DurationVar(&o.afterReady, "after-ready", 20*time.Second, "load after Neo4j is back, at least")
	flag.Parse()
	o.neo4j.Password = envOr("NEO4J_LOCAL_PASSWORD", "innograph-dev")
	if !strings.HasPrefix(o.addr, "127.0.0.1:") {
		fatal(fmt.Errorf("-addr %s: the battery sends traffic only to 127.0.0.1", o.addr))
	}
	// The whole battery is bounded: the load, the races and the abuse take
	// about four minutes; ten is the promise of make chaos.
	ctx, cancel := context.WithTimeout(context.Background(), 9*time.Minute)
	defer cancel()
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	checks, err := battery(ctx, o)
	if err != nil {
		fatal(err)
	}
	var table bytes.Buffer
	fmt.Fprintf(&table, "`make chaos` on %s: %d workers, Neo4j killed after %s for %s.\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), o.workers, o.killAfter, o.downFor)
	renderTable(&table, checks)
	os.Stdout.Write(table.Bytes())
	if o.docs != "" {
		if err := updateDocs(o.docs, table.String()); err != nil {
			fatal(err)
		}
	}
	if failures(checks) > 0 {
		os.Exit(1)
	}
}

// battery runs every part in order, with Neo4j and the server up.
func battery(ctx context.Context, o options) ([]check, error) {
	if err := o.neo4j.Start(ctx); err != nil {
		return nil, err
	}
	defer o.neo4j.Stop()
	token := randomToken()
	srv, err := startServer(ctx, o, token)
	if err != nil {
		return nil, err
	}
	defer srv.stop()
	c := newClient(o.addr, token, 4*o.workers, 20*time.Second)
	s, err := loadSample(ctx, c)
	if err != nil {
		return nil, err
	}
	run := fmt.Sprintf("%x", time.Now().Unix())

	logf("load: %d workers, Neo4j killed after %s", o.workers, o.killAfter)
	l := &loader{c: c, run: run, s: s, workers: o.workers, maxOps: 100000}
	records, probes, tl, err := outageRun(ctx, l, o.neo4j, s.Alliances[0], o.killAfter, o.downFor, o.duration, o.afterReady)
	if err != nil {
		return nil, err
	}
	checks := outageChecks(analyseOutage(records, probes, tl), tl)

	logf("verify: retry unknown outcomes, read back every enterprise")
	retries := retryUnknown(ctx, c, records)
	st := readBack(ctx, c, createdIDs(records))
	count, err := countRun(ctx, c, l.industry())
	if err != nil {
		return nil, err
	}
	checks = append(checks, verifyChecks(verify(records, retries, st, count))...)

	logf("races")
	checks = append(checks, raceRunner{c: c, run: run, s: s}.races(ctx)...)

	logf("abuse")
	a := abuser{c: c, run: run, ent: "ent-kehe-seed", server: srv.cmd.Process.Pid, neo4jPID: o.neo4j.Pid}
	checks = append(checks, a.abuse(ctx)...)
	checks = append(checks, srv.alive(ctx, c))
	return checks, nil
}

// createdIDs lists every enterprise the load tried to create.
func createdIDs(records []record) []string {
	var ids []string
	for _, r := range records {
		if r.Op == "createEnterprise" {
			ids = append(ids, r.Write.Node)
		}
	}
	return ids
}

// countRun asks the list how many enterprises this run created.
func countRun(ctx context.Context, c *client, industry string) (int, error) {
	o := c.gql(ctx, `query($i: String) { enterprises(filter: {industry: $i}, first: 1) { totalCount } }`, map[string]any{"i": industry})
	var data struct{ Enterprises struct{ TotalCount int } }
	if classify(o) != classOK {
		return 0, fmt.Errorf("count this run's enterprises: %s", describe(o))
	}
	err := o.decode(&data)
	return data.Enterprises.TotalCount, err
}

// server is the running server under test.
type server struct {
	cmd    *exec.Cmd
	exited chan struct{}
}

func startServer(ctx context.Context, o options, token string) (*server, error) {
	logFile, err := os.Create(o.serverLog)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(o.bin)
	// The battery is one client firing races and load from one address; load
	// shedding (measured by make bench-shed) would refuse most of it.
	cmd.Env = append(os.Environ(), "INNOGRAPH_CLIENT_RATE=0", "INNOGRAPH_CLIENT_CONCURRENCY=0",
		"INNOGRAPH_ADDR="+o.addr, "INNOGRAPH_WRITE_TOKENS="+token, "INNOGRAPH_LOAD_SAMPLE=true",
		fmt.Sprintf("NEO4J_URI=bolt://127.0.0.1:%d", o.neo4j.Port), "NEO4J_USER=neo4j", "NEO4J_PASSWORD="+o.neo4j.Password)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, err
	}
	s := &server{cmd: cmd, exited: make(chan struct{})}
	go func() { _ = cmd.Wait(); logFile.Close(); close(s.exited) }()
	c := newClient(o.addr, token, 1, 5*time.Second)
	for range 120 {
		select {
		case <-s.exited:
			return nil, fmt.Errorf("the server exited while starting; see %s", o.serverLog)
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		default:
		}
		if c.get(ctx, "/readyz", 2*time.Second) == 200 {
			return s, nil
		}
		time.Sleep(time.Second)
	}
	s.stop()
	return nil, fmt.Errorf("the server was not ready within 2 minutes; see %s", o.serverLog)
}

// stop ends the server with SIGTERM, then SIGKILL if it lingers.
func (s *server) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(20 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.exited
	}
}

// alive is the last row: the server is still up and answers its health check.
func (s *server) alive(ctx context.Context, c *client) check {
	status := c.get(ctx, "/healthz", 5*time.Second)
	rss, _ := rssBytes(s.cmd.Process.Pid)
	select {
	case <-s.exited:
		return check{Name: "server survived", Expected: "running, /healthz 200", Observed: "exited"}
	default:
	}
	return check{Name: "server survived", Expected: "running, /healthz 200", Observed: fmt.Sprintf("running, /healthz %d", status),
		Pass: status == 200, Numbers: "RSS " + mib(rss)}
}

func updateDocs(path, table string) error {
	doc, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := replaceBlock(string(doc), table)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, []byte(out), 0o644)
}

func randomToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "chaos: "+format+"\n", args...)
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "chaos:", err)
	os.Exit(2)
}

package edge_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/edge"
	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
)

// TestOutage kills Neo4j with SIGKILL under a steady load of creates and
// reads through the whole HTTP stack, restarts it, and checks what clients
// were told (issue 10): no INTERNAL, every acknowledged create present,
// every create answered UNAVAILABLE or TIMEOUT safe to send again, /readyz
// never ready before Neo4j can serve, and the first success within a second
// of Neo4j serving again, without restarting the server.
//
// It needs a Neo4j of its own that it may kill, started with
// scripts/neo4j-local.sh: INNOGRAPH_OUTAGE_NEO4J_DIR and
// INNOGRAPH_OUTAGE_NEO4J_PORT name it (`make outage` does this). It takes
// about 40 s, most of it Neo4j starting again.
func TestOutage(t *testing.T) {
	dir, port := os.Getenv("INNOGRAPH_OUTAGE_NEO4J_DIR"), os.Getenv("INNOGRAPH_OUTAGE_NEO4J_PORT")
	if dir == "" || port == "" {
		t.Skip("no Neo4j to kill (INNOGRAPH_OUTAGE_NEO4J_DIR, INNOGRAPH_OUTAGE_NEO4J_PORT); run `make outage`")
	}
	ctx := t.Context()
	cfg := neo4jdb.DefaultConfig()
	cfg.URI = "bolt://127.0.0.1:" + port
	if password := os.Getenv("INNOGRAPH_TEST_NEO4J_PASSWORD"); password != "" {
		cfg.Password = password
	}
	db, err := neo4jdb.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(context.Background())
	if err := db.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	// Errors are kept to show what an INTERNAL answer hid.
	var errs syncBuffer
	// Load shedding is off (apitest's default): the load is one address at
	// ~50 requests a second, and what is measured is the outage, not this
	// client's limits.
	srv := apitest.Serve(t, db, func(o *edge.Options) {
		o.GraphQL.Logger = slog.New(slog.NewTextHandler(&errs, &slog.HandlerOptions{Level: slog.LevelError}))
	})

	load := newOutageLoad(srv.URL)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { defer wg.Done(); load.run(stop) }()
	killed := make(chan time.Time, 2) // one for each probe
	// Neo4j serving again (a fresh driver's read succeeded; the last one
	// that failed had started at down); /readyz 200 again.
	var served, down, ready time.Time
	go func() {
		defer wg.Done()
		served, down = firstAfterKill(killed, stop, func() bool { return neo4jServes(cfg) })
	}()
	go func() {
		defer wg.Done()
		ready, _ = firstAfterKill(killed, stop, func() bool { return readyz(srv.URL) })
	}()

	time.Sleep(3 * time.Second)
	pidfile := filepath.Join(dir, "neo4j.pid")
	if !filepath.IsAbs(dir) { // relative to the repo root, as for scripts/neo4j-local.sh
		pidfile = filepath.Join("..", pidfile)
	}
	pid, err := os.ReadFile(pidfile)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(pid)))
	if err := syscall.Kill(n, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	killedAt := time.Now()
	killed <- killedAt
	killed <- killedAt
	time.Sleep(3 * time.Second)
	start := exec.Command("../scripts/neo4j-local.sh", "start")
	start.Env = append(os.Environ(), "NEO4J_LOCAL_DIR="+dir, "NEO4J_LOCAL_PORT="+port)
	if out, err := start.CombinedOutput(); err != nil {
		t.Fatalf("restart Neo4j: %v\n%s", err, out)
	}
	time.Sleep(10 * time.Second)
	close(stop)
	wg.Wait()

	r := load.report(killedAt, served)
	readyAfter := "never within the run"
	if !ready.IsZero() {
		readyAfter = fmt.Sprintf("%+.2f s", ready.Sub(served).Seconds())
	}
	t.Logf("outage: killed at 0 s; Neo4j served again (fresh driver) at %.1f s; after that, /readyz 200 at %s, first success at %+.2f s\n%s",
		served.Sub(killedAt).Seconds(), readyAfter, r.firstSuccess.Sub(served).Seconds(), r.table)
	if r.codes[model.CodeInternal] > 0 {
		t.Errorf("%d requests answered INTERNAL; the server logged:\n%s", r.codes[model.CodeInternal], errs.String())
	}
	if served.IsZero() {
		t.Fatal("Neo4j did not serve again")
	}
	// A lie is a 200 from /readyz followed by a fresh driver's read that
	// failed: comparing with the successful read's end instead would count
	// that read's own connection time (up to 2 s) against /readyz.
	if !ready.IsZero() && ready.Before(down) {
		t.Errorf("/readyz was ready %.2f s before a fresh driver's read that failed", down.Sub(ready).Seconds())
	}
	if lag := r.firstSuccess.Sub(served); r.firstSuccess.IsZero() || lag > time.Second {
		t.Errorf("first success %.2f s after Neo4j served again, want within 1 s", lag.Seconds())
	}

	// Every acknowledged create is there; every create with an unknown
	// outcome can be sent again and then is there.
	ids := make([]string, 0, len(load.creates))
	for id := range load.creates {
		ids = append(ids, id)
	}
	before, err := db.NodesByID(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	committed, retried := 0, 0
	for id, code := range load.creates {
		switch {
		case code == "" && before[id] == nil:
			t.Errorf("acknowledged create %s is missing", id)
		case code == model.CodeUnavailable || code == model.CodeTimeout:
			if before[id] != nil {
				committed++
			}
			if got := load.create(id); got != "" {
				t.Errorf("retrying create %s (first answered %s): %s", id, code, got)
			}
			retried++
		}
	}
	t.Logf("%d creates answered UNAVAILABLE or TIMEOUT; %d of them had committed; all %d sent again succeeded", retried, committed, retried)
}

// outagePoll is how often the probes look whether Neo4j and /readyz are back.
const outagePoll = 100 * time.Millisecond

// firstAfterKill polls ok from the moment of the kill and returns when it
// first holds, and when the last call that did not hold had started.
func firstAfterKill(killed <-chan time.Time, stop <-chan struct{}, ok func() bool) (held, failedStart time.Time) {
	var at time.Time
	select {
	case at = <-killed:
	case <-stop:
		return time.Time{}, time.Time{}
	}
	for {
		if start := time.Now(); time.Since(at) > time.Second { // the first second is the kill taking effect
			if ok() {
				return time.Now(), failedStart
			}
			failedStart = start
		}
		select {
		case <-stop:
			return time.Time{}, failedStart
		case <-time.After(outagePoll):
		}
	}
}

// neo4jServes answers whether a new driver, sharing nothing with the
// server's, can run a read. It opens two connections (the ping's and the
// readiness probe's), which under the load and a Neo4j just started can
// take over half a second: a shorter timeout would keep failing and report
// Neo4j back later than it was, and /readyz early.
func neo4jServes(cfg neo4jdb.Config) bool {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	db, err := neo4jdb.Open(ctx, cfg, nil)
	if err != nil {
		return false
	}
	defer db.Close(context.Background())
	return db.Ready(ctx) == nil
}

func readyz(url string) bool {
	res, err := http.Get(url + "/readyz")
	if err != nil {
		return false
	}
	res.Body.Close()
	return res.StatusCode == http.StatusOK
}

// outageLoad sends a create or a read every few milliseconds, whatever is
// still in flight (an open loop: many clients, not one waiting for the
// last answer), and remembers every answer.
type outageLoad struct {
	url     string
	mu      sync.Mutex
	results []outageResult
	creates map[string]model.Code // id → code of its first attempt ("" for success)
}

type outageResult struct {
	start, end time.Time
	write      bool
	code       model.Code
}

func newOutageLoad(url string) *outageLoad {
	return &outageLoad{url: url, creates: map[string]model.Code{}}
}

func (l *outageLoad) run(stop <-chan struct{}) {
	var wg sync.WaitGroup
	defer wg.Wait()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			var code model.Code
			if i%2 == 0 {
				id := fmt.Sprintf("out-%d", i)
				code = l.create(id)
				l.mu.Lock()
				l.creates[id] = code
				l.mu.Unlock()
			} else {
				code = l.send(`{ node(id: "out-0") { id } }`, nil)
			}
			l.mu.Lock()
			l.results = append(l.results, outageResult{start: start, end: time.Now(), write: i%2 == 0, code: code})
			l.mu.Unlock()
		}()
	}
}

// create makes the enterprise id with values that depend only on id, so
// sending it again sends the same values.
func (l *outageLoad) create(id string) model.Code {
	return l.send(`mutation($in: CreateEnterpriseInput!) { createEnterprise(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"id": id, "name": "断电企业 " + id, "founded": 2001}})
}

// send posts one request and returns its first error's code, "" for success.
func (l *outageLoad) send(query string, vars map[string]any) model.Code {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, l.url+"/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+apitest.WriteToken)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return "HTTP_ERROR"
	}
	defer res.Body.Close()
	var out apitest.Response
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		return "NOT_JSON"
	}
	if len(out.Errors) > 0 {
		return model.Code(fmt.Sprint(out.Errors[0].Extensions["code"]))
	}
	return ""
}

type outageReport struct {
	codes        map[model.Code]int
	firstSuccess time.Time // the first answer after Neo4j served again that succeeded
	table        string
}

// report counts the answers by phase and code: before the kill, while
// Neo4j was down, after it served again.
func (l *outageLoad) report(killed, served time.Time) outageReport {
	r := outageReport{codes: map[model.Code]int{}}
	type key struct {
		phase string
		write bool
		code  model.Code
	}
	counts := map[key]int{}
	for _, res := range l.results {
		phase := "before"
		switch {
		case res.end.After(served):
			phase = "after"
			if res.code == "" && (r.firstSuccess.IsZero() || res.end.Before(r.firstSuccess)) {
				r.firstSuccess = res.end
			}
		case res.end.After(killed):
			phase = "down"
		}
		counts[key{phase, res.write, res.code}]++
		r.codes[res.code]++
	}
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	order := map[string]int{"before": 0, "down": 1, "after": 2}
	slices.SortFunc(keys, func(a, b key) int {
		if order[a.phase] != order[b.phase] {
			return order[a.phase] - order[b.phase]
		}
		return strings.Compare(fmt.Sprint(a.write, a.code), fmt.Sprint(b.write, b.code))
	})
	var b strings.Builder
	fmt.Fprintf(&b, "| phase | request | answer | count |\n|---|---|---|---|\n")
	for _, k := range keys {
		what, answer := "read", string(k.code)
		if k.write {
			what = "create"
		}
		if answer == "" {
			answer = "ok"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %d |\n", k.phase, what, answer, counts[k])
	}
	fmt.Fprintf(&b, "\nanswers by the second they arrived (0 = the kill): ok/failed\n")
	buckets := map[int][2]int{}
	last := 0
	for _, res := range l.results {
		sec := int(res.end.Sub(killed).Seconds()+100) - 100 // floor, also below 0
		c := buckets[sec]
		if res.code == "" {
			c[0]++
		} else {
			c[1]++
		}
		buckets[sec] = c
		last = max(last, sec)
	}
	for sec := -3; sec <= last; sec++ {
		fmt.Fprintf(&b, "%d:%d/%d ", sec, buckets[sec][0], buckets[sec][1])
	}
	r.table = b.String()
	return r
}

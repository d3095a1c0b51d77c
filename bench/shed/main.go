// Command shed measures what load shedding is for: a well-behaved client
// (one request at a time, at a steady pace within its limits) measures its
// latency alone and while another client floods the server with chain,
// network and suggestPartners requests at high concurrency. Alone and
// flooded phases alternate, so both see the same background load of the
// machine; the ratio of their p99s is the result.
//
// It starts the server binary itself (on 127.0.0.1, the sample graph in the
// Neo4j given) once per scenario: shedding on with a flood that ignores
// Retry-After (the attack), shedding on with a flood that honours it (the
// most load a client's limits admit), shedding on without holding refusals
// back, and shedding off. The flood runs in a
// child process niced to 19 and limited to one core (GOMAXPROCS=1), from
// 127.0.0.2: a remote attacker's CPU is not ours, and on one machine nice is
// the closest stand-in; the server tells the two clients apart by address.
// See `make bench-shed` and docs/reliability.md.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/innograph/innograph/bench/proccpu"
)

// victimQuery is the playground's first query; the flood asks the heavier
// README chains and networks.
const victimQuery = `{ chain(from: "ent-kehe-seed", to: "uni-caas-grassland", maxHops: 4) { exhausted chains { length steps { kind node { name } } } } }`

var floodQueries = []string{
	`{ chain(from: "ent-futian", to: "ent-menglong") { chains { length steps { kind direction node { name } } } } }`,
	`{ chain(from: "ent-taiyangshen-huahua", to: "ent-hetao-water", maxHops: 6) { exhausted chains { length steps { kind node { name } } } } }`,
	`{ network(id: "all-sunflower", depth: 3, maxNodes: 200) { truncated nodes { distance node { __typename name } } edges { kind fromId toId } } }`,
	`{ suggestPartners(id: "ent-kehe-seed", first: 20) { node { name } score reasons { kind weight via { name } } } }`,
}

type options struct {
	bin, addr, neo4jPidfile string
	phase                   time.Duration
	rounds, concurrency     int
	nice                    int
	victimRate              float64
}

type scenario struct {
	name   string
	env    []string // the server's, beside the defaults
	honour bool     // the flood waits out Retry-After
}

var scenarios = []scenario{
	{name: "on (defaults), flood ignores Retry-After"},
	{name: "on (defaults), flood honours Retry-After", honour: true},
	{name: "on, no hold (INNOGRAPH_CLIENT_HOLD=0), flood ignores Retry-After", env: []string{"INNOGRAPH_CLIENT_HOLD=0"}},
	{name: "off", env: []string{"INNOGRAPH_CLIENT_RATE=0", "INNOGRAPH_CLIENT_CONCURRENCY=0"}},
}

func main() {
	var o options
	flag.StringVar(&o.bin, "bin", "bin/innograph", "server binary")
	flag.StringVar(&o.addr, "addr", "127.0.0.1:8191", "address the server listens on")
	flag.StringVar(&o.neo4jPidfile, "neo4j-pidfile", "", "pid file of the Neo4j process, to report its CPU")
	flag.DurationVar(&o.phase, "phase", 8*time.Second, "how long each alone or flooded phase runs")
	flag.IntVar(&o.rounds, "rounds", 3, "alone/flooded phase pairs per scenario")
	flag.IntVar(&o.concurrency, "flood-concurrency", 64, "requests the flood keeps in flight")
	flag.IntVar(&o.nice, "flood-nice", 19, "niceness of the flood process (0: as the server)")
	flag.Float64Var(&o.victimRate, "victim-rate", 15, "requests per second the well-behaved client sends, one at a time")
	flood := flag.Bool("flood", false, "internal: run as the flooding child process until interrupted")
	honour := flag.Bool("honour", false, "internal: the flood waits out Retry-After")
	flag.Parse()
	if *flood {
		runFlood("http://"+o.addr+"/query", o.concurrency, *honour)
		return
	}
	fmt.Printf("victim: one request at a time, %.0f/s, from 127.0.0.1; flood: %d in flight from 127.0.0.2 (GOMAXPROCS=1, nice %d); "+
		"%d × (%s alone, %s flooded) per scenario; CPU in cores while flooded (alone)\n\n",
		o.victimRate, o.concurrency, o.nice, o.rounds, o.phase, o.phase)
	fmt.Println("| shedding | victim p50 alone | p99 alone | p50 flooded | p99 flooded | **p99 flooded / alone** | victim errors | flood 200/s | flood 429/s | server CPU | Neo4j CPU | flood CPU |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, sc := range scenarios {
		if err := measure(sc, o); err != nil {
			fmt.Fprintln(os.Stderr, "shed:", err)
			os.Exit(1)
		}
	}
}

// phaseCPU is the CPU the server and Neo4j used over a set of phases.
type phaseCPU struct{ server, neo4j, wall time.Duration }

func (p phaseCPU) cores(d time.Duration) string {
	if p.wall == 0 {
		return "?"
	}
	return fmt.Sprintf("%.2f", d.Seconds()/p.wall.Seconds())
}

func measure(sc scenario, o options) error {
	server := exec.Command(o.bin)
	server.Env = append(append(os.Environ(), "INNOGRAPH_ADDR="+o.addr, "INNOGRAPH_LOG_FORMAT=json"), sc.env...)
	server.Stderr = io.Discard
	if err := server.Start(); err != nil {
		return err
	}
	defer func() { _ = server.Process.Kill(); _ = server.Wait() }()
	if err := waitReady("http://" + o.addr + "/readyz"); err != nil {
		return err
	}
	neo4jPid := 0
	if b, err := os.ReadFile(o.neo4jPidfile); err == nil {
		neo4jPid, _ = strconv.Atoi(strings.TrimSpace(string(b)))
	}
	// cpu reads both processes' CPU so far; one it cannot read counts 0.
	cpu := func() (srv, neo4j time.Duration) {
		srv, _ = proccpu.Of(server.Process.Pid)
		if neo4jPid > 0 {
			neo4j, _ = proccpu.Of(neo4jPid)
		}
		return srv, neo4j
	}
	url := "http://" + o.addr + "/query"
	v := &victim{client: &http.Client{}, url: url, interval: time.Duration(float64(time.Second) / o.victimRate)}
	v.run(3*time.Second, nil) // warm up: query plans, JIT, connections

	var alone, flooded []time.Duration
	var aloneCPU, floodedCPU phaseCPU
	var errs int
	var counts floodCounts
	var floodCPU, floodWall time.Duration
	// phase runs the victim for one phase and adds its latencies and the
	// CPU the server and Neo4j used meanwhile to lat and p.
	phase := func(lat *[]time.Duration, p *phaseCPU) {
		s0, n0 := cpu()
		start := time.Now()
		errs += v.run(o.phase, lat)
		s1, n1 := cpu()
		p.server, p.neo4j, p.wall = p.server+s1-s0, p.neo4j+n1-n0, p.wall+time.Since(start)
	}
	for range o.rounds {
		phase(&alone, &aloneCPU)
		f, err := startFlood(o, sc.honour)
		if err != nil {
			return err
		}
		time.Sleep(time.Second) // let the flood reach its stride
		phase(&flooded, &floodedCPU)
		c, used, wall := f.stop()
		counts.OK, counts.Refused, counts.Other = counts.OK+c.OK, counts.Refused+c.Refused, counts.Other+c.Other
		floodCPU, floodWall = floodCPU+used, floodWall+wall
		time.Sleep(time.Second) // let the flood's last requests drain
	}
	secs := floodWall.Seconds()
	fmt.Printf("| %s | %s | %s | %s | %s | **%.2f×** | %d | %.0f | %.0f | %s (%s) | %s (%s) | %.2f |\n", sc.name,
		pct(alone, 50), pct(alone, 99), pct(flooded, 50), pct(flooded, 99),
		float64(pct(flooded, 99))/float64(pct(alone, 99)), errs,
		float64(counts.OK)/secs, float64(counts.Refused)/secs,
		floodedCPU.cores(floodedCPU.server), aloneCPU.cores(aloneCPU.server),
		floodedCPU.cores(floodedCPU.neo4j), aloneCPU.cores(aloneCPU.neo4j),
		floodCPU.Seconds()/secs)
	return nil
}

// victim sends victimQuery one request at a time, one every interval (a
// request that takes longer delays the next; none are sent to catch up).
type victim struct {
	client   *http.Client
	url      string
	interval time.Duration
}

// run sends for d, appends the latencies of answers without errors to lat
// (when not nil) and returns how many failed.
func (v *victim) run(d time.Duration, lat *[]time.Duration) int {
	errs := 0
	tick := time.NewTicker(v.interval)
	defer tick.Stop()
	for until := time.Now().Add(d); time.Now().Before(until); <-tick.C {
		start := time.Now()
		if status, err := post(v.client, v.url, victimQuery); err != nil || status != http.StatusOK {
			errs++
			continue
		}
		if lat != nil {
			*lat = append(*lat, time.Since(start))
		}
	}
	return errs
}

func post(c *http.Client, url, query string) (int, error) {
	body, _ := json.Marshal(map[string]string{"query": query})
	res, err := c.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	var out struct{ Errors []any }
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil || len(out.Errors) > 0 {
		return res.StatusCode, fmt.Errorf("errors: %v", out.Errors)
	}
	return res.StatusCode, nil
}

type floodCounts struct{ OK, Refused, Other int64 }

type flood struct {
	cmd   *exec.Cmd
	out   bytes.Buffer
	start time.Time
}

// startFlood starts this program as the flooding child, niced and on one core.
func startFlood(o options, honour bool) (*flood, error) {
	self, _ := os.Executable()
	args := []string{"-n", strconv.Itoa(o.nice), self, "-flood", "-addr", o.addr, "-flood-concurrency", strconv.Itoa(o.concurrency)}
	if honour {
		args = append(args, "-honour")
	}
	f := &flood{cmd: exec.Command("nice", args...)}
	f.cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
	f.cmd.Stdout = &f.out
	f.start = time.Now()
	return f, f.cmd.Start()
}

// stop interrupts the flood and returns its counts, the CPU it used and how
// long it ran.
func (f *flood) stop() (floodCounts, time.Duration, time.Duration) {
	_ = f.cmd.Process.Signal(os.Interrupt)
	_ = f.cmd.Wait()
	wall := time.Since(f.start)
	var c floodCounts
	_ = json.Unmarshal(f.out.Bytes(), &c)
	var used time.Duration
	if st := f.cmd.ProcessState; st != nil {
		used = st.UserTime() + st.SystemTime()
	}
	return c, used, wall
}

// runFlood keeps concurrency requests in flight from 127.0.0.2 until
// interrupted, then prints its counts as JSON. Unless honour is set it
// sends again at once whatever the answer, as an attacker does; with it, a
// worker refused with Retry-After waits that long first.
func runFlood(url string, concurrency int, honour bool) {
	dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 2)}}
	c := &http.Client{Transport: &http.Transport{DialContext: dialer.DialContext, MaxIdleConnsPerHost: concurrency}}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var ok, refused, other atomic.Int64
	var wg sync.WaitGroup
	for i := range concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := i; ctx.Err() == nil; n++ {
				body, _ := json.Marshal(map[string]string{"query": floodQueries[n%len(floodQueries)]})
				req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				res, err := c.Do(req)
				if err != nil {
					if ctx.Err() == nil {
						other.Add(1)
					}
					continue
				}
				_, _ = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				switch res.StatusCode {
				case http.StatusOK:
					ok.Add(1)
				case http.StatusTooManyRequests:
					refused.Add(1)
					if secs, err := strconv.Atoi(res.Header.Get("Retry-After")); honour && err == nil {
						select {
						case <-ctx.Done():
						case <-time.After(time.Duration(secs) * time.Second):
						}
					}
				default:
					other.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	_ = json.NewEncoder(os.Stdout).Encode(floodCounts{OK: ok.Load(), Refused: refused.Load(), Other: other.Load()})
}

func waitReady(url string) error {
	for range 120 {
		if res, err := http.Get(url); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(500 * time.Millisecond)
	}
	return fmt.Errorf("server at %s not ready after 60 s", strings.TrimSuffix(url, "/readyz"))
}

// pct is the p-th percentile of the latencies (nearest rank).
func pct(lat []time.Duration, p int) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	s := slices.Clone(lat)
	slices.Sort(s)
	return s[min(len(s)-1, (len(s)*p+99)/100-1)].Round(100 * time.Microsecond)
}

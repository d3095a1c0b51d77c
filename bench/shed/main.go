// Command shed measures what load shedding is for: a well-behaved client,
// one request at a time, measures its latency alone and then while another
// client floods the server with chain and network requests at high
// concurrency; once with shedding on (the defaults) and once off.
//
// It starts the server binary itself (on 127.0.0.1, the sample graph in the
// Neo4j given) for each mode. The flood runs in a child process limited to
// one core and comes from 127.0.0.2, so the server tells the two clients
// apart by address and the flood's own CPU use is bounded as a remote
// attacker's would be. See `make bench-shed` and docs/reliability.md.
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
	"strings"
	"sync"
	"sync/atomic"
	"time"
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

func main() {
	bin := flag.String("bin", "bin/innograph", "server binary")
	addr := flag.String("addr", "127.0.0.1:8191", "address the server listens on")
	phase := flag.Duration("phase", 20*time.Second, "how long each measurement runs")
	concurrency := flag.Int("flood-concurrency", 64, "requests the flood keeps in flight")
	flood := flag.Bool("flood", false, "internal: run as the flooding child process until killed")
	flag.Parse()
	if *flood {
		runFlood("http://"+*addr+"/query", *concurrency)
		return
	}
	fmt.Printf("victim: one request at a time from 127.0.0.1; flood: %d in flight from 127.0.0.2 (one core); %s per phase\n\n", *concurrency, *phase)
	fmt.Println("| shedding | victim p50 alone | victim p99 alone | p50 flooded | p99 flooded | p99 flooded / alone | victim errors | flood 200/s | flood 429/s |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|")
	for _, mode := range []struct {
		name string
		env  []string
	}{
		{"on (defaults)", nil},
		{"off", []string{"INNOGRAPH_CLIENT_RATE=0", "INNOGRAPH_CLIENT_CONCURRENCY=0"}},
	} {
		if err := measure(mode.name, mode.env, *bin, *addr, *phase, *concurrency); err != nil {
			fmt.Fprintln(os.Stderr, "shed:", err)
			os.Exit(1)
		}
	}
}

func measure(name string, env []string, bin, addr string, phase time.Duration, concurrency int) error {
	server := exec.Command(bin)
	server.Env = append(append(os.Environ(), "INNOGRAPH_ADDR="+addr, "INNOGRAPH_LOG_FORMAT=json"), env...)
	server.Stderr = io.Discard
	if err := server.Start(); err != nil {
		return err
	}
	defer func() { _ = server.Process.Kill(); _ = server.Wait() }()
	if err := waitReady("http://" + addr + "/readyz"); err != nil {
		return err
	}
	url := "http://" + addr + "/query"
	victim := &http.Client{}
	run(victim, url, time.Now().Add(2*time.Second)) // warm up: caches, JIT, connections
	alone, _ := run(victim, url, time.Now().Add(phase))

	self, _ := os.Executable()
	flooder := exec.Command(self, "-flood", "-addr", addr, fmt.Sprintf("-flood-concurrency=%d", concurrency))
	flooder.Env = append(os.Environ(), "GOMAXPROCS=1")
	var floodOut bytes.Buffer
	flooder.Stdout = &floodOut
	if err := flooder.Start(); err != nil {
		return err
	}
	time.Sleep(2 * time.Second) // let the flood reach its stride
	flooded, errs := run(victim, url, time.Now().Add(phase))
	_ = flooder.Process.Signal(os.Interrupt)
	_ = flooder.Wait()
	var counts struct{ OK, Refused, Other int64 }
	_ = json.Unmarshal(floodOut.Bytes(), &counts)
	secs := (phase + 2*time.Second).Seconds()
	fmt.Printf("| %s | %s | %s | %s | %s | %.2f× | %d | %.0f | %.0f |\n", name,
		pct(alone, 50), pct(alone, 99), pct(flooded, 50), pct(flooded, 99),
		float64(pct(flooded, 99))/float64(pct(alone, 99)), errs,
		float64(counts.OK)/secs, float64(counts.Refused)/secs)
	return nil
}

// run sends victimQuery one at a time until the deadline; it returns the
// latencies of the answers without errors and counts the rest.
func run(c *http.Client, url string, until time.Time) ([]time.Duration, int) {
	var lat []time.Duration
	errs := 0
	for time.Now().Before(until) {
		start := time.Now()
		if status, err := post(c, url, victimQuery); err != nil || status != http.StatusOK {
			errs++
			continue
		}
		lat = append(lat, time.Since(start))
	}
	return lat, errs
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

// runFlood keeps concurrency requests in flight from 127.0.0.2, retrying at
// once whatever the answer (a flood does not honour Retry-After), until
// interrupted; then it prints its counts as JSON.
func runFlood(url string, concurrency int) {
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
					other.Add(1)
					continue
				}
				_, _ = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				switch res.StatusCode {
				case http.StatusOK:
					ok.Add(1)
				case http.StatusTooManyRequests:
					refused.Add(1)
				default:
					other.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	_ = json.NewEncoder(os.Stdout).Encode(map[string]int64{"OK": ok.Load(), "Refused": refused.Load(), "Other": other.Load()})
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

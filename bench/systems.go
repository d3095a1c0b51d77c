package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
)

// measurement is one cell of a table: a workload, a system, a concurrency.
type measurement struct {
	workload, system string
	concurrency      int
	res              Result
	// cpu is the CPU time each process (procNeo4j, procServer, procBench)
	// spent during the measured slices.
	cpu map[string]time.Duration
}

// cpuPerRequest is a process's CPU time per answered request, if measured.
func (m measurement) cpuPerRequest(proc string) (time.Duration, bool) {
	t, ok := m.cpu[proc]
	if !ok || m.res.Requests == 0 {
		return 0, false
	}
	return t / time.Duration(m.res.Requests), true
}

// checkSame asks every system each workload's parameter sets and fails on
// the first answer that differs from ours; a request that fails is asked
// again (thrice).
func checkSame(ctx context.Context, systems []system, cs []comparison, params int) error {
	for _, c := range cs {
		for i := range params {
			var want string
			for _, s := range systems {
				if s.query[c.key] == "" && s.name != "raw" {
					continue
				}
				var data json.RawMessage
				if err := thrice(func() error { return s.send(ctx, c.key, c.vars(i), &data) }); err != nil {
					return fmt.Errorf("%s, %s, %v: %w", c.name, s.name, c.vars(i), err)
				}
				got, err := c.canonical(s.name, data)
				if err != nil {
					return fmt.Errorf("%s, %s: %w", c.name, s.name, err)
				}
				if s.name == "ours" {
					want = got
				} else if got != want {
					return fmt.Errorf("%s, %v: %s answers\n  %s\nours\n  %s", c.name, c.vars(i), s.name, got, want)
				}
			}
		}
	}
	return nil
}

// thrice runs a check up to three times, until it does not fail: the
// checks are of answers, and on a loaded machine a statement's first, cold
// plan can outlast a request's bound. A wrong answer comes back the same
// each time, so asking again costs only time.
func thrice(request func() error) error {
	err := request()
	for try := 1; err != nil && try < 3; try++ {
		err = request()
	}
	return err
}

// mixed sends, in turn, the requests of the other workloads (W6).
func mixed(s system, cs []comparison) Request {
	return func(ctx context.Context, i int) error {
		c := cs[i%len(cs)]
		return s.send(ctx, c.key, c.vars(i/len(cs)), nil)
	}
}

// rounds is how many slices each cell's warm-up and measurement are cut into.
const rounds = 3

// runSystems measures every workload on every system that has it; pids names
// the processes whose CPU time it splits each request's cost between.
func runSystems(ctx context.Context, systems []system, cs []comparison, levels []int, warmup, duration time.Duration,
	pids map[string]int) []measurement {
	type job struct {
		key, name string
		req       func(s system) Request
		has       func(s system) bool
	}
	var jobs []job
	for _, c := range cs {
		jobs = append(jobs, job{c.key, c.name,
			func(s system) Request {
				return func(ctx context.Context, i int) error { return s.send(ctx, c.key, c.vars(i), nil) }
			},
			func(s system) bool { return s.name == "raw" || s.query[c.key] != "" }})
	}
	// The mix needs workloads to mix (-only may leave none).
	if len(cs) > 0 {
		jobs = append(jobs, job{"W6", "W6 mixed: W1–W5 in turn", func(s system) Request { return mixed(s, cs) },
			func(s system) bool {
				for _, c := range cs {
					if s.name != "raw" && s.query[c.key] == "" {
						return false
					}
				}
				return true
			}})
	}
	var out []measurement
	for _, j := range jobs {
		var present []system
		for _, s := range systems {
			if j.has(s) {
				present = append(present, s)
			}
		}
		for _, level := range levels {
			fmt.Fprintf(os.Stderr, "  %s, concurrency %d\n", j.key, level)
			names := make([]string, len(present))
			reqs := make([]Request, len(present))
			for k, s := range present {
				names[k], reqs[k] = s.name, j.req(s)
			}
			out = append(out, takeTurns(ctx, j.name, names, reqs, level, warmup, duration, pids)...)
		}
	}
	return out
}

// takeTurns measures one cell per system (reqs[k] is system names[k]'s
// request) at one concurrency. The systems take turns in slices, each round
// starting with the next, so that a machine that slows down or speeds up
// during a cell (other tenants, Neo4j's JIT and GC) weighs on all alike.
func takeTurns(ctx context.Context, workload string, names []string, reqs []Request, level int, warmup, duration time.Duration,
	pids map[string]int) []measurement {
	cells := make([]measurement, len(names))
	for k, name := range names {
		cells[k] = measurement{workload, name, level, Result{}, map[string]time.Duration{}}
	}
	for round := range rounds {
		for n := range names {
			k := (n + round) % len(names)
			procs := processesOf(pids, names[k])
			before := cpuTimes(procs)
			cells[k].res.add(Run(ctx, level, warmup/rounds, duration/rounds, reqs[k]))
			for proc, t := range cpuTimes(procs) {
				if b, ok := before[proc]; ok {
					cells[k].cpu[proc] += t - b
				}
			}
		}
	}
	return cells
}

// systemsTable renders the measurements with ours/peer and ours/raw ratios:
// throughput (higher is better for us) and p50 (lower is better).
func systemsTable(ms []measurement) string {
	var b strings.Builder
	b.WriteString("| workload | conc | system | req/s | p50 | p99 | errors | req/s ours/peer | p50 ours/peer | p50 ours/raw | CPU/req Neo4j | CPU/req server | CPU/req bench |\n")
	b.WriteString("|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, m := range ms {
		ratios := " | | |"
		if m.system == "ours" {
			ratios = " | |"
			if p, ok := find(ms, m.workload, "peer", m.concurrency); ok {
				ratios = fmt.Sprintf(" %.2f | %.2f |", m.res.PerSecond()/p.res.PerSecond(), float64(m.res.Percentile(50))/float64(p.res.Percentile(50)))
			} else {
				ratios = " – | – |"
			}
			if r, ok := find(ms, m.workload, "raw", m.concurrency); ok {
				ratios += fmt.Sprintf(" %.2f |", float64(m.res.Percentile(50))/float64(r.res.Percentile(50)))
			} else {
				ratios += " – |"
			}
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %.1f | %s | %s | %d |%s %s | %s | %s |\n", m.workload, m.concurrency, m.system,
			m.res.PerSecond(), ms1(m.res.Percentile(50)), ms1(m.res.Percentile(99)), m.res.Errors, ratios,
			cpuCell(m, procNeo4j), cpuCell(m, procServer), cpuCell(m, procBench))
	}
	return b.String()
}

// cpuCell is a process's CPU time per request, in ms, or "–" if unmeasured.
func cpuCell(m measurement, proc string) string {
	t, ok := m.cpuPerRequest(proc)
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%.2f", float64(t.Microseconds())/1000)
}

func ms1(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

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
}

// checkSame asks every system each workload's parameter sets and fails on
// the first answer that differs from ours.
func checkSame(ctx context.Context, systems []system, cs []comparison, params int) error {
	for _, c := range cs {
		for i := range params {
			var want string
			for _, s := range systems {
				if s.query[c.key] == "" && s.name != "raw" {
					continue
				}
				var data json.RawMessage
				if err := s.send(ctx, c.key, c.vars(i), &data); err != nil {
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

// mixed sends, in turn, the requests of the other workloads (W6).
func mixed(s system, cs []comparison) Request {
	return func(ctx context.Context, i int) error {
		c := cs[i%len(cs)]
		return s.send(ctx, c.key, c.vars(i/len(cs)), nil)
	}
}

// runSystems measures every workload on every system that has it.
func runSystems(ctx context.Context, systems []system, cs []comparison, levels []int, warmup, duration time.Duration) []measurement {
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
	jobs = append(jobs, job{"W6", "W6 mixed: W1–W5 in turn", func(s system) Request { return mixed(s, cs) },
		func(s system) bool {
			for _, c := range cs {
				if s.name != "raw" && s.query[c.key] == "" {
					return false
				}
			}
			return true
		}})
	var out []measurement
	for _, j := range jobs {
		for _, level := range levels {
			for _, s := range systems {
				if !j.has(s) {
					continue
				}
				fmt.Fprintf(os.Stderr, "  %s, %s, concurrency %d\n", j.key, s.name, level)
				out = append(out, measurement{j.name, s.name, level, Run(ctx, level, warmup, duration, j.req(s))})
			}
		}
	}
	return out
}

// systemsTable renders the measurements with ours/peer and ours/raw ratios:
// throughput (higher is better for us) and p50 (lower is better).
func systemsTable(ms []measurement) string {
	var b strings.Builder
	b.WriteString("| workload | conc | system | req/s | p50 | p99 | errors | req/s ours/peer | p50 ours/peer | p50 ours/raw |\n")
	b.WriteString("|---|--:|---|--:|--:|--:|--:|--:|--:|--:|\n")
	find := func(workload, system string, conc int) *Result {
		for i := range ms {
			if ms[i].workload == workload && ms[i].system == system && ms[i].concurrency == conc {
				return &ms[i].res
			}
		}
		return nil
	}
	for _, m := range ms {
		ratios := " | | |"
		if m.system == "ours" {
			ratios = " | |"
			if p := find(m.workload, "peer", m.concurrency); p != nil {
				ratios = fmt.Sprintf(" %.2f | %.2f |", m.res.PerSecond()/p.PerSecond(), float64(m.res.Percentile(50))/float64(p.Percentile(50)))
			} else {
				ratios = " – | – |"
			}
			if r := find(m.workload, "raw", m.concurrency); r != nil {
				ratios += fmt.Sprintf(" %.2f |", float64(m.res.Percentile(50))/float64(r.Percentile(50)))
			} else {
				ratios += " – |"
			}
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %.1f | %s | %s | %d |%s\n", m.workload, m.concurrency, m.system,
			m.res.PerSecond(), ms1(m.res.Percentile(50)), ms1(m.res.Percentile(99)), m.res.Errors, ratios)
	}
	return b.String()
}

func ms1(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

package main

import (
	"strings"
	"testing"
	"time"
)

func TestParsePids(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want map[string]int
		bad  bool
	}{
		{"", map[string]int{}, false},
		{"ours=12, peer=34,neo4j=56", map[string]int{"ours": 12, "peer": 34, "neo4j": 56}, false},
		{"ours=", nil, true},
		{"ours", nil, true},
		{"ours=-1", nil, true},
	} {
		got, err := parsePids(tc.in)
		if (err != nil) != tc.bad || (!tc.bad && len(got) != len(tc.want)) {
			t.Errorf("parsePids(%q) = %v, %v", tc.in, got, err)
		}
		for k, v := range tc.want {
			if got[k] != v {
				t.Errorf("parsePids(%q)[%s] = %d, want %d", tc.in, k, got[k], v)
			}
		}
	}
}

// TestBoundsSection: the reading names where most of a request's CPU goes
// and what ours/peer could reach with a server costing nothing.
func TestBoundsSection(t *testing.T) {
	cell := func(system string, neo4j, server, bench time.Duration) measurement {
		m := measurement{workload: "W9 test", system: system, concurrency: 16, res: Result{Requests: 1000},
			cpu: map[string]time.Duration{procNeo4j: 1000 * neo4j, procBench: 1000 * bench}}
		if server > 0 {
			m.cpu[procServer] = 1000 * server
		}
		return m
	}
	ms := []measurement{
		cell("ours", 2*time.Millisecond, time.Millisecond, time.Millisecond),
		cell("raw", 2*time.Millisecond, 0, time.Millisecond),
		cell("peer", 2*time.Millisecond, 3*time.Millisecond, time.Millisecond),
	}
	got := boundsSection(ms, nil, nil, 16)
	for _, want := range []string{
		"**W9 test** — bounded by Neo4j (50% of the CPU): a request of ours costs 4.00 ms of CPU (Neo4j 2.00, server 1.00, bench 1.00)",
		"The peer's costs 6.00 ms", "could reach at most 2.00×", "Raw costs 3.00 ms of CPU (Neo4j 2.00, bench 1.00)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("reading lacks %q:\n%s", want, got)
		}
	}
	ms[0].cpu[procServer] = 3000 * time.Millisecond
	if got := boundsSection(ms, nil, nil, 16); !strings.Contains(got, "bounded by our server (50% of the CPU)") {
		t.Errorf("a server taking most CPU is not named:\n%s", got)
	}
}

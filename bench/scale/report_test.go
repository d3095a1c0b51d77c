package main

import (
	"strings"
	"testing"
	"time"

	"github.com/innograph/innograph/bench/cells"
)

func TestThousands(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -1234: "-1,234"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestShort(t *testing.T) {
	for n, want := range map[int64]string{100000: "100k", 1000000: "1M", 2500000: "2500k", 1234: "1234"} {
		if got := short(n); got != want {
			t.Errorf("short(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestPhaseRate reads the rates seed generate prints per phase.
func TestPhaseRate(t *testing.T) {
	out := "generated and validated 100000 nodes and 569552 relationships in 7.9s\n" +
		"nodes:         100000 in 9.8s: 10204 rows/s (created 100000, updated 0, unchanged 0)\n" +
		"relationships: 569552 in 22.1s: 25771 rows/s (created 569552, updated 0, unchanged 0)\n"
	for phase, want := range map[string]string{"nodes": "10204", "relationships": "25771", "demands": "–"} {
		if got := phaseRate(out, phase); got != want {
			t.Errorf("phaseRate(%q) = %q, want %q", phase, got, want)
		}
	}
}

// TestReport: each of our cells is one row with its value at every size
// and the growth from the first to the last; the peer's and raw cells are
// left out, and a cell missing at one size has no growth.
func TestReport(t *testing.T) {
	cell := func(workload, system string, p50 time.Duration, hits int64) cells.Cell {
		return cells.Cell{Section: "systems", Workload: workload, System: system, Concurrency: 16, P50: p50, P99: 2 * p50, DBHits: hits}
	}
	points := []point{
		{nodes: 100000, relationships: 569552, load: 40 * time.Second, seedRSS: 113 << 20,
			loadOutput: "nodes: 1 in 1s: 10204 rows/s\n", cells: []cells.Cell{
				cell("W2a page", "ours", 4*time.Millisecond, 66), cell("W2a page", "raw", time.Millisecond, 1),
				cell("W3 search", "ours", 3*time.Millisecond, 100)}},
		{nodes: 1000000, relationships: 5695520, load: 400 * time.Second, seedRSS: 900 << 20, cells: []cells.Cell{
			cell("W2a page", "ours", 6*time.Millisecond, 69)}},
	}
	got := writeReport(options{density: 1}, points, time.Minute)
	for _, want := range []string{
		"100,000 → 1,000,000 nodes",
		"| 100,000 | 569,552 | 40s | 10204 | – | 113 MiB |",
		"| W2a page | 16 | 4.0 | 6.0 | ×1.50 | 8.0 | 12.0 | ×1.50 | 66 | 69 | ×1.05 |",
		"| W3 search | 16 | 3.0 | – | – | 6.0 | – | – | 100 | – | – |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the report lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "| raw") || strings.Count(got, "W2a page") != 1 {
		t.Errorf("the report has other systems' cells:\n%s", got)
	}
}

// TestLastLines keeps the end of bench's messages without its progress.
func TestLastLines(t *testing.T) {
	out := "  W5, concurrency 16\nbench: W5, ours: timed out\n  W6, concurrency 1\nthe systems disagree\n"
	if got, want := lastLines(out, 5), "bench: W5, ours: timed out\nthe systems disagree"; got != want {
		t.Errorf("lastLines = %q, want %q", got, want)
	}
}

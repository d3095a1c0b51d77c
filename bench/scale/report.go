package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/innograph/innograph/bench/cells"
	"github.com/innograph/innograph/bench/machine"
)

// writeReport puts the sizes side by side: the load, then every request
// cell of our server (W1–W6 and the path queries through GraphQL), each
// with its growth from the first size to the last.
func writeReport(o options, points []point, took time.Duration) string {
	var b strings.Builder
	first, last := points[0], points[len(points)-1]
	fmt.Fprintf(&b, "# How costs grow with the graph: %s → %s nodes\n\n", thousands(first.nodes), thousands(last.nodes))
	fmt.Fprintf(&b, "Written by `make bench-scale` (bench/scale); do not edit by hand.\n\n"+
		"- Date: %s; the whole run took %s\n- Machine: %s\n"+
		"- Command: `go run ./bench/scale %s`\n"+
		"- Each size: a fresh local Neo4j 5.26 Community (heap %s, page cache %s), the synthetic graph of `seed generate -nodes N -density %g` "+
		"loaded through transactions, our server on it, then `bench %s` (its own report for each size is in %s)\n"+
		"- Timings are as noisy as the machine (compare within a row, as ratios); db hits are exact, PROFILEd on the first parameter set\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), took.Round(time.Second), machine.Describe(), strings.Join(os.Args[1:], " "),
		o.heap, o.pagecache, o.density, o.benchArgs, o.work)

	b.WriteString("## Loading\n\n`seed generate`: generated, validated (streaming) and written in batches; peak memory is the resident set's high-water mark.\n\n")
	b.WriteString("| nodes | relationships | load | node rows/s | relationship rows/s | seed peak memory | Neo4j peak memory |\n|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, p := range points {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", thousands(p.nodes), thousands(p.relationships), p.load.Round(time.Second),
			phaseRate(p.loadOutput, "nodes"), phaseRate(p.loadOutput, "relationships"), mib(p.seedRSS), mib(p.dbRSS))
	}

	fmt.Fprintf(&b, "\n## Requests to our server\n\nW1–W6 as in bench/RESULTS.md, and the path queries through GraphQL; growth is %s ÷ %s nodes.\n\n",
		thousands(last.nodes), thousands(first.nodes))
	head, rule := "| workload | conc |", "|---|--:|"
	for _, m := range metrics {
		for _, p := range points {
			head += fmt.Sprintf(" %s %s |", m.name, short(p.nodes))
			rule += "--:|"
		}
		head += " growth |"
		rule += "--:|"
	}
	b.WriteString(head + "\n" + rule + "\n")
	for _, c := range first.cells {
		if c.System != "ours" && c.System != "GraphQL" {
			continue
		}
		row := fmt.Sprintf("| %s | %d |", c.Workload, c.Concurrency)
		for _, m := range metrics {
			var values []float64
			for _, p := range points {
				cell := "–"
				if v, ok := find(p.cells, c); ok && m.value(v) > 0 {
					values = append(values, m.value(v))
					cell = m.format(m.value(v))
				}
				row += " " + cell + " |"
			}
			row += " " + growth(values, len(points)) + " |"
		}
		b.WriteString(row + "\n")
	}
	for _, p := range points {
		if p.benchFailures != "" {
			fmt.Fprintf(&b, "\nAt %s nodes some requests failed (each cell's errors are in %s):\n\n```\n%s\n```\n",
				thousands(p.nodes), p.benchReport, p.benchFailures)
		}
	}
	return b.String()
}

// find is the cell of the same workload, system and concurrency.
func find(cs []cells.Cell, like cells.Cell) (cells.Cell, bool) {
	for _, c := range cs {
		if c.Section == like.Section && c.Workload == like.Workload && c.System == like.System && c.Concurrency == like.Concurrency {
			return c, true
		}
	}
	return cells.Cell{}, false
}

// metrics are the report's measures of a request, each with its unit.
var metrics = []struct {
	name   string
	value  func(cells.Cell) float64
	format func(float64) string
}{
	{"p50 ms", func(c cells.Cell) float64 { return ms(c.P50) }, milliseconds},
	{"p99 ms", func(c cells.Cell) float64 { return ms(c.P99) }, milliseconds},
	{"db hits", func(c cells.Cell) float64 { return float64(c.DBHits) }, func(v float64) string { return thousands(int64(v)) }},
}

func milliseconds(v float64) string {
	if v < 100 {
		return fmt.Sprintf("%.1f", v)
	}
	return thousands(int64(v))
}

// growth is the last value over the first, when every size has one.
func growth(values []float64, sizes int) string {
	if len(values) != sizes || values[0] == 0 {
		return "–"
	}
	return fmt.Sprintf("×%.2f", values[len(values)-1]/values[0])
}

var rate = regexp.MustCompile(`([0-9]+) rows/s`)

// phaseRate reads the rows/s that seed generate printed for a phase
// ("nodes:", "relationships:").
func phaseRate(output, phase string) string {
	for _, line := range strings.Split(output, "\n") {
		if strings.HasPrefix(line, phase+":") {
			if m := rate.FindStringSubmatch(line); m != nil {
				return m[1]
			}
		}
	}
	return "–"
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func mib(bytes int64) string { return fmt.Sprintf("%s MiB", thousands(bytes>>20)) }

// short is a size as a column heading: 100k, 1M.
func short(n int64) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return fmt.Sprintf("%dM", n/1_000_000)
	case n >= 1000 && n%1000 == 0:
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

// thousands writes n with thousands separators: 1,000,000.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

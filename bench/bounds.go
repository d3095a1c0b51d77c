package main

import (
	"fmt"
	"runtime"
	"strings"
	"time"
)

// boundsSection is the reading of what bounds each workload, written from
// the measurements rather than by hand: at the highest concurrency the
// machine is saturated, so what a request costs in CPU, and where, decides
// throughput.
func boundsSection(ms []measurement, cs []comparison, traced map[string]map[string]sent, level int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## What bounds each workload\n\n"+
		"Read from the cells at concurrency %d, where Neo4j, the servers and bench share the machine's %d cores and keep them busy: "+
		"throughput is then about cores ÷ the CPU one request costs in all processes, so a system gets ahead only by costing less CPU per request, "+
		"and a workload is bounded by the process where most of that CPU goes. "+
		"Bench's share is the load tool's (and for raw, the raw endpoint's too).\n\n", level, runtime.NumCPU())
	names := make(map[string]string, len(cs)+1)
	for _, c := range cs {
		names[c.name] = c.key
	}
	for _, m := range ms {
		if m.system != "ours" || m.concurrency != level {
			continue
		}
		ours, ok := costOf(m)
		if !ok {
			fmt.Fprintf(&b, "- **%s**: CPU not measured (bench needs -pids on Linux).\n", m.workload)
			continue
		}
		fmt.Fprintf(&b, "- **%s** — bounded by %s: a request of ours costs %s.", m.workload, ours.bound(), ours)
		if p, ok := find(ms, m.workload, "peer", level); ok {
			if peer, ok := costOf(p); ok {
				fmt.Fprintf(&b, " The peer's costs %s.", peer)
				fmt.Fprintf(&b, " With our server costing nothing, ours/peer throughput could reach at most %.2f×.",
					float64(peer.total())/float64(ours.neo4j+ours.bench))
			}
		}
		if r, ok := find(ms, m.workload, "raw", level); ok {
			if raw, ok := costOf(r); ok {
				fmt.Fprintf(&b, " Raw costs %s.", raw)
			}
		}
		if t, ok := traced[names[m.workload]]; ok {
			fmt.Fprintf(&b, " db hits ours / peer / raw: %s / %s / %s.", hits(t, "ours"), hits(t, "peer"), hits(t, "raw"))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// cost is the CPU time one request took in each process.
type cost struct{ neo4j, server, bench time.Duration }

func costOf(m measurement) (cost, bool) {
	n, okN := m.cpuPerRequest(procNeo4j)
	s, _ := m.cpuPerRequest(procServer)
	bench, okB := m.cpuPerRequest(procBench)
	return cost{n, s, bench}, okN && okB
}

func (c cost) total() time.Duration { return c.neo4j + c.server + c.bench }

// bound names the process, apart from the load tool, that takes most CPU.
func (c cost) bound() string {
	if c.server > c.neo4j {
		return fmt.Sprintf("our server (%.0f%% of the CPU)", 100*float64(c.server)/float64(c.total()))
	}
	return fmt.Sprintf("Neo4j (%.0f%% of the CPU)", 100*float64(c.neo4j)/float64(c.total()))
}

func (c cost) String() string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000) }
	s := fmt.Sprintf("%s ms of CPU (Neo4j %s", ms(c.total()), ms(c.neo4j))
	if c.server > 0 {
		s += ", server " + ms(c.server)
	}
	return s + ", bench " + ms(c.bench) + ")"
}

func find(ms []measurement, workload, system string, level int) (measurement, bool) {
	for _, m := range ms {
		if m.workload == workload && m.system == system && m.concurrency == level {
			return m, true
		}
	}
	return measurement{}, false
}

func hits(t map[string]sent, system string) string {
	s, ok := t[system]
	if !ok {
		return "–"
	}
	return fmt.Sprint(s.dbHits)
}

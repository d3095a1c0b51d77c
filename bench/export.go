package main

import "github.com/innograph/innograph/bench/cells"

// measuredCells are the run's cells for -json: the path queries', then the
// three systems', each of these with the db hits PROFILEd for its system
// (the mix, W6, has none of its own).
func measuredCells(paths, systems []measurement, cs []comparison, traced map[string]map[string]sent) []cells.Cell {
	keys := make(map[string]string, len(cs))
	for _, c := range cs {
		keys[c.name] = c.key
	}
	out := make([]cells.Cell, 0, len(paths)+len(systems))
	add := func(section string, m measurement, hits int64) {
		out = append(out, cells.Cell{Section: section, Workload: m.workload, System: m.system, Concurrency: m.concurrency,
			PerSecond: m.res.PerSecond(), P50: m.res.Percentile(50), P99: m.res.Percentile(99), Errors: m.res.Errors, DBHits: hits})
	}
	for _, m := range paths {
		add("paths", m, 0)
	}
	for _, m := range systems {
		add("systems", m, traced[keys[m.workload]][m.system].dbHits)
	}
	return out
}

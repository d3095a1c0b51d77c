package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/innograph/innograph/bench/machine"
)

// header opens the report: when, on what machine, with which command.
func header(o options) string {
	return fmt.Sprintf(`# InnoGraph benchmark results

Written by `+"`make bench`"+` (bench/); do not edit by hand.

- Date: %s
- Machine: %s
- Graph: the synthetic graph of `+"`seed generate -nodes %d -seed %d`"+`, in the local Neo4j 5.26 Community
- Command: `+"`make bench`"+` (`+"`go run ./bench %s`"+`)
- Each cell: %s warm-up, then %s of closed-loop requests at the given concurrency; latencies in an HDR histogram. Each cell is cut into %d slices in which the systems (the three, or GraphQL and the driver) take turns, so a change in the machine's speed during a run weighs on all alike; CPU per request is each process's user+system time (/proc) over the measured slices, divided by the requests answered

`, time.Now().UTC().Format("2006-01-02 15:04 MST"), machine.Describe(),
		o.nodes, o.seed, strings.Join(os.Args[1:], " "), o.warmup, o.duration, rounds)
}

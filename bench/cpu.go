package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/innograph/innograph/bench/proccpu"
)

// The processes whose CPU the report splits each request's cost between.
const (
	procNeo4j  = "neo4j"  // the DBMS every system reads
	procServer = "server" // the system's own server; raw has none apart from bench
	procBench  = "bench"  // this process: the load tool, and the raw endpoint
)

// cpuTimes reads the CPU time of each process (role → pid); one it cannot
// read (not on Linux, or gone) is left out.
func cpuTimes(pids map[string]int) map[string]time.Duration {
	out := make(map[string]time.Duration, len(pids))
	for role, pid := range pids {
		if t, err := proccpu.Of(pid); err == nil {
			out[role] = t
		}
	}
	return out
}

// processesOf names the processes that serve one system's requests: Neo4j,
// the system's server (given by -pids under the system's name) and bench.
func processesOf(pids map[string]int, system string) map[string]int {
	out := map[string]int{procBench: os.Getpid()}
	if pid, ok := pids[procNeo4j]; ok {
		out[procNeo4j] = pid
	}
	if pid, ok := pids[system]; ok {
		out[procServer] = pid
	}
	return out
}

// parsePids reads "-pids ours=12,peer=34,neo4j=56".
func parsePids(s string) (map[string]int, error) {
	out := map[string]int{}
	if strings.TrimSpace(s) == "" {
		return out, nil
	}
	for _, part := range strings.Split(s, ",") {
		name, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		pid, err := strconv.Atoi(v)
		if !ok || err != nil || pid <= 0 {
			return nil, fmt.Errorf("bad -pids entry %q: want name=pid", part)
		}
		out[name] = pid
	}
	return out, nil
}

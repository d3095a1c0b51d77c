package main

import "runtime/debug"

// gcPercent is the garbage collector's target when GOGC is not set. The
// server's live heap is a few MB (the objects of requests in flight), so
// Go's default of 100 collects every few requests; 400 spends a few tens of
// MB more to spend about a quarter less CPU per request on a response of
// 200 nodes (bench: W5, server CPU per request; docs/performance.md).
const gcPercent = 400

// tuneGC applies gcPercent unless the operator set GOGC, which wins.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

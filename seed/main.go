// Command seed loads graph files into InnoGraph's Neo4j, and generates
// synthetic graphs for scale. See seed/README.md for the file format.
//
//	go run ./seed [flags] FILE|DIR...
//	go run ./seed generate [flags]
//	go run ./seed bulk [flags] FILE|DIR...
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// memoryLimit is the soft memory limit seed sets unless GOMEMLIMIT is set.
// A load's index of ids and keys stays live to its end; without a limit the
// garbage collector lets the heap grow to twice what is live (GOGC=100),
// with one the collector works harder near it instead (docs/performance.md,
// "Loading at scale").
const memoryLimit = 800 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1 // rows were rejected (in strict mode nothing was written)
	exitFailed  = 2 // usage, configuration, files or database
)

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr *os.File) int {
	if len(args) > 0 && args[0] == "generate" {
		return generate(ctx, args[1:], getenv, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "bulk" {
		return bulk(ctx, args[1:], getenv, stdout, stderr)
	}
	return load(ctx, args, getenv, stdout, stderr)
}

func fail(stderr *os.File, format string, args ...any) int {
	fmt.Fprintf(stderr, "seed: "+format+"\n", args...)
	return exitFailed
}

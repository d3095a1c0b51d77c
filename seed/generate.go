package main

import (
	"context"
	"os"
)

// generate is `seed generate [flags]`: wired to the synth package.
func generate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr *os.File) int {
	return fail(stderr, "generate: not built yet")
}

// Package machine describes the machine a benchmark ran on, for the
// reports of the bench programs.
package machine

import (
	"fmt"
	"os"
	"runtime"
	"strings"
)

// Describe is one line: cores, CPU model, memory, OS and architecture.
func Describe() string {
	return fmt.Sprintf("%d cores (%s), %s memory, %s/%s", runtime.NumCPU(), procField("/proc/cpuinfo", "model name"),
		procField("/proc/meminfo", "MemTotal"), runtime.GOOS, runtime.GOARCH)
}

// procField reads a "key: value" line of a /proc file on Linux; elsewhere
// it says "unknown".
func procField(path, key string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

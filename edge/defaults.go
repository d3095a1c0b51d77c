package edge

import (
	"time"

	"github.com/innograph/innograph/graph"
)

// DefaultOptions are the edge's production settings around
// graph.DefaultOptions, without a readiness probe. The server's environment
// (config.go, the README table) and the test harness (apitest) start from
// them and override what they need, so a default is written once.
func DefaultOptions() Options {
	return Options{
		GraphQL:        graph.DefaultOptions(),
		Shed:           ShedLimits{Rate: 20, Burst: 40, Concurrency: 4, Hold: time.Second},
		RequestTimeout: 15 * time.Second,
		CORSOrigins:    []string{"http://localhost:*", "http://127.0.0.1:*"},
	}
}

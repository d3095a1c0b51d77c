package graph

import "time"

// DefaultOptions are the GraphQL handler's production settings, without a
// store, auth or logger. The server's environment (config.go, the README
// table) and the test harness (apitest) start from them and override what
// they need, so a default is written once.
func DefaultOptions() Options {
	return Options{
		ComplexityLimit: 50000,
		Introspection:   true,
		Limits:          DefaultLimits,
		MaxBodyBytes:    1 << 20,
		BodyTimeout:     5 * time.Second,
	}
}

// DefaultReadsOpen: reads need no token unless the server is told otherwise.
const DefaultReadsOpen = true

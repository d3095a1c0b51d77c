package neo4jdb

import "time"

// DefaultConfig is the connection every program starts from: the local
// Neo4j of `scripts/neo4j-local.sh` and the server's bounds. The server's
// environment (config.go, the README table), seed, bench and the test
// harness override what they need and keep the rest, so a default is
// written once.
func DefaultConfig() Config {
	return Config{
		URI:            "bolt://127.0.0.1:7687",
		User:           "neo4j",
		Password:       "innograph-dev",
		ReadTimeout:    5 * time.Second,
		PathTimeout:    5 * time.Second,
		WriteTimeout:   10 * time.Second,
		MaxPoolSize:    50,
		AcquireTimeout: 5 * time.Second,
	}
}

// Package data ships InnoGraph's graph files, so that the server can load the
// starter graph into an empty database without a file path.
package data

import _ "embed"

// Starter is the small starter graph that `make run` loads into an empty
// database: real entities named by the source documents, each citing one.
//
//go:embed starter/graph.jsonl
var Starter []byte

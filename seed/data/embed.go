// Package data ships InnoGraph's sample graph, so that the server can load it
// into an empty database without a file path.
package data

import (
	"embed"
	"io/fs"
)

//go:embed sample/*.jsonl
var files embed.FS

// Sample is the real sample graph that `make run` loads into an empty
// database: facts.jsonl holds the entities and links the source documents
// state, each citing one; illustrative.jsonl holds the links added for demos,
// each marked synthetic.
var Sample = mustSub(files, "sample")

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // dir is a constant matched by the embed pattern
	}
	return sub
}

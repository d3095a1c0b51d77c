package apitest

import (
	"strings"
	"testing/fstest"

	"github.com/innograph/innograph/importer"
	"github.com/innograph/innograph/seed/data"
)

// LoadSample loads the sample graph into the test database, as `make run`
// does into an empty one.
func (a *API) LoadSample() {
	a.T.Helper()
	if _, err := importer.Load(a.T.Context(), a.DB, data.Sample); err != nil {
		a.T.Fatal(err)
	}
}

// LoadGraph loads JSON Lines through the importer, as the seed command does.
func (a *API) LoadGraph(jsonl string) {
	a.T.Helper()
	if _, err := importer.Load(a.T.Context(), a.DB, fstest.MapFS{"graph.jsonl": {Data: []byte(strings.TrimSpace(jsonl))}}); err != nil {
		a.T.Fatalf("test graph: %v", err)
	}
}

// Package apitest is the harness every package's behaviour tests share: the
// whole HTTP stack, built by edge.NewHandler with the production defaults
// (edge.DefaultOptions) and the test tokens, over the real test Neo4j
// (neo4jdb/neo4jtest), and the requests that tests send through it.
//
// Package main cannot be imported, so the stack is built here from the same
// defaults config.go starts from; a test that needs another setting passes
// an Option instead of an environment variable. Tests that use New must not
// run in parallel: each starts from an empty graph (neo4jtest.Open).
package apitest

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/innograph/innograph/edge"
	"github.com/innograph/innograph/graph"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// The bearer tokens every harness accepts.
const (
	WriteToken = "test-write-token"
	ReadToken  = "test-read-token"
)

// An Option changes the edge's options after the harness set its own.
type Option func(*edge.Options)

// Log writes the server log (text) to w instead of discarding it.
func Log(w io.Writer) Option {
	return func(o *edge.Options) { o.GraphQL.Logger = slog.New(slog.NewTextHandler(w, nil)) }
}

// API is the whole HTTP stack served over a store.
type API struct {
	T       testing.TB
	URL     string             // the server's root; the endpoint is URL+"/query"
	DB      *neo4jdb.DB        // the test database; nil when served over another store (Serve)
	Counter *neo4jtest.Counter // statements sent to DB; nil with Serve
	Handler http.Handler       // what the server serves, for requests a real client cannot send
}

// New serves the whole stack over the test database, its graph emptied.
func New(t testing.TB, opts ...Option) *API {
	t.Helper()
	db, counter := neo4jtest.Open(t)
	a := Serve(t, db, opts...)
	a.DB, a.Counter = db, counter
	return a
}

// Serve serves the whole stack over store (a stub, or a database the test
// opened itself) until the test ends.
func Serve(t testing.TB, store graph.Store, opts ...Option) *API {
	t.Helper()
	h := Handler(store, opts...)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &API{T: t, URL: srv.URL, Handler: h}
}

// Handler builds the whole stack over store: the production defaults, the
// test tokens, the log discarded, and load shedding off — tests fire
// requests faster than any one client may — unless opts turn it on. /readyz
// asks the store when it can answer (*neo4jdb.DB can); a stub that cannot
// must not be asked.
func Handler(store graph.Store, opts ...Option) http.Handler {
	o := edge.DefaultOptions()
	o.GraphQL.Store = store
	o.GraphQL.Auth = graph.NewAuth([]string{ReadToken}, []string{WriteToken}, graph.DefaultReadsOpen)
	o.GraphQL.Logger = slog.New(slog.DiscardHandler)
	o.Shed.Rate, o.Shed.Concurrency = 0, 0
	if r, ok := store.(interface{ Ready(context.Context) error }); ok {
		o.Ready = r.Ready
	}
	for _, opt := range opts {
		opt(&o)
	}
	return edge.NewHandler(o)
}

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/innograph/innograph/edge"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

const (
	writeToken = "test-write-token"
	readToken  = "test-read-token"
)

// api is the whole HTTP stack over the test database.
type api struct {
	t       *testing.T
	url     string
	db      *neo4jdb.DB
	counter *neo4jtest.Counter
	handler http.Handler // what srv serves, for requests a real client cannot send
}

func newAPI(t *testing.T) *api {
	t.Helper()
	return newAPIWith(t, map[string]string{"INNOGRAPH_MAX_BODY_BYTES": "65536"}, io.Discard)
}

// newAPIWith serves the whole stack with the test tokens, the environment
// env on top of the defaults, and the server log written to log. Tests fire
// requests faster than any one client may, so load shedding is off unless
// env turns it on (loadshed_test.go).
func newAPIWith(t *testing.T, env map[string]string, log io.Writer) *api {
	t.Helper()
	db, counter := neo4jtest.Open(t)
	vars := map[string]string{
		"INNOGRAPH_WRITE_TOKENS": writeToken, "INNOGRAPH_READ_TOKENS": readToken,
		"INNOGRAPH_CLIENT_RATE": "0", "INNOGRAPH_CLIENT_CONCURRENCY": "0",
	}
	for k, v := range env {
		vars[k] = v
	}
	cfg, err := loadConfig(func(name string) string { return vars[name] })
	if err != nil {
		t.Fatal(err)
	}
	h := newHTTPHandler(cfg, db, slog.New(slog.NewTextHandler(log, nil)))
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &api{t: t, url: srv.URL, db: db, counter: counter, handler: h}
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// do posts a GraphQL request with an optional bearer token.
func (a *api) do(token, query string, vars map[string]any) gqlResponse {
	a.t.Helper()
	return a.post(token, map[string]any{"query": query, "variables": vars})
}

// post sends any request body as JSON.
func (a *api) post(token string, request map[string]any) gqlResponse {
	a.t.Helper()
	body, _ := json.Marshal(request)
	req, _ := http.NewRequest(http.MethodPost, a.url+"/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		a.t.Fatalf("response is not JSON: %v", err)
	}
	return out
}

// ok runs a request that must succeed and decodes its data into v.
func (a *api) ok(token, query string, vars map[string]any, v any) {
	a.t.Helper()
	res := a.do(token, query, vars)
	if len(res.Errors) > 0 {
		a.t.Fatalf("unexpected errors: %+v\nquery: %s", res.Errors, query)
	}
	if err := json.Unmarshal(res.Data, v); err != nil {
		a.t.Fatalf("decode %s: %v", res.Data, err)
	}
}

// fails runs a request that must fail with code (and, if given, field).
func (a *api) fails(token, query string, vars map[string]any, code, field string) gqlError {
	a.t.Helper()
	res := a.do(token, query, vars)
	if len(res.Errors) == 0 {
		a.t.Fatalf("want %s error, got data %s", code, res.Data)
	}
	e := res.Errors[0]
	if e.Extensions["code"] != code || (field != "" && e.Extensions["field"] != field) {
		a.t.Fatalf("want %s on %q, got %+v", code, field, e)
	}
	if strings.Contains(e.Message, "Neo.") || strings.Contains(e.Message, "goroutine") {
		a.t.Errorf("error leaks internals: %q", e.Message)
	}
	return e
}

// loadSampleGraph loads the sample graph the way `make run` does.
func (a *api) loadSampleGraph() {
	a.t.Helper()
	if err := loadSample(a.t.Context(), a.db, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		a.t.Fatal(err)
	}
}

// TestFirstQuery runs the query the playground opens with on the sample graph.
func TestFirstQuery(t *testing.T) {
	a := newAPI(t)
	a.loadSampleGraph()
	var out struct {
		Chain struct {
			Chains []struct{ Length int }
		}
	}
	a.ok("", edge.FirstQuery, nil, &out)
	if len(out.Chain.Chains) == 0 || out.Chain.Chains[0].Length != 2 {
		t.Errorf("科河种业 and CAAS Grassland are two steps apart in the sample: %+v", out.Chain)
	}
}

func TestSampleGraphLoadsOnce(t *testing.T) {
	a := newAPI(t)
	a.loadSampleGraph()
	a.loadSampleGraph() // not empty any more: a no-op
	var out struct {
		Enterprises struct{ TotalCount int } `json:"enterprises"`
		Parks       struct{ TotalCount int } `json:"parks"`
	}
	a.ok("", `{ enterprises { totalCount } parks { totalCount } }`, nil, &out)
	if out.Enterprises.TotalCount != 9 || out.Parks.TotalCount != 10 {
		t.Errorf("sample graph: %+v", out)
	}
}

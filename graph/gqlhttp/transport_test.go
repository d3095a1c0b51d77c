package gqlhttp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// These tests run the transport inside gqlgen's real server over a small
// schema whose execution the test controls; edge/http_test.go runs it with
// InnoGraph's schema over Neo4j, through the test harness (apitest).

var schema = gqlparser.MustLoadSchema(&ast.Source{Input: `
	type Query { slow: String  failing: String }
`})

const bodyTimeout = 100 * time.Millisecond

// refuseByHeader stands for any extension that refuses an operation before
// validation (operation limits, persisted queries): it raises an error with
// the code named in the X-Refuse header ("none" for no code).
type refuseByHeader struct{}

func (refuseByHeader) ExtensionName() string                   { return "refuseByHeader" }
func (refuseByHeader) Validate(graphql.ExecutableSchema) error { return nil }
func (refuseByHeader) MutateOperationParameters(_ context.Context, p *graphql.RawParams) *gqlerror.Error {
	code := p.Headers.Get("X-Refuse")
	switch code {
	case "":
		return nil
	case "none":
		return gqlerror.Errorf("refused without a code")
	}
	return &gqlerror.Error{Message: "refused", Extensions: map[string]any{"code": code}}
}

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := handler.New(&graphql.ExecutableSchemaMock{
		SchemaFunc: func() *ast.Schema { return schema },
		ExecFunc: func(ctx context.Context) graphql.ResponseHandler {
			query := graphql.GetOperationContext(ctx).RawQuery
			return graphql.OneShot(execute(ctx, query))
		},
	})
	srv.AddTransport(New(Options{BodyTimeout: bodyTimeout, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	srv.Use(refuseByHeader{})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

// execute answers { slow } after three body timeouts, saying whether the
// request's context was still alive, and { failing } with 120 field errors.
func execute(ctx context.Context, query string) *graphql.Response {
	switch {
	case strings.Contains(query, "slow"):
		time.Sleep(3 * bodyTimeout)
		state := "alive"
		if ctx.Err() != nil {
			state = "cancelled"
		}
		return &graphql.Response{Data: json.RawMessage(`{"slow":"` + state + `"}`)}
	default:
		resp := &graphql.Response{Data: json.RawMessage(`{"failing":null}`)}
		for i := range 120 {
			resp.Errors = append(resp.Errors, &gqlerror.Error{Message: fmt.Sprint("failure ", i),
				Path: ast.Path{ast.PathName("failing")}, Extensions: map[string]any{"code": "NOT_FOUND"}})
		}
		return resp
	}
}

type result struct {
	status int
	header http.Header
	body   map[string]json.RawMessage
	errors []struct {
		Message    string
		Path       []any
		Extensions map[string]any
	}
}

func post(t *testing.T, url, accept, query string, header map[string]string) result {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(`{"query":`+fmt.Sprintf("%q", query)+`}`))
	req.Header.Set("Content-Type", "application/json")
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out := result{status: res.StatusCode, header: res.Header}
	raw, _ := io.ReadAll(res.Body)
	if err := json.Unmarshal(raw, &out.body); err != nil {
		t.Fatalf("not JSON: %s", raw)
	}
	_ = json.Unmarshal(out.body["errors"], &out.errors)
	return out
}

// An operation that runs longer than the body timeout keeps its context:
// the read deadline that bounds the body is lifted once the body is in.
func TestOperationOutlivesBodyTimeout(t *testing.T) {
	ts := newServer(t)
	res := post(t, ts.URL, "", "{ slow }", nil)
	if res.status != http.StatusOK || string(res.body["data"]) != `{"slow":"alive"}` {
		t.Errorf("%d %s", res.status, res.body["data"])
	}
}

// Every stage's errors leave capped at 50: field errors here, validation
// errors in TestErrorCap over the real schema.
func TestFieldErrorsAreCapped(t *testing.T) {
	ts := newServer(t)
	res := post(t, ts.URL, "", "{ failing }", nil)
	if res.status != http.StatusOK || len(res.errors) != 50 {
		t.Fatalf("%d with %d errors", res.status, len(res.errors))
	}
	last := res.errors[49]
	if last.Message != "71 more errors left out; at most 50 are reported" || last.Extensions["code"] != "NOT_FOUND" {
		t.Errorf("summary: %+v", last)
	}
	if res.errors[48].Message != "failure 48" {
		t.Errorf("the first 49 errors are kept: %+v", res.errors[48])
	}
}

// Any error list raised before execution is a request error: no data key,
// 200 under application/json, and under application/graphql-response+json
// a status from the first error's code.
func TestPreExecutionErrorStatuses(t *testing.T) {
	ts := newServer(t)
	for _, tc := range []struct {
		code   string
		status int
		want   string // the code the client sees
	}{
		{"OPERATION_LIMIT_EXCEEDED", 400, "OPERATION_LIMIT_EXCEEDED"},
		{"none", 400, "BAD_USER_INPUT"},
		{"UNAUTHENTICATED", 401, "UNAUTHENTICATED"},
		{"FORBIDDEN", 403, "FORBIDDEN"},
		{"UNAVAILABLE", 503, "UNAVAILABLE"},
		{"TIMEOUT", 503, "TIMEOUT"},
		{"INTERNAL", 500, "INTERNAL"},
	} {
		for accept, status := range map[string]int{mediaJSON: 200, mediaGraphQLResponse: tc.status} {
			res := post(t, ts.URL, accept, "{ slow }", map[string]string{"X-Refuse": tc.code})
			_, hasData := res.body["data"]
			if res.status != status || hasData || len(res.errors) != 1 || res.errors[0].Extensions["code"] != tc.want {
				t.Errorf("%s, Accept %s: %d %v, want %d %s without data", tc.code, accept, res.status, res.body, status, tc.want)
			}
			if ct := res.header.Get("Content-Type"); ct != accept+"; charset=utf-8" {
				t.Errorf("%s, Accept %s: Content-Type %s", tc.code, accept, ct)
			}
			if auth := res.header.Get("WWW-Authenticate"); (auth != "") != (status == 401) {
				t.Errorf("%s, Accept %s: WWW-Authenticate %q", tc.code, accept, auth)
			}
		}
	}
}

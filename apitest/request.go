package apitest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// Error is one GraphQL error of an answer.
type Error struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Response is a GraphQL answer.
type Response struct {
	Data   json.RawMessage `json:"data"`
	Errors []Error         `json:"errors"`
}

// Do posts a GraphQL request with an optional bearer token.
func (a *API) Do(token, query string, vars map[string]any) Response {
	a.T.Helper()
	return a.Post(token, map[string]any{"query": query, "variables": vars})
}

// Post sends any request body as JSON.
func (a *API) Post(token string, request map[string]any) Response {
	a.T.Helper()
	body, _ := json.Marshal(request)
	req, _ := http.NewRequest(http.MethodPost, a.URL+"/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		a.T.Fatal(err)
	}
	defer res.Body.Close()
	var out Response
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		a.T.Fatalf("response is not JSON: %v", err)
	}
	return out
}

// OK runs a request that must succeed and decodes its data into v.
func (a *API) OK(token, query string, vars map[string]any, v any) {
	a.T.Helper()
	res := a.Do(token, query, vars)
	if len(res.Errors) > 0 {
		a.T.Fatalf("unexpected errors: %+v\nquery: %s", res.Errors, query)
	}
	if err := json.Unmarshal(res.Data, v); err != nil {
		a.T.Fatalf("decode %s: %v", res.Data, err)
	}
}

// Fails runs a request that must fail with code (and, if given, field).
func (a *API) Fails(token, query string, vars map[string]any, code, field string) Error {
	a.T.Helper()
	res := a.Do(token, query, vars)
	if len(res.Errors) == 0 {
		a.T.Fatalf("want %s error, got data %s", code, res.Data)
	}
	e := res.Errors[0]
	if e.Extensions["code"] != code || (field != "" && e.Extensions["field"] != field) {
		a.T.Fatalf("want %s on %q, got %+v", code, field, e)
	}
	if strings.Contains(e.Message, "Neo.") || strings.Contains(e.Message, "goroutine") {
		a.T.Errorf("error leaks internals: %q", e.Message)
	}
	return e
}

// JSONEqual tells whether got and want are the same JSON value, whatever
// the order of keys and the spacing.
func JSONEqual(t testing.TB, got json.RawMessage, want string) bool {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	gb, _ := json.Marshal(g)
	wb, _ := json.Marshal(w)
	return string(gb) == string(wb)
}

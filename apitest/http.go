package apitest

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// The media types of GraphQL over HTTP (docs/http.md).
const (
	AsJSON    = "application/json"
	AsGraphQL = "application/graphql-response+json"
)

// Answer is one HTTP response to /query, for tests of statuses and headers.
type Answer struct {
	Status int
	Header http.Header
	Raw    string
	Body   map[string]json.RawMessage
	Errors []Error
	Closed bool // the server ended the connection (Connection: close)
}

// HasData tells whether the answer has a data key (null included).
func (a Answer) HasData() bool {
	_, ok := a.Body["data"]
	return ok
}

// Code is the first error's code, nil without errors.
func (a Answer) Code() any {
	if len(a.Errors) == 0 {
		return nil
	}
	return a.Errors[0].Extensions["code"]
}

// Send sends req and decodes the answer, which must be JSON.
func Send(t testing.TB, req *http.Request) Answer {
	t.Helper()
	return SendWith(t, http.DefaultClient, req)
}

// SendWith is Send through client.
func SendWith(t testing.TB, client *http.Client, req *http.Request) Answer {
	t.Helper()
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := Answer{Status: res.StatusCode, Header: res.Header, Raw: string(raw), Closed: res.Close}
	if err := json.Unmarshal(raw, &out.Body); err != nil {
		t.Fatalf("%s %s: answer is not JSON: %d %q", req.Method, req.URL, res.StatusCode, raw)
	}
	_ = json.Unmarshal(out.Body["errors"], &out.Errors)
	return out
}

// Body is the JSON body of a GraphQL request.
func Body(query string, vars map[string]any) string {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return string(b)
}

// NewRequest is a POST of body (JSON) to /query with an optional bearer
// token, for a Handler served in-process (httptest.NewRecorder): benchmarks
// and fuzzing, which want nothing between them and it.
func NewRequest(body, token string) *http.Request {
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body))
	req.Header.Set("Content-Type", AsJSON)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return req
}

// Request is a request to /query; empty accept, contentType and token set no header.
func (a *API) Request(method, accept, contentType, token string, body io.Reader) *http.Request {
	req, err := http.NewRequest(method, a.URL+"/query", body)
	if err != nil {
		a.T.Fatal(err)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return req
}

// PostJSON posts body as application/json.
func (a *API) PostJSON(accept, token, body string) Answer {
	a.T.Helper()
	return Send(a.T, a.Request(http.MethodPost, accept, AsJSON, token, strings.NewReader(body)))
}

// StalledBody sends Start, then nothing for Stall, then gives up: a client
// that stops sending its body.
type StalledBody struct {
	Start []byte
	Stall time.Duration
	sent  bool
}

func (b *StalledBody) Read(p []byte) (int, error) {
	if !b.sent {
		b.sent = true
		return copy(p, b.Start), nil
	}
	time.Sleep(b.Stall)
	return 0, errors.New("the client gave up sending the body")
}

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The HTTP edge of /query (graph/gqlhttp, edge/handler.go) over the whole stack and
// the test database; docs/http.md has the status table these tests hold.

const (
	asJSON    = "application/json"
	asGraphQL = "application/graphql-response+json"
)

// answer is one HTTP response to /query.
type answer struct {
	status int
	header http.Header
	raw    string
	body   map[string]json.RawMessage
	errors []gqlError
	closed bool // the server ended the connection (Connection: close)
}

func (a answer) hasData() bool {
	_, ok := a.body["data"]
	return ok
}

func (a answer) code() any {
	if len(a.errors) == 0 {
		return nil
	}
	return a.errors[0].Extensions["code"]
}

// send sends req and decodes the answer, which must be JSON.
func send(t *testing.T, req *http.Request) answer {
	t.Helper()
	return sendWith(t, http.DefaultClient, req)
}

func sendWith(t *testing.T, client *http.Client, req *http.Request) answer {
	t.Helper()
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := answer{status: res.StatusCode, header: res.Header, raw: string(raw), closed: res.Close}
	if err := json.Unmarshal(raw, &out.body); err != nil {
		t.Fatalf("%s %s: answer is not JSON: %d %q", req.Method, req.URL, res.StatusCode, raw)
	}
	_ = json.Unmarshal(out.body["errors"], &out.errors)
	return out
}

func (a *api) request(method, accept, contentType, token string, body io.Reader) *http.Request {
	req, err := http.NewRequest(method, a.url+"/query", body)
	if err != nil {
		a.t.Fatal(err)
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

// postJSON posts body as application/json.
func (a *api) postJSON(accept, token, body string) answer {
	a.t.Helper()
	return send(a.t, a.request(http.MethodPost, accept, asJSON, token, strings.NewReader(body)))
}

func gqlBody(query string, vars map[string]any) string {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return string(b)
}

// syncBuffer collects the server log, written from the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestMalformedBodies: a body that is not one GraphQL-over-HTTP request is
// 400 BAD_USER_INPUT without data, under either media type, and is logged
// at WARN with at most a short excerpt (it was 400 INTERNAL, logged at
// ERROR with the whole body).
func TestMalformedBodies(t *testing.T) {
	log := &syncBuffer{}
	a := newAPIWith(t, nil, log)
	huge := `{"query": "` + strings.Repeat("x", 1<<20-20) // 1 MB, never closed
	for name, body := range map[string]string{
		"BadJSON":         `{"query": "{ __typename }"`,
		"HugeBadJSON":     huge,
		"Empty":           ``,
		"Batch":           `[{"query": "{ __typename }"}, {"query": "{ __typename }"}]`,
		"QueryNumber":     `{"query": 1}`,
		"NotAnObject":     `"{ __typename }"`,
		"NoQuery":         `{"qeury": "{ __typename }"}`,
		"VariablesString": `{"query": "{ __typename }", "variables": "{}"}`,
		"ExtensionsArray": `{"query": "{ __typename }", "extensions": []}`,
	} {
		for _, accept := range []string{asJSON, asGraphQL} {
			res := a.postJSON(accept, "", body)
			if res.status != http.StatusBadRequest || res.code() != "BAD_USER_INPUT" || res.hasData() {
				t.Errorf("%s, Accept %s: %d %v", name, accept, res.status, res.raw)
			}
		}
	}
	logged := log.String()
	if strings.Contains(logged, "level=ERROR") {
		t.Errorf("a client's mistake logged at ERROR:\n%.2000s", logged)
	}
	for line := range strings.Lines(logged) {
		if len(line) > 1000 {
			t.Errorf("log line of %d bytes: %.300s…", len(line), line)
		}
	}
	if !strings.Contains(logged, "level=WARN") || !strings.Contains(logged, `excerpt="{\"query\": \"xxx`) {
		t.Errorf("want WARN lines with an excerpt:\n%.2000s", logged)
	}
}

// TestBodyLimit: a body over INNOGRAPH_MAX_BODY_BYTES is 413 whether it
// declares its length or comes chunked (chunked was 200 INTERNAL); a body of
// exactly the limit is served.
func TestBodyLimit(t *testing.T) {
	a := newAPIWith(t, nil, io.Discard) // the default limit, 1 MiB
	sized := func(n int) string {
		head, tail := `{"query": "{ __typename }", "pad": "`, `"}`
		return head + strings.Repeat(" ", n-len(head)-len(tail)) + tail
	}
	for _, tc := range []struct {
		name    string
		size    int
		chunked bool
		status  int
	}{
		{"AtLimit", 1 << 20, false, http.StatusOK},
		{"AtLimitChunked", 1 << 20, true, http.StatusOK},
		{"OverLimit", 1<<20 + 1, false, http.StatusRequestEntityTooLarge},
		{"OverLimitChunked", 1<<20 + 1, true, http.StatusRequestEntityTooLarge},
		{"FarOverLimitChunked", 2 << 20, true, http.StatusRequestEntityTooLarge},
	} {
		var body io.Reader = strings.NewReader(sized(tc.size))
		if tc.chunked {
			body = io.MultiReader(body) // hides the length: sent chunked
		}
		req := a.request(http.MethodPost, "", asJSON, "", body)
		if tc.chunked != (req.ContentLength == 0) {
			t.Fatalf("%s: ContentLength %d", tc.name, req.ContentLength)
		}
		res := send(t, req)
		if res.status != tc.status {
			t.Errorf("%s: %d %v", tc.name, res.status, res.raw)
		}
		if tc.status == http.StatusRequestEntityTooLarge && (res.code() != "BAD_USER_INPUT" || res.hasData()) {
			t.Errorf("%s: %v", tc.name, res.raw)
		}
	}
}

// TestSlowBody: a body that stops arriving gets 408 TIMEOUT once
// INNOGRAPH_BODY_TIMEOUT passes, long before the 15 s request deadline (it
// was served only after the deadline; this test server, without the real
// server's ReadTimeout, waited for the rest of the body).
func TestSlowBody(t *testing.T) {
	a := newAPIWith(t, map[string]string{"INNOGRAPH_BODY_TIMEOUT": "300ms", "INNOGRAPH_REQUEST_TIMEOUT": "15s"}, io.Discard)
	for _, chunked := range []bool{false, true} {
		body := &stalledBody{start: []byte(`{"query": "{ __type`), stall: 5 * time.Second}
		req := a.request(http.MethodPost, asGraphQL, asJSON, "", body)
		if !chunked {
			req.ContentLength = 40
		}
		res := send(t, req)
		if res.status != http.StatusRequestTimeout || res.code() != "TIMEOUT" || res.hasData() {
			t.Errorf("chunked %v: %d %v", chunked, res.status, res.raw)
		}
	}
}

// stalledBody sends the start of a body, then nothing for stall, then gives up.
type stalledBody struct {
	start []byte
	stall time.Duration
	sent  bool
}

func (b *stalledBody) Read(p []byte) (int, error) {
	if !b.sent {
		b.sent = true
		return copy(p, b.start), nil
	}
	time.Sleep(b.stall)
	return 0, errors.New("the client gave up sending the body")
}

// TestMethodsAndMediaTypes: what is not GET, POST or OPTIONS is 405 with
// Allow, a body that is not application/json is 415 (both were 400
// text/plain without a code), a mutation over GET is 405 Allow: POST and
// writes nothing (it was 406), an Accept we cannot meet is 406.
func TestMethodsAndMediaTypes(t *testing.T) {
	a := newAPI(t)
	create := `mutation { createEnterprise(input: {id: "e-over-get", name: "GET Co"}) { id } }`
	getMutation := a.request(http.MethodGet, asGraphQL, "", writeToken, nil)
	getMutation.URL.RawQuery = url.Values{"query": {create}}.Encode()
	for _, tc := range []struct {
		name   string
		req    *http.Request
		status int
		allow  string
	}{
		{"PUT", a.request(http.MethodPut, "", asJSON, "", strings.NewReader(gqlBody("{ __typename }", nil))), 405, "GET, POST, OPTIONS"},
		{"DELETE", a.request(http.MethodDelete, asGraphQL, "", "", nil), 405, "GET, POST, OPTIONS"},
		{"HEAD", a.request(http.MethodHead, "", "", "", nil), 405, "GET, POST, OPTIONS"},
		{"TextPlain", a.request(http.MethodPost, "", "text/plain", "", strings.NewReader(gqlBody("{ __typename }", nil))), 415, ""},
		{"NoContentType", a.request(http.MethodPost, "", "", "", strings.NewReader(gqlBody("{ __typename }", nil))), 415, ""},
		{"GraphQLBody", a.request(http.MethodPost, "", "application/graphql", "", strings.NewReader("{ __typename }")), 415, ""},
		{"UTF16", a.request(http.MethodPost, "", "application/json; charset=utf-16", "", strings.NewReader(gqlBody("{ __typename }", nil))), 415, ""},
		{"MutationOverGET", getMutation, 405, "POST"},
		{"NotAcceptable", a.request(http.MethodPost, "text/html", asJSON, "", strings.NewReader(gqlBody("{ __typename }", nil))), 406, ""},
	} {
		if tc.req.Method == http.MethodHead {
			res, err := http.DefaultClient.Do(tc.req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != tc.status || res.Header.Get("Allow") != tc.allow {
				t.Errorf("%s: %d Allow %q", tc.name, res.StatusCode, res.Header.Get("Allow"))
			}
			continue
		}
		res := send(t, tc.req)
		if res.status != tc.status || res.header.Get("Allow") != tc.allow || res.code() != "BAD_USER_INPUT" || res.hasData() {
			t.Errorf("%s: %d Allow %q %v", tc.name, res.status, res.header.Get("Allow"), res.raw)
		}
	}
	var out struct{ Node *struct{ ID string } }
	a.ok("", `{ node(id: "e-over-get") { id } }`, nil, &out)
	if out.Node != nil {
		t.Error("the mutation sent over GET ran")
	}
	options := sendNoBody(t, a.request(http.MethodOptions, "", "", "", nil))
	if options.StatusCode != http.StatusNoContent || options.Header.Get("Allow") != "GET, POST, OPTIONS" {
		t.Errorf("OPTIONS: %d Allow %q", options.StatusCode, options.Header.Get("Allow"))
	}
}

// sendNoBody sends a request whose answer has no body to decode.
func sendNoBody(t *testing.T, req *http.Request) *http.Response {
	t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res
}

// TestStatusPerMediaType: an operation refused before it runs is a request
// error: no data key, 200 under application/json and 400 (401, 403 for
// auth) under application/graphql-response+json, whatever refused it. Parse,
// validation and coercion failures were 422 under both, complexity 200, and
// all carried "data": null. An operation that ran is 200 with data.
func TestStatusPerMediaType(t *testing.T) {
	a := newAPI(t)
	// Each alias costs about 100 × 100 rows: six are over the 50,000 limit.
	var big strings.Builder
	for i := range 6 {
		fmt.Fprintf(&big, "e%d: enterprises(first: 100) { edges { node { alliances(first: 100) { edges { node { role } } } } } } ", i)
	}
	for _, tc := range []struct {
		name     string
		token    string
		body     string
		graphQL  int // status under application/graphql-response+json
		code     string
		executed bool
	}{
		{"ParseFailure", "", gqlBody("{ node(id: ", nil), 400, "GRAPHQL_PARSE_FAILED", false},
		{"ValidationFailure", "", gqlBody("{ nope }", nil), 400, "GRAPHQL_VALIDATION_FAILED", false},
		{"UnknownOperation", "", `{"query": "query A { __typename }", "operationName": "B"}`, 400, "GRAPHQL_VALIDATION_FAILED", false},
		{"VariableCoercion", "", gqlBody("query($id: ID!) { node(id: $id) { id } }", map[string]any{"id": []int{1}}), 400, "GRAPHQL_VALIDATION_FAILED", false},
		{"MissingVariable", "", gqlBody("query($id: ID!) { node(id: $id) { id } }", nil), 400, "GRAPHQL_VALIDATION_FAILED", false},
		{"Complexity", "", gqlBody("{ "+big.String()+"}", nil), 400, "COMPLEXITY_LIMIT_EXCEEDED", false},
		{"BadToken", "not-a-token", gqlBody("{ __typename }", nil), 401, "UNAUTHENTICATED", false},
		{"ReadTokenWrites", readToken, gqlBody(`mutation { deleteNode(id: "x") { deletedId } }`, nil), 403, "FORBIDDEN", false},
		{"FieldError", "", gqlBody(`{ resultTrail(id: "r-none") { result { id } } }`, nil), 200, "NOT_FOUND", true},
	} {
		for _, accept := range []string{asJSON, asGraphQL} {
			res := a.postJSON(accept, tc.token, tc.body)
			want := http.StatusOK
			if accept == asGraphQL {
				want = tc.graphQL
			}
			if res.status != want || res.code() != tc.code || res.hasData() != tc.executed {
				t.Errorf("%s, Accept %s: %d %v; want %d %s, data %v", tc.name, accept, res.status, res.body, want, tc.code, tc.executed)
			}
			if ct := res.header.Get("Content-Type"); ct != accept+"; charset=utf-8" {
				t.Errorf("%s, Accept %s: Content-Type %q", tc.name, accept, ct)
			}
			for _, e := range res.errors {
				if !tc.executed && e.Path != nil {
					t.Errorf("%s: a request error has a path: %+v", tc.name, e)
				}
			}
		}
	}
	res := a.postJSON(asGraphQL, "", gqlBody("query($id: ID!) { node(id: $id) { id } }", map[string]any{"id": []int{1}}))
	if len(res.errors) != 1 || res.errors[0].Extensions["variable"] != "id" || !strings.HasPrefix(res.errors[0].Message, "variable $id ") {
		t.Errorf("a coercion failure names its variable: %+v", res.errors)
	}
}

// TestErrorCap: at most 50 errors leave in one response, the last saying
// how many more there were, whether validation or execution raised them.
func TestErrorCap(t *testing.T) {
	// 80 root fields and aliases: over the default operation limits, which
	// would refuse the document with one error before it could make 80.
	a := newAPIWith(t, map[string]string{"INNOGRAPH_MAX_ROOT_FIELDS": "100", "INNOGRAPH_MAX_ALIASES": "100"}, io.Discard)
	var unknown, invalid strings.Builder
	for i := range 80 {
		fmt.Fprintf(&unknown, "f%d ", i)
		fmt.Fprintf(&invalid, "e%d: enterprises(first: 0) { totalCount } ", i)
	}
	for _, tc := range []struct {
		name, query, code string
	}{
		{"Validation", "{ " + unknown.String() + "}", "GRAPHQL_VALIDATION_FAILED"},
		{"Execution", "{ " + invalid.String() + "}", "BAD_USER_INPUT"},
	} {
		res := a.postJSON("", "", gqlBody(tc.query, nil))
		if len(res.errors) != 50 {
			t.Errorf("%s: %d errors", tc.name, len(res.errors))
			continue
		}
		last := res.errors[49]
		if last.Message != "31 more errors left out; at most 50 are reported" || last.Extensions["code"] != tc.code {
			t.Errorf("%s: last error %+v", tc.name, last)
		}
	}
}

// TestAutomaticPersistedQueries: a hash the server has not seen asks for
// the document (a request error), then the hash alone runs it, over POST and
// over GET.
func TestAutomaticPersistedQueries(t *testing.T) {
	a := newAPI(t)
	const query = "{ apq: __typename }"
	ext := fmt.Sprintf(`{"persistedQuery": {"version": 1, "sha256Hash": "%x"}}`, sha256.Sum256([]byte(query)))
	for accept, status := range map[string]int{asJSON: 200, asGraphQL: 400} {
		res := a.postJSON(accept, "", `{"extensions": `+ext+`}`)
		if res.status != status || res.code() != "PERSISTED_QUERY_NOT_FOUND" || res.hasData() {
			t.Errorf("unknown hash, Accept %s: %d %v", accept, res.status, res.raw)
		}
	}
	if res := a.postJSON("", "", `{"query": "`+query+`", "extensions": `+ext+`}`); string(res.body["data"]) != `{"apq":"Query"}` {
		t.Fatalf("register: %d %v", res.status, res.raw)
	}
	post := a.postJSON(asGraphQL, "", `{"extensions": `+ext+`}`)
	get := a.request(http.MethodGet, "", "", "", nil)
	get.URL.RawQuery = url.Values{"extensions": {ext}}.Encode()
	for name, res := range map[string]answer{"POST": post, "GET": send(t, get)} {
		if res.status != http.StatusOK || string(res.body["data"]) != `{"apq":"Query"}` {
			t.Errorf("%s by hash: %d %v", name, res.status, res.raw)
		}
	}
}

// TestCORS: a preflight from an allowed origin may send the headers Apollo
// Client, urql and Relay's network layers send, plus those configured.
func TestCORS(t *testing.T) {
	a := newAPIWith(t, map[string]string{"INNOGRAPH_CORS_HEADERS": "X-Trace-Id, Idempotency-Key"}, io.Discard)
	apollo := "accept,authorization,content-type,apollographql-client-name,apollographql-client-version,apollo-require-preflight,x-apollo-operation-name"
	for _, tc := range []struct {
		name, origin, headers string
		allowed               bool
	}{
		{"Basic", "http://localhost:5173", "authorization,content-type", true},
		{"ApolloClient", "http://localhost:5173", apollo, true},
		{"Hive", "http://127.0.0.1:3000", "graphql-client-name,graphql-client-version", true},
		{"Configured", "http://localhost:5173", "content-type,x-trace-id,idempotency-key", true},
		{"UnknownHeader", "http://localhost:5173", "content-type,x-unknown", false},
		{"OtherOrigin", "https://evil.example", "content-type", false},
	} {
		req, _ := http.NewRequest(http.MethodOptions, a.url+"/query", nil)
		req.Header.Set("Origin", tc.origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		// Browsers send the names lower-cased and sorted (Fetch standard).
		names := strings.Split(tc.headers, ",")
		slices.Sort(names)
		req.Header.Set("Access-Control-Request-Headers", strings.Join(names, ","))
		res := sendNoBody(t, req)
		allowOrigin := res.Header.Get("Access-Control-Allow-Origin") == tc.origin
		allowHeaders := res.Header.Get("Access-Control-Allow-Headers") == strings.Join(names, ",")
		if allowOrigin != tc.allowed || allowHeaders != tc.allowed {
			t.Errorf("%s: origin %v, headers %q; want allowed %v", tc.name, allowOrigin, res.Header.Get("Access-Control-Allow-Headers"), tc.allowed)
		}
	}
}

// TestHTTPAudit runs the graphql-http audit suite (test/http-audit, pinned
// in its lockfile) against the whole stack on a free 127.0.0.1 port: every
// MUST and SHOULD must pass, and the MAYs that fail must be those listed in
// known-may-failures.json and docs/http.md.
func TestHTTPAudit(t *testing.T) {
	dir := nodeProject(t, "http-audit", "graphql-http")
	known, err := os.ReadFile(filepath.Join(dir, "known-may-failures.json"))
	if err != nil {
		t.Fatal(err)
	}
	var mays map[string]string
	if err := json.Unmarshal(known, &mays); err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(filepath.Join("docs", "http.md"))
	if err != nil {
		t.Fatal(err)
	}
	for id := range mays {
		if !strings.Contains(string(doc), id) {
			t.Errorf("MAY audit %s fails but docs/http.md does not say why", id)
		}
	}
	a := newAPI(t)
	out, err := exec.CommandContext(t.Context(), "node", filepath.Join(dir, "audit.mjs"), a.url+"/query").CombinedOutput()
	if err != nil {
		t.Errorf("graphql-http audit: %v\n%s", err, out)
	}
}

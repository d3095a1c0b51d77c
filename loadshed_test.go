package main

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// checkRefused checks a 429 with Retry-After of at least min seconds and the
// code UNAVAILABLE, as the whole stack answers it (edge/ratelimit_test.go
// checks the shedder's own answer).
func checkRefused(t *testing.T, status int, header http.Header, body []byte, min int) {
	t.Helper()
	var out gqlResponse
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatalf("429 body is not JSON: %q", body)
	}
	secs, err := strconv.Atoi(header.Get("Retry-After"))
	if status != http.StatusTooManyRequests || err != nil || secs < min ||
		len(out.Errors) != 1 || out.Errors[0].Extensions["code"] != "UNAVAILABLE" {
		t.Errorf("want 429, Retry-After ≥ %d and UNAVAILABLE; got %d, %q, %s", min, status, header.Get("Retry-After"), body)
	}
}

// TestLoadShedding runs the whole HTTP stack: a token's client over its
// rate gets 429 while a client without a token is still served, an unknown
// token counts as its address, and a client that comes back before its
// Retry-After is held and then disconnected. Refusals are logged in
// summary, not a request-log line each.
func TestLoadShedding(t *testing.T) {
	log := &syncBuffer{}
	a := newAPIWith(t, map[string]string{
		"INNOGRAPH_CLIENT_RATE": "0.1", "INNOGRAPH_CLIENT_BURST": "2", "INNOGRAPH_CLIENT_CONCURRENCY": "4",
		"INNOGRAPH_CLIENT_HOLD": "100ms",
	}, log)
	post := func(token string) (int, http.Header, []byte, bool) {
		req, _ := http.NewRequest(http.MethodPost, a.url+"/query", strings.NewReader(`{"query":"{ enterprises(first: 1) { totalCount } }"}`))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var body json.RawMessage
		_ = json.NewDecoder(res.Body).Decode(&body)
		return res.StatusCode, res.Header, body, res.Close
	}
	for i := range 2 {
		if status, _, body, _ := post(readToken); status != http.StatusOK {
			t.Fatalf("request %d within the burst: %d %s", i+1, status, body)
		}
	}
	status, header, body, closed := post(readToken)
	checkRefused(t, status, header, body, 2)
	if closed {
		t.Error("a first refusal closes the connection")
	}
	status, header, body, closed = post(readToken)
	checkRefused(t, status, header, body, 2)
	if !closed {
		t.Error("a refusal to a client that ignored Retry-After keeps the connection open")
	}
	for i := range 2 {
		if status, _, body, _ := post(""); status != http.StatusOK {
			t.Fatalf("a client without a token is refused while the token's client floods (request %d): %d %s", i+1, status, body)
		}
	}
	status, header, body, _ = post("not-a-token-of-ours")
	checkRefused(t, status, header, body, 2)
	logged := log.String()
	if strings.Contains(logged, "status=429") || !strings.Contains(logged, "refusing requests over the per-client limits") {
		t.Errorf("want refusals summarised, not logged one by one:\n%s", logged)
	}
}

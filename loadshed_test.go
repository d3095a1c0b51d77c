package main

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// checkRefused checks a 429 with Retry-After of at least min seconds and the
// code UNAVAILABLE, as the whole stack answers it (edge/ratelimit_test.go
// checks the shedder's own answer).
func checkRefused(t *testing.T, got answer, min int) {
	t.Helper()
	if secs, err := strconv.Atoi(got.header.Get("Retry-After")); got.status != http.StatusTooManyRequests ||
		err != nil || secs < min || len(got.errors) != 1 || got.code() != "UNAVAILABLE" {
		t.Errorf("want 429, Retry-After ≥ %d and UNAVAILABLE; got %d, %q, %s", min, got.status, got.header.Get("Retry-After"), got.raw)
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
	post := func(token string) answer {
		return a.postJSON("", token, `{"query":"{ enterprises(first: 1) { totalCount } }"}`)
	}
	for i := range 2 {
		if got := post(readToken); got.status != http.StatusOK {
			t.Fatalf("request %d within the burst: %d %s", i+1, got.status, got.raw)
		}
	}
	got := post(readToken)
	checkRefused(t, got, 2)
	if got.closed {
		t.Error("a first refusal closes the connection")
	}
	got = post(readToken)
	checkRefused(t, got, 2)
	if !got.closed {
		t.Error("a refusal to a client that ignored Retry-After keeps the connection open")
	}
	for i := range 2 {
		if got := post(""); got.status != http.StatusOK {
			t.Fatalf("a client without a token is refused while the token's client floods (request %d): %d %s", i+1, got.status, got.raw)
		}
	}
	checkRefused(t, post("not-a-token-of-ours"), 2)
	logged := log.String()
	if strings.Contains(logged, "status=429") || !strings.Contains(logged, "refusing requests over the per-client limits") {
		t.Errorf("want refusals summarised, not logged one by one:\n%s", logged)
	}
}

package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeClock lets a test move the shedder's time.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newTestShedder(limits shedLimits) (*shedder, *fakeClock) {
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	s := newShedder(limits, 15*time.Second)
	s.now = clock.now
	return s, clock
}

// sendFrom runs one request from the remote address through h.
func sendFrom(h http.Handler, remote string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(`{"query":"{ __typename }"}`))
	req.RemoteAddr = remote
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// checkRefused checks a 429 with Retry-After of at least min seconds and a
// GraphQL-shaped body with a code.
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

var okHandler = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })

func TestShedderRate(t *testing.T) {
	s, clock := newTestShedder(shedLimits{Rate: 0.5, Burst: 2})
	h := s.Handler(okHandler)
	const a, b = "192.0.2.1:1000", "192.0.2.2:1000"
	for i := range 2 {
		if rec := sendFrom(h, a); rec.Code != http.StatusOK {
			t.Fatalf("request %d within the burst: %d", i+1, rec.Code)
		}
	}
	rec := sendFrom(h, a)
	checkRefused(t, rec.Code, rec.Header(), rec.Body.Bytes(), 2) // one token every 2 s
	if rec := sendFrom(h, b); rec.Code != http.StatusOK {
		t.Errorf("another client is refused while the first is over its limit: %d", rec.Code)
	}
	if rec := sendFrom(h, "192.0.2.1:2000"); rec.Code != http.StatusTooManyRequests {
		t.Errorf("a new connection from the same address is the same client: %d", rec.Code)
	}
	clock.advance(2 * time.Second)
	if rec := sendFrom(h, a); rec.Code != http.StatusOK {
		t.Errorf("after Retry-After the client is served again: %d", rec.Code)
	}
}

func TestShedderConcurrency(t *testing.T) {
	s, _ := newTestShedder(shedLimits{Concurrency: 2})
	entered, release := make(chan struct{}), make(chan struct{})
	h := s.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.RemoteAddr == "192.0.2.1:1" {
			entered <- struct{}{}
			<-release
		}
		w.WriteHeader(http.StatusOK)
	}))
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() { defer wg.Done(); sendFrom(h, "192.0.2.1:1") }()
		<-entered
	}
	rec := sendFrom(h, "192.0.2.1:2")
	checkRefused(t, rec.Code, rec.Header(), rec.Body.Bytes(), 1)
	if rec := sendFrom(h, "192.0.2.2:1"); rec.Code != http.StatusOK {
		t.Errorf("another client is refused while the first has its requests in flight: %d", rec.Code)
	}
	close(release)
	wg.Wait()
	if rec := sendFrom(h, "192.0.2.1:2"); rec.Code != http.StatusOK {
		t.Errorf("after its requests finished the client is served again: %d", rec.Code)
	}
}

func TestShedderForgetsIdleClients(t *testing.T) {
	s, clock := newTestShedder(shedLimits{Rate: 1, Burst: 60, Concurrency: 1})
	if s.idle != time.Minute {
		t.Fatalf("idle = %s, want the time a bucket of 60 takes to refill at 1/s", s.idle)
	}
	h := s.Handler(okHandler)
	for _, remote := range []string{"192.0.2.1:1", "192.0.2.2:1", "192.0.2.3:1"} {
		sendFrom(h, remote)
	}
	clock.advance(30 * time.Second)
	sendFrom(h, "192.0.2.4:1")
	if n := s.clients.Len(); n != 4 {
		t.Errorf("forgot clients before they were idle: %d left", n)
	}
	clock.advance(31 * time.Second)
	sendFrom(h, "192.0.2.5:1")
	if keys := s.clients.Keys(); len(keys) != 2 || keys[0] != "addr:192.0.2.4" {
		t.Errorf("want the idle clients forgotten, got %v", keys)
	}
}

func TestShedderTableIsBounded(t *testing.T) {
	s, _ := newTestShedder(shedLimits{Rate: 1, Burst: 1})
	h := s.Handler(okHandler)
	for i := range maxClients + 100 {
		sendFrom(h, "10."+strconv.Itoa(i>>16&255)+"."+strconv.Itoa(i>>8&255)+"."+strconv.Itoa(i&255)+":1")
	}
	if n := s.clients.Len(); n != maxClients {
		t.Errorf("table holds %d clients, want the bound %d", n, maxClients)
	}
}

func TestShedderOff(t *testing.T) {
	s, _ := newTestShedder(shedLimits{Burst: 1})
	h := s.Handler(okHandler)
	for range 100 {
		if rec := sendFrom(h, "192.0.2.1:1"); rec.Code != http.StatusOK {
			t.Fatalf("rate and concurrency 0 turn shedding off: %d", rec.Code)
		}
	}
}

func TestAddressKey(t *testing.T) {
	for remote, want := range map[string]string{
		"192.0.2.1:80":              "addr:192.0.2.1",
		"[::ffff:192.0.2.1]:80":     "addr:192.0.2.1",
		"[2001:db8:1:2:3:4:5:6]:80": "net:2001:db8:1:2::/64",
		"[2001:db8:1:2::9]:443":     "net:2001:db8:1:2::/64",
		"@":                         "addr:@",
	} {
		if got := addressKey(remote); got != want {
			t.Errorf("addressKey(%q) = %q, want %q", remote, got, want)
		}
	}
}

// TestLoadShedding runs the whole HTTP stack: a token's client over its
// rate gets 429 while a client without a token is still served, and an
// unknown token counts as its address.
func TestLoadShedding(t *testing.T) {
	a := newAPIWith(t, map[string]string{
		"INNOGRAPH_CLIENT_RATE": "0.1", "INNOGRAPH_CLIENT_BURST": "2", "INNOGRAPH_CLIENT_CONCURRENCY": "4",
	}, io.Discard)
	post := func(token string) (int, http.Header, []byte) {
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
		return res.StatusCode, res.Header, body
	}
	for i := range 2 {
		if status, _, body := post(readToken); status != http.StatusOK {
			t.Fatalf("request %d within the burst: %d %s", i+1, status, body)
		}
	}
	status, header, body := post(readToken)
	checkRefused(t, status, header, body, 2)
	for i := range 2 {
		if status, _, body := post(""); status != http.StatusOK {
			t.Fatalf("a client without a token is refused while the token's client floods (request %d): %d %s", i+1, status, body)
		}
	}
	status, header, body = post("not-a-token-of-ours")
	checkRefused(t, status, header, body, 2)
}

package edge

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
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

func newTestShedder(limits ShedLimits) (*shedder, *fakeClock) {
	clock := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	s := newShedder(limits, 15*time.Second, slog.New(slog.DiscardHandler))
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
	var out struct {
		Errors []struct {
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
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
	s, clock := newTestShedder(ShedLimits{Rate: 0.5, Burst: 2})
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
	s, clock := newTestShedder(ShedLimits{Concurrency: 2})
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
	if rec := sendFrom(h, "192.0.2.1:2"); rec.Code != http.StatusTooManyRequests {
		t.Errorf("before its Retry-After the client is refused even with nothing in flight: %d", rec.Code)
	}
	clock.advance(time.Second)
	if rec := sendFrom(h, "192.0.2.1:2"); rec.Code != http.StatusOK {
		t.Errorf("after its requests finished and its Retry-After passed the client is served again: %d", rec.Code)
	}
}

// holdRecorder stands in for the shedder's sleep: it records each hold and,
// when gate is set, blocks until the gate closes.
type holdRecorder struct {
	mu    sync.Mutex
	holds []time.Duration
	gate  chan struct{}
}

func (h *holdRecorder) sleep(_ context.Context, d time.Duration) {
	h.mu.Lock()
	h.holds = append(h.holds, d)
	h.mu.Unlock()
	if h.gate != nil {
		<-h.gate
	}
}

func (h *holdRecorder) recorded() []time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.holds)
}

func TestShedderHoldsClientsThatIgnoreRetryAfter(t *testing.T) {
	for _, tc := range []struct {
		name   string
		limits ShedLimits
		early  time.Duration // how soon after its refusal the client comes back
		hold   time.Duration // want: how long its next refusal is held
		after  int           // want: its Retry-After on the held refusal, seconds
	}{
		{"rate", ShedLimits{Rate: 1, Burst: 1, Hold: time.Second}, 300 * time.Millisecond, 700 * time.Millisecond, 1},
		{"hold caps a long Retry-After", ShedLimits{Rate: 0.1, Burst: 1, Hold: time.Second}, time.Second, time.Second, 9},
		{"hold off", ShedLimits{Rate: 1, Burst: 1}, 300 * time.Millisecond, 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, clock := newTestShedder(tc.limits)
			rec := &holdRecorder{}
			s.sleep = rec.sleep
			h := s.Handler(okHandler)
			const a = "192.0.2.1:1"
			if res := sendFrom(h, a); res.Code != http.StatusOK {
				t.Fatalf("first request: %d", res.Code)
			}
			res := sendFrom(h, a)
			checkRefused(t, res.Code, res.Header(), res.Body.Bytes(), 1)
			if len(rec.recorded()) != 0 || res.Header().Get("Connection") == "close" {
				t.Errorf("a first refusal is answered at once and keeps the connection: holds %v, Connection %q",
					rec.recorded(), res.Header().Get("Connection"))
			}
			clock.advance(tc.early)
			res = sendFrom(h, a)
			checkRefused(t, res.Code, res.Header(), res.Body.Bytes(), tc.after)
			if got := res.Header().Get("Connection"); got != "close" {
				t.Errorf("a client ignoring Retry-After keeps its connection: Connection %q", got)
			}
			wantHolds := []time.Duration{}
			if tc.hold > 0 {
				wantHolds = []time.Duration{tc.hold}
			}
			if got := rec.recorded(); !slices.Equal(got, wantHolds) {
				t.Errorf("held %v, want %v", got, wantHolds)
			}
			if res := sendFrom(h, "192.0.2.2:1"); res.Code != http.StatusOK {
				t.Errorf("another client is held up by the first: %d", res.Code)
			}
		})
	}
}

// TestShedderHoldIsBounded: past maxHeld refusals held at once, the next is
// answered at once (and closes), so holding cannot itself exhaust the server.
func TestShedderHoldIsBounded(t *testing.T) {
	s, _ := newTestShedder(ShedLimits{Concurrency: 1, Hold: time.Second})
	s.maxHeld = 2
	rec := &holdRecorder{gate: make(chan struct{})}
	s.sleep = rec.sleep
	entered, release := make(chan struct{}), make(chan struct{})
	h := s.Handler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		entered <- struct{}{}
		<-release
	}))
	const a = "192.0.2.1:1"
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); sendFrom(h, a) }()
	<-entered
	sendFrom(h, a) // the first refusal sets its Retry-After
	for range 2 {
		wg.Add(1)
		go func() { defer wg.Done(); sendFrom(h, a) }()
	}
	for len(rec.recorded()) < 2 {
		time.Sleep(time.Millisecond)
	}
	res := sendFrom(h, a)
	checkRefused(t, res.Code, res.Header(), res.Body.Bytes(), 1)
	if n := len(rec.recorded()); n != 2 || res.Header().Get("Connection") != "close" || s.held.Load() != 2 {
		t.Errorf("with the hold full a refusal must be answered at once and close: %d holds, %d held, Connection %q",
			n, s.held.Load(), res.Header().Get("Connection"))
	}
	close(rec.gate)
	close(release)
	wg.Wait()
	if n := s.held.Load(); n != 0 {
		t.Errorf("%d refusals still counted as held after all were answered", n)
	}
}

func TestShedderForgetsIdleClients(t *testing.T) {
	s, clock := newTestShedder(ShedLimits{Rate: 1, Burst: 60, Concurrency: 1})
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
	s, _ := newTestShedder(ShedLimits{Rate: 1, Burst: 1})
	h := s.Handler(okHandler)
	for i := range maxClients + 100 {
		sendFrom(h, "10."+strconv.Itoa(i>>16&255)+"."+strconv.Itoa(i>>8&255)+"."+strconv.Itoa(i&255)+":1")
	}
	if n := s.clients.Len(); n != maxClients {
		t.Errorf("table holds %d clients, want the bound %d", n, maxClients)
	}
}

func TestShedderOff(t *testing.T) {
	s, _ := newTestShedder(ShedLimits{Burst: 1})
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

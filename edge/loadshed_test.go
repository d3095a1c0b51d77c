package edge_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/edge"
)

// checkRefused checks a 429 with Retry-After of at least min seconds and the
// code UNAVAILABLE, as the whole stack answers it (edge/ratelimit_test.go
// checks the shedder's own answer).
func checkRefused(t *testing.T, got apitest.Answer, min int) {
	t.Helper()
	if secs, err := strconv.Atoi(got.Header.Get("Retry-After")); got.Status != http.StatusTooManyRequests ||
		err != nil || secs < min || len(got.Errors) != 1 || got.Code() != "UNAVAILABLE" {
		t.Errorf("want 429, Retry-After ≥ %d and UNAVAILABLE; got %d, %q, %s", min, got.Status, got.Header.Get("Retry-After"), got.Raw)
	}
}

// TestLoadShedding runs the whole HTTP stack: a token's client over its
// rate gets 429 while a client without a token is still served, an unknown
// token counts as its address, and a client that comes back before its
// Retry-After is held and then disconnected. Refusals are logged in
// summary, not a request-log line each.
func TestLoadShedding(t *testing.T) {
	log := &syncBuffer{}
	a := apitest.New(t, apitest.Log(log), func(o *edge.Options) {
		o.Shed = edge.ShedLimits{Rate: 0.1, Burst: 2, Concurrency: 4, Hold: 100 * time.Millisecond}
	})
	post := func(token string) apitest.Answer {
		return a.PostJSON("", token, `{"query":"{ enterprises(first: 1) { totalCount } }"}`)
	}
	for i := range 2 {
		if got := post(apitest.ReadToken); got.Status != http.StatusOK {
			t.Fatalf("request %d within the burst: %d %s", i+1, got.Status, got.Raw)
		}
	}
	got := post(apitest.ReadToken)
	checkRefused(t, got, 2)
	if got.Closed {
		t.Error("a first refusal closes the connection")
	}
	got = post(apitest.ReadToken)
	checkRefused(t, got, 2)
	if !got.Closed {
		t.Error("a refusal to a client that ignored Retry-After keeps the connection open")
	}
	for i := range 2 {
		if got := post(""); got.Status != http.StatusOK {
			t.Fatalf("a client without a token is refused while the token's client floods (request %d): %d %s", i+1, got.Status, got.Raw)
		}
	}
	checkRefused(t, post("not-a-token-of-ours"), 2)
	logged := log.String()
	if strings.Contains(logged, "status=429") || !strings.Contains(logged, "refusing requests over the per-client limits") {
		t.Errorf("want refusals summarised, not logged one by one:\n%s", logged)
	}
}

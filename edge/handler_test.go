package edge

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/innograph/innograph/graph"
)

// newTestServer serves the edge with no store behind /query and a readiness
// probe that answers notReady while it is set.
func newTestServer(t *testing.T, notReady *atomic.Bool) *httptest.Server {
	t.Helper()
	logger := slog.New(slog.DiscardHandler)
	h := NewHandler(Options{
		GraphQL: graph.Options{Auth: graph.NewAuth(nil, nil, true), Logger: logger},
		Ready: func(context.Context) error {
			if notReady.Load() {
				return errors.New("no read")
			}
			return nil
		},
		RequestTimeout: 15 * time.Second,
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func statusOf(t *testing.T, url string) int {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

func TestHealthAndReadiness(t *testing.T) {
	var notReady atomic.Bool
	srv := newTestServer(t, &notReady)
	for _, tc := range []struct {
		notReady       bool
		healthz, ready int
	}{
		{false, http.StatusOK, http.StatusOK},
		{true, http.StatusOK, http.StatusServiceUnavailable}, // alive, but cannot serve reads
	} {
		notReady.Store(tc.notReady)
		if got := statusOf(t, srv.URL+"/healthz"); got != tc.healthz {
			t.Errorf("not ready %v: /healthz %d, want %d", tc.notReady, got, tc.healthz)
		}
		if got := statusOf(t, srv.URL+"/readyz"); got != tc.ready {
			t.Errorf("not ready %v: /readyz %d, want %d", tc.notReady, got, tc.ready)
		}
	}
}

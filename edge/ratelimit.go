package edge

import (
	"context"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"golang.org/x/time/rate"

	"github.com/innograph/innograph/graph"
	"github.com/innograph/innograph/graph/model"
)

// maxClients bounds the table of clients: about 200 bytes each, so at most a
// few megabytes however many addresses a flood comes from.
const maxClients = 10000

// maxHeld bounds the refusals held back at once, over all clients: each
// keeps a connection, its buffers and a goroutine (1,000 held raised the
// server's RSS by 58 MB, the connections themselves included), so holding
// costs at most ~60 MB however many requests ignore Retry-After. Past it a
// refusal is answered at once.
const maxHeld = 1024

// ShedLimits are the per-client limits; a zero turns its limit off.
type ShedLimits struct {
	Rate        float64 // requests per second, refilling a bucket of Burst
	Burst       int
	Concurrency int // requests in flight at once
	// Hold is the longest a refusal is held back from a client that sent
	// the request before the Retry-After it was last given; 0 answers at once.
	Hold time.Duration
}

// shedder refuses a client's request with 429 and Retry-After when the
// client is over its request rate or has too many requests in flight, so one
// client hammering expensive queries cannot take the server and Neo4j from
// the others. A client is its bearer token when the token is one of ours,
// else its address (an IPv6 address by its /64, which one host usually owns
// whole); an unknown token does not buy a fresh bucket.
//
// A refusal is cheap (no body read, nothing parsed, no log line of its
// own), but a client that resends at once, ignoring Retry-After, would
// still make refusals the load: tens of thousands a second on one core.
// Such a request is refused without looking at the limits, and its answer
// is held back until the time the client was told (at most Hold; at most
// maxHeld at once), then sent with Connection: close, so each of its
// connections costs it a reconnect and gets about one answer a second.
type shedder struct {
	limits ShedLimits
	// idle is how long a client may be silent before it is forgotten: by
	// then its bucket is full again, none of its requests can still be
	// running and its Retry-After has passed, so forgetting it loses nothing.
	idle    time.Duration
	maxHeld int64
	now     func() time.Time
	// sleep holds a refusal back for d, or until ctx ends.
	sleep func(ctx context.Context, d time.Duration)

	held   atomic.Int64 // refusals being held back now
	logger *slog.Logger
	// refusals are counted and logged in one line now and then, never a
	// line each: a flood would make logging them the load.
	refused, ignored atomic.Int64 // since the last such line
	logEvery         rate.Sometimes

	mu      sync.Mutex
	clients *simplelru.LRU[string, *client] // least recently seen first out
}

type client struct {
	bucket   *rate.Limiter
	inFlight int
	seen     time.Time
	// retryAt is when its last refusal let it retry; a request before then
	// ignored Retry-After.
	retryAt time.Time
}

func newShedder(limits ShedLimits, requestTimeout time.Duration, logger *slog.Logger) *shedder {
	idle := max(requestTimeout, time.Second) // a Retry-After for the in-flight cap is 1 s
	if limits.Rate > 0 {
		// A refill of the whole bucket, rounded up as Retry-After is.
		idle = max(idle, wholeSeconds(time.Duration(float64(limits.Burst)/limits.Rate*float64(time.Second))))
	}
	clients, _ := simplelru.NewLRU[string, *client](maxClients, nil) // only fails for a size ≤ 0
	return &shedder{
		limits: limits, idle: idle, maxHeld: maxHeld, now: time.Now, sleep: sleepCtx,
		logger: logger, logEvery: rate.Sometimes{Interval: 10 * time.Second}, clients: clients,
	}
}

func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// Enabled says whether any limit is on.
func (l ShedLimits) Enabled() bool { return l.Rate > 0 || l.Concurrency > 0 }

// Handler applies the limits to next. It must run inside the auth
// middleware, which names the client of a known token.
func (s *shedder) Handler(next http.Handler) http.Handler {
	if !s.limits.Enabled() {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := graph.ClientID(r.Context())
		if key == "" {
			key = addressKey(r.RemoteAddr)
		}
		v := s.admit(key)
		if v.admitted != nil {
			defer s.release(v.admitted)
			next.ServeHTTP(w, r)
			return
		}
		s.refused.Add(1)
		if v.ignored {
			s.ignored.Add(1)
			if v.hold > 0 {
				if s.held.Add(1) <= s.maxHeld {
					s.sleep(r.Context(), v.hold)
				}
				s.held.Add(-1)
			}
		}
		s.logEvery.Do(func() {
			s.logger.Warn("refusing requests over the per-client limits (429)", "refused", s.refused.Swap(0),
				"ignoring_retry_after", s.ignored.Swap(0), "held_now", s.held.Load(), "client", key)
		})
		refuse(w, v.retryAfter, v.ignored)
	})
}

// verdict is admit's answer: a client let in, or a refusal.
type verdict struct {
	admitted   *client
	retryAfter time.Duration
	ignored    bool          // the client came back before its Retry-After
	hold       time.Duration // how long to hold the refusal back
}

// admit counts a request of the client in, or says why not and for how long.
func (s *shedder) admit(key string) verdict {
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forgetIdle(now)
	c, ok := s.clients.Get(key)
	if !ok {
		c = &client{}
		if s.limits.Rate > 0 {
			c.bucket = rate.NewLimiter(rate.Limit(s.limits.Rate), s.limits.Burst)
		}
		s.clients.Add(key, c) // when full, forgets the client seen longest ago
	}
	c.seen = now
	if early := c.retryAt.Sub(now); early > 0 {
		return verdict{retryAfter: early, ignored: true, hold: min(early, s.limits.Hold)}
	}
	wait := time.Duration(0)
	if s.limits.Concurrency > 0 && c.inFlight >= s.limits.Concurrency {
		wait = time.Second // a running request rarely takes longer
	} else if c.bucket != nil {
		res := c.bucket.ReserveN(now, 1)
		if wait = res.DelayFrom(now); wait > 0 {
			res.CancelAt(now) // a refused request spends no token
		}
	}
	if wait > 0 {
		wait = wholeSeconds(wait)
		c.retryAt = now.Add(wait)
		return verdict{retryAfter: wait}
	}
	c.inFlight++
	return verdict{admitted: c}
}

// wholeSeconds rounds a wait up to what Retry-After can say (RFC 9110
// §10.2.3: whole seconds), at least one.
func wholeSeconds(d time.Duration) time.Duration {
	return max(time.Second, time.Duration(math.Ceil(d.Seconds()))*time.Second)
}

func (s *shedder) release(c *client) {
	s.mu.Lock()
	c.inFlight--
	s.mu.Unlock()
}

// forgetIdle drops clients unseen for the idle time, oldest first; the LRU
// keeps them in the order they were last seen, so this stops at the first
// one still active.
func (s *shedder) forgetIdle(now time.Time) {
	for {
		_, c, ok := s.clients.GetOldest()
		if !ok || now.Sub(c.seen) < s.idle {
			return
		}
		s.clients.RemoveOldest()
	}
}

// addressKey is the client part of a remote address: the IP, or the /64 of
// an IPv6 address.
func addressKey(remote string) string {
	ap, err := netip.ParseAddrPort(remote)
	if err != nil {
		return "addr:" + remote
	}
	ip := ap.Addr().Unmap()
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return "net:" + p.String()
	}
	return "addr:" + ip.String()
}

// refuse answers 429 with Retry-After in whole seconds and a GraphQL-shaped
// error whose code is UNAVAILABLE, the vocabulary's "retry later"; the
// status and header say it is this client's limit. The body is written by
// hand: it holds nothing from the request, and a refusal should cost little.
// closeConn ends the connection after the answer.
func refuse(w http.ResponseWriter, wait time.Duration, closeConn bool) {
	secs := strconv.Itoa(int(wholeSeconds(wait) / time.Second))
	h := w.Header()
	h.Set("Retry-After", secs)
	h.Set("Content-Type", "application/json")
	if closeConn {
		h.Set("Connection", "close")
	}
	w.WriteHeader(http.StatusTooManyRequests)
	_, _ = io.WriteString(w, `{"errors":[{"message":"too many requests from this client; retry after `+secs+
		` s","extensions":{"code":"`+string(model.CodeUnavailable)+`"}}]}`+"\n")
}

package main

import (
	"fmt"
	"math"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"golang.org/x/time/rate"

	"github.com/innograph/innograph/graph"
	"github.com/innograph/innograph/graph/model"
)

// maxClients bounds the table of clients: about 200 bytes each, so at most a
// few megabytes however many addresses a flood comes from.
const maxClients = 10000

// shedLimits are the per-client limits; a zero turns its limit off.
type shedLimits struct {
	Rate        float64 // requests per second, refilling a bucket of Burst
	Burst       int
	Concurrency int // requests in flight at once
}

// shedder refuses a client's request with 429 and Retry-After when the
// client is over its request rate or has too many requests in flight, so one
// client hammering expensive queries cannot take the server and Neo4j from
// the others. A client is its bearer token when the token is one of ours,
// else its address (an IPv6 address by its /64, which one host usually owns
// whole); an unknown token does not buy a fresh bucket.
type shedder struct {
	limits shedLimits
	// idle is how long a client may be silent before it is forgotten: by
	// then its bucket is full again and none of its requests can still be
	// running, so forgetting it loses nothing.
	idle time.Duration
	now  func() time.Time

	mu      sync.Mutex
	clients *simplelru.LRU[string, *client] // least recently seen first out
}

type client struct {
	bucket   *rate.Limiter
	inFlight int
	seen     time.Time
}

func newShedder(limits shedLimits, requestTimeout time.Duration) *shedder {
	idle := requestTimeout
	if limits.Rate > 0 {
		idle = max(idle, time.Duration(float64(limits.Burst)/limits.Rate*float64(time.Second)))
	}
	clients, _ := simplelru.NewLRU[string, *client](maxClients, nil) // only fails for a size ≤ 0
	return &shedder{limits: limits, idle: idle, now: time.Now, clients: clients}
}

// enabled says whether any limit is on.
func (s *shedder) enabled() bool { return s.limits.Rate > 0 || s.limits.Concurrency > 0 }

// Handler applies the limits to next. It must run inside the auth
// middleware, which names the client of a known token.
func (s *shedder) Handler(next http.Handler) http.Handler {
	if !s.enabled() {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := graph.ClientID(r.Context())
		if key == "" {
			key = addressKey(r.RemoteAddr)
		}
		c, wait := s.admit(key)
		if c == nil {
			refuse(w, wait)
			return
		}
		defer s.release(c)
		next.ServeHTTP(w, r)
	})
}

// admit counts a request of the client in, or says how long to wait.
func (s *shedder) admit(key string) (*client, time.Duration) {
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
	if s.limits.Concurrency > 0 && c.inFlight >= s.limits.Concurrency {
		return nil, time.Second // a running request rarely takes longer
	}
	if c.bucket != nil {
		res := c.bucket.ReserveN(now, 1)
		if d := res.DelayFrom(now); d > 0 {
			res.CancelAt(now) // a refused request spends no token
			return nil, d
		}
	}
	c.inFlight++
	return c, 0
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

// refuse answers 429 with Retry-After in whole seconds (RFC 9110 §10.2.3)
// and a GraphQL-shaped error. The code is UNAVAILABLE, the vocabulary's
// "retry later"; the status and header say it is this client's limit.
func refuse(w http.ResponseWriter, wait time.Duration) {
	secs := max(1, int(math.Ceil(wait.Seconds())))
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	writeJSON(w, http.StatusTooManyRequests, map[string]any{"errors": []map[string]any{{
		"message":    fmt.Sprintf("too many requests from this client; retry after %d s", secs),
		"extensions": map[string]any{"code": model.CodeUnavailable},
	}}})
}

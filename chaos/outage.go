package main

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"
)

// timeline marks the moments of the outage.
type timeline struct {
	Start, Kill, End time.Time
	Ready            time.Time // Neo4j first answered RETURN 1 over Bolt
	ScriptReady      time.Time // the start script reported it ready
}

// probe is one look at /readyz followed at once by a small read.
type probe struct {
	Readyz int     // HTTP status of /readyz, 0 when it did not answer
	Read   outcome // the read right after
	Class  class
}

// prober looks at readiness and at a real read every interval until ctx ends.
func prober(ctx context.Context, c *client, id string, interval time.Duration) []probe {
	var out []probe
	t := time.NewTicker(interval)
	defer t.Stop()
	for ctx.Err() == nil {
		status := c.get(context.WithoutCancel(ctx), "/readyz", 3*time.Second)
		o := c.gql(context.WithoutCancel(ctx), `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
		out = append(out, probe{Readyz: status, Read: o, Class: classify(o)})
		select {
		case <-ctx.Done():
		case <-t.C:
		}
	}
	return out
}

// outageRun runs the load with a prober, kills Neo4j killAfter into it,
// restarts it downFor later, and keeps loading until both minDuration has
// passed and afterReady since Neo4j came back.
func outageRun(ctx context.Context, l *loader, n neo4jCtl, probeID string, killAfter, downFor, minDuration, afterReady time.Duration) ([]record, []probe, timeline, error) {
	tl := timeline{Start: time.Now()}
	loadCtx, stop := context.WithCancel(ctx)
	defer stop()
	var wg sync.WaitGroup
	var probes []probe
	wg.Add(2)
	go func() { defer wg.Done(); l.loadRun(loadCtx) }()
	go func() { defer wg.Done(); probes = prober(loadCtx, l.c, probeID, 250*time.Millisecond) }()

	err := func() error {
		if err := sleep(ctx, killAfter); err != nil {
			return err
		}
		tl.Kill = time.Now()
		if err := n.Kill(); err != nil {
			return err
		}
		if err := sleep(ctx, downFor); err != nil {
			return err
		}
		type served struct {
			at  time.Time
			err error
		}
		serving := make(chan served, 1)
		go func() {
			at, err := n.waitServing(ctx, 3*time.Minute)
			serving <- served{at, err}
		}()
		if err := n.Start(ctx); err != nil {
			return fmt.Errorf("restart neo4j: %w", err)
		}
		tl.ScriptReady = time.Now()
		s := <-serving
		if s.err != nil {
			return s.err
		}
		tl.Ready = s.at
		end := tl.Start.Add(minDuration)
		if r := tl.ScriptReady.Add(afterReady); r.After(end) {
			end = r
		}
		return sleep(ctx, time.Until(end))
	}()
	stop()
	wg.Wait()
	tl.End = time.Now()
	return l.snapshot(), probes, tl, err
}

func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}

// outageStats is what the load and the probes say about the outage.
type outageStats struct {
	Requests              int
	Before, During, After histogram // classes of the failures in each phase
	DuringTotal           int       // requests in the outage phase
	Internal              int       // INTERNAL answers over the whole run
	Recovered             bool
	Recovery              time.Duration // first success after Neo4j was ready
	ReadyzLies            int           // probes where /readyz said 200 but the read failed
	ReadyzProbes          int
	ReadyzLead            time.Duration // first /readyz 200 after the kill, before the first success
	PerOp                 map[string]histogram
	P50, P99              time.Duration // latency of successes before the kill
}

// percentile of a set of latencies, 0 for none.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	sorted := slices.Clone(ds)
	slices.Sort(sorted)
	return sorted[int(p*float64(len(sorted)-1))]
}

// analyseOutage splits the requests into before the kill, the outage (from
// the kill to the first success after Neo4j is ready again) and after, and
// measures recovery and the truthfulness of /readyz.
func analyseOutage(records []record, probes []probe, tl timeline) outageStats {
	s := outageStats{Before: histogram{}, During: histogram{}, After: histogram{}, PerOp: map[string]histogram{}}
	// Recovery is the first success of a request sent after the kill. The
	// start script notices Neo4j is ready up to a second late, so that
	// success may come before tl.Ready: then recovery is negative.
	var recoveredAt time.Time
	consider := func(o outcome, c class) {
		if c == classOK && !o.Start.Before(tl.Kill) && (recoveredAt.IsZero() || o.End().Before(recoveredAt)) {
			recoveredAt = o.End()
		}
	}
	for _, r := range records {
		consider(r.Out, r.Class)
	}
	for _, p := range probes {
		consider(p.Read, p.Class)
	}
	s.Recovered = !recoveredAt.IsZero()
	if s.Recovered {
		s.Recovery = recoveredAt.Sub(tl.Ready)
	} else {
		recoveredAt = tl.End
	}
	var steady []time.Duration
	for _, r := range records {
		s.Requests++
		if s.PerOp[r.Op] == nil {
			s.PerOp[r.Op] = histogram{}
		}
		s.PerOp[r.Op].add(string(r.Class))
		if r.Class == classInternal {
			s.Internal++
		}
		var h histogram
		switch {
		case r.Out.End().Before(tl.Kill):
			h = s.Before
			if r.Class == classOK {
				steady = append(steady, r.Out.Latency)
			}
		case r.Out.Start.Before(recoveredAt):
			h = s.During
			s.DuringTotal++
		default:
			h = s.After
		}
		if r.Class != classOK {
			h.add(string(r.Class))
		}
	}
	s.P50, s.P99 = percentile(steady, 0.50), percentile(steady, 0.99)
	var firstReady time.Time
	for _, p := range probes {
		s.ReadyzProbes++
		if p.Readyz == 200 && p.Class != classOK {
			s.ReadyzLies++
		}
		if p.Readyz == 200 && !p.Read.Start.Before(tl.Kill) && firstReady.IsZero() {
			firstReady = p.Read.Start
		}
	}
	if !firstReady.IsZero() && firstReady.Before(recoveredAt) {
		s.ReadyzLead = recoveredAt.Sub(firstReady)
	}
	return s
}

// outageChecks turns the statistics into rows of the table.
func outageChecks(s outageStats, tl timeline) []check {
	outageOK := true
	for c := range s.During {
		if c != string(classUnavailable) && c != string(classTimeout) {
			outageOK = false
		}
	}
	recovery := "never"
	switch {
	case s.Recovered && s.Recovery < 0:
		recovery = fmt.Sprintf("0 ms (served %s before the Bolt probe saw it)", ms(-s.Recovery))
	case s.Recovered:
		recovery = ms(s.Recovery)
	}
	return []check{
		{Name: "load before the kill", Expected: "no failures", Observed: s.Before.String(), Pass: s.Before.total() == 0,
			Numbers: fmt.Sprintf("%d requests in %s, p50 %s p99 %s before the kill; Neo4j killed at %s",
				s.Requests, secs(tl.End.Sub(tl.Start)), ms(s.P50), ms(s.P99), secs(tl.Kill.Sub(tl.Start)))},
		{Name: "failures during the outage", Expected: "only UNAVAILABLE or TIMEOUT", Observed: s.During.String(), Pass: outageOK,
			Numbers: fmt.Sprintf("%d of %d requests failed", s.During.total(), s.DuringTotal)},
		{Name: "INTERNAL over the whole load", Expected: "0", Observed: fmt.Sprint(s.Internal), Pass: s.Internal == 0,
			Numbers: fmt.Sprintf("of %d requests", s.Requests)},
		{Name: "recovery (first success after Neo4j is ready)", Expected: "≤ 1 s", Observed: recovery, Pass: s.Recovered && s.Recovery <= time.Second,
			Numbers: fmt.Sprintf("Neo4j answered RETURN 1 %s after the kill; the start script saw it ready %s later", secs(tl.Ready.Sub(tl.Kill)), secs(tl.ScriptReady.Sub(tl.Ready)))},
		{Name: "failures after recovery", Expected: "none", Observed: s.After.String(), Pass: s.After.total() == 0},
		{Name: "/readyz truthful", Expected: "never 200 while a read fails", Observed: fmt.Sprintf("%d lies", s.ReadyzLies), Pass: s.ReadyzLies == 0,
			Numbers: fmt.Sprintf("%d probes; said ready %s before the first success", s.ReadyzProbes, ms(s.ReadyzLead))},
	}
}

func ms(d time.Duration) string   { return fmt.Sprintf("%d ms", d.Milliseconds()) }
func secs(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }

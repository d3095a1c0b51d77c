package main

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/HdrHistogram/hdrhistogram-go"
)

// Request is one request of a workload; i picks its parameters.
type Request func(ctx context.Context, i int) error

// Result is what a run measured.
type Result struct {
	Requests int64
	Errors   int64
	Elapsed  time.Duration
	hist     *hdrhistogram.Histogram // microseconds
	// FirstError is kept to explain a run with errors.
	FirstError error
}

// PerSecond is the throughput of successful requests.
func (r Result) PerSecond() float64 { return float64(r.Requests-r.Errors) / r.Elapsed.Seconds() }

// Percentile returns a latency percentile.
func (r Result) Percentile(p float64) time.Duration {
	return time.Duration(r.hist.ValueAtQuantile(p)) * time.Microsecond
}

// Run sends requests from `concurrency` workers for warmup, then measures for
// duration. Every worker waits for its answer before sending the next (a
// closed loop), so latency is not inflated by a queue the tool builds.
func Run(ctx context.Context, concurrency int, warmup, duration time.Duration, req Request) Result {
	var next atomic.Int64
	work := func(until time.Time, record func(time.Duration, error)) {
		var wg sync.WaitGroup
		for range concurrency {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for time.Now().Before(until) && ctx.Err() == nil {
					start := time.Now()
					err := req(ctx, int(next.Add(1)))
					record(time.Since(start), err)
				}
			}()
		}
		wg.Wait()
	}
	work(time.Now().Add(warmup), func(time.Duration, error) {})

	res := Result{hist: hdrhistogram.New(1, int64(time.Minute/time.Microsecond), 3)}
	var mu sync.Mutex
	start := time.Now()
	work(start.Add(duration), func(d time.Duration, err error) {
		mu.Lock()
		defer mu.Unlock()
		res.Requests++
		if err != nil {
			res.Errors++
			if res.FirstError == nil {
				res.FirstError = err
			}
			return
		}
		_ = res.hist.RecordValue(d.Microseconds())
	})
	res.Elapsed = time.Since(start)
	return res
}

// add folds another run of the same cell into r.
func (r *Result) add(o Result) {
	if r.hist == nil {
		*r = o
		return
	}
	r.Requests += o.Requests
	r.Errors += o.Errors
	r.Elapsed += o.Elapsed
	r.hist.Merge(o.hist)
	if r.FirstError == nil {
		r.FirstError = o.FirstError
	}
}

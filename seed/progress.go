package main

import (
	"fmt"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows a load's progress: a bar with rows/s and ETA when stderr is
// a terminal, otherwise a plain line every few seconds (logs, CI).
type progress struct {
	bar   *progressbar.ProgressBar
	out   *os.File
	total int
	start time.Time
	last  time.Time
}

func newProgress(out *os.File, total int) *progress {
	p := &progress{out: out, total: total, start: time.Now(), last: time.Now()}
	if term.IsTerminal(int(out.Fd())) {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(out),
			progressbar.OptionSetDescription("loading"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("rows"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish())
	}
	return p
}

// plainEvery is how often plain progress lines are printed.
const plainEvery = 5 * time.Second

func (p *progress) set(done int) {
	if p.bar != nil {
		_ = p.bar.Set(done)
		return
	}
	if time.Since(p.last) >= plainEvery {
		p.last = time.Now()
		rate := float64(done) / time.Since(p.start).Seconds()
		fmt.Fprintf(p.out, "loaded %d of %d rows (%.0f rows/s)\n", done, p.total, rate)
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

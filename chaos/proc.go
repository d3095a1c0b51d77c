package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// rssBytes reads a process's resident set size (VmRSS of /proc/PID/status).
func rssBytes(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return parseVmRSS(bufio.NewScanner(f))
}

// parseVmRSS finds the "VmRSS:  1234 kB" line.
func parseVmRSS(sc *bufio.Scanner) (int64, error) {
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) != 2 || f[1] != "kB" {
			return 0, fmt.Errorf("VmRSS: unexpected %q", rest)
		}
		kb, err := strconv.ParseInt(f[0], 10, 64)
		return kb << 10, err
	}
	return 0, fmt.Errorf("no VmRSS line")
}

// cpuTicks is the user+system time of a process in clock ticks (1/100 s
// on Linux), fields 14 and 15 of /proc/PID/stat.
func cpuTicks(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: short", pid)
	}
	u, err1 := strconv.ParseInt(f[11], 10, 64)
	k, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("/proc/%d/stat: not numbers", pid)
	}
	return u + k, nil
}

// cpuShare is the share of one core a process used over d.
func cpuShare(pid int, d time.Duration) (float64, error) {
	a, err := cpuTicks(pid)
	if err != nil {
		return 0, err
	}
	time.Sleep(d)
	b, err := cpuTicks(pid)
	if err != nil {
		return 0, err
	}
	return float64(b-a) / 100 / d.Seconds(), nil
}

// rssWatch samples a process's RSS every few milliseconds until stopped and
// reports the peak growth over the first sample.
type rssWatch struct {
	base, peak int64
	stop       chan struct{}
	done       sync.WaitGroup
}

func watchRSS(pid int) *rssWatch {
	w := &rssWatch{stop: make(chan struct{})}
	w.base, _ = rssBytes(pid)
	w.peak = w.base
	w.done.Add(1)
	go func() {
		defer w.done.Done()
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-w.stop:
				return
			case <-t.C:
				if r, err := rssBytes(pid); err == nil && r > w.peak {
					w.peak = r
				}
			}
		}
	}()
	return w
}

// growth stops the watch and returns the peak growth in bytes.
func (w *rssWatch) growth() int64 {
	close(w.stop)
	w.done.Wait()
	return w.peak - w.base
}

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

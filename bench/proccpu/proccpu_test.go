package proccpu

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// TestOf: the CPU time Of reads from /proc agrees with the kernel's own
// account of this process (getrusage). The spin is bounded by CPU consumed,
// not by wall time, so a loaded machine makes the test slower, not wrong.
func TestOf(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc")
	}
	before, err := Of(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	start := rusage(t)
	for giveUp := time.Now().Add(time.Minute); rusage(t)-start < 200*time.Millisecond; {
		if time.Now().After(giveUp) {
			t.Fatal("the process got no CPU for a minute")
		}
	}
	spent := rusage(t) - start
	after, err := Of(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	// /proc counts in clock ticks (10 ms); the runtime's other threads add a little.
	if d := after - before; d < spent-50*time.Millisecond || d > spent+time.Second {
		t.Errorf("%v of CPU (getrusage) read from /proc as %v", spent, d)
	}
}

// rusage is this process's user and system CPU time as the kernel reports it.
func rusage(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

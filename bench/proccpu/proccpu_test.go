package proccpu

import (
	"os"
	"testing"
	"time"
)

// TestOf: the CPU time of this process grows while it computes.
func TestOf(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc")
	}
	before, err := Of(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(100 * time.Millisecond); time.Now().Before(deadline); {
	}
	after, err := Of(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if d := after - before; d < 50*time.Millisecond || d > 5*time.Second {
		t.Errorf("100 ms of spinning measured as %v of CPU", d)
	}
}

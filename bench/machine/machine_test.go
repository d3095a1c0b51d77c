package machine

import (
	"os"
	"strings"
	"testing"
)

// TestDescribe: on Linux the line names the CPU model and the memory read
// from /proc, not "unknown".
func TestDescribe(t *testing.T) {
	if _, err := os.Stat("/proc/meminfo"); err != nil {
		t.Skip("no /proc")
	}
	d := Describe()
	if strings.Contains(d, "unknown") || !strings.Contains(d, "kB memory") {
		t.Errorf("Describe() = %q", d)
	}
}

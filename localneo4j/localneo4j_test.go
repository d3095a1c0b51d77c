package localneo4j

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunPassesSettings: the script gets the command, the directory and
// port, and the settings that are set; an empty one is left to the
// script's default rather than passed empty.
func TestRunPassesSettings(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "env")
	script := filepath.Join(dir, "neo4j-local.sh")
	body := "#!/bin/sh\necho \"$1 $NEO4J_LOCAL_DIR $NEO4J_LOCAL_PORT heap=${NEO4J_LOCAL_HEAP-unset} pc=${NEO4J_LOCAL_PAGECACHE-unset}\" >" + out + "\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("NEO4J_LOCAL_HEAP", "") // the caller's environment must not leak a setting in either
	os.Unsetenv("NEO4J_LOCAL_HEAP")
	n := Instance{Script: script, Dir: "/data/x", Port: 7999, PageCache: "2g"}
	if err := n.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(string(b)), "start /data/x 7999 heap=unset pc=2g"; got != want {
		t.Errorf("the script saw %q, want %q", got, want)
	}
	if n.URI() != "bolt://127.0.0.1:7999" {
		t.Errorf("URI %s", n.URI())
	}
}

// Package localneo4j runs a local Neo4j through scripts/neo4j-local.sh, the
// way an operator would, for the programs that need a database of their
// own: the chaos battery (which also kills it) and bench/scale (which
// creates one afresh for each graph size).
package localneo4j

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Instance is one local Neo4j: its data directory and Bolt port, and the
// settings the script reads (empty: the script's defaults).
type Instance struct {
	Script, Dir     string
	Port            int
	Password        string
	Heap, PageCache string
}

// URI is where the instance listens.
func (n Instance) URI() string { return fmt.Sprintf("bolt://127.0.0.1:%d", n.Port) }

// Run runs the script with one command (start, stop), its output on stderr.
func (n Instance) Run(ctx context.Context, command string) error {
	cmd := exec.CommandContext(ctx, n.Script, command)
	cmd.Env = append(os.Environ(), "NEO4J_LOCAL_DIR="+n.Dir, "NEO4J_LOCAL_PORT="+strconv.Itoa(n.Port))
	for name, v := range map[string]string{"NEO4J_LOCAL_PASSWORD": n.Password, "NEO4J_LOCAL_HEAP": n.Heap, "NEO4J_LOCAL_PAGECACHE": n.PageCache} {
		if v != "" {
			cmd.Env = append(cmd.Env, name+"="+v)
		}
	}
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", filepath.Base(n.Script), command, err)
	}
	return nil
}

// Start starts the instance and waits until it serves (the script waits).
func (n Instance) Start(ctx context.Context) error { return n.Run(ctx, "start") }

// Stop is best effort: it runs when a program ends, whatever happened.
func (n Instance) Stop() { _ = n.Run(context.Background(), "stop") }

// Pid reads the DBMS's pid file.
func (n Instance) Pid() (int, error) {
	b, err := os.ReadFile(filepath.Join(n.Dir, "neo4j.pid"))
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(strings.TrimSpace(string(b)))
}

// Kill sends SIGKILL, as a crash or the OOM killer would, and waits until
// the process is gone.
func (n Instance) Kill() error {
	pid, err := n.Pid()
	if err != nil {
		return err
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		return fmt.Errorf("kill neo4j %d: %w", pid, err)
	}
	for range 100 {
		if syscall.Kill(pid, 0) != nil {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("neo4j %d still alive 10s after SIGKILL", pid)
}

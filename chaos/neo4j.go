package main

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

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// neo4jCtl starts, kills and stops the battery's own local Neo4j through
// scripts/neo4j-local.sh, the way an operator would.
type neo4jCtl struct {
	script   string
	dir      string // NEO4J_LOCAL_DIR
	port     int
	password string
}

func (n neo4jCtl) run(ctx context.Context, arg string) error {
	cmd := exec.CommandContext(ctx, n.script, arg)
	cmd.Env = append(os.Environ(),
		"NEO4J_LOCAL_DIR="+n.dir, "NEO4J_LOCAL_PORT="+strconv.Itoa(n.port), "NEO4J_LOCAL_PASSWORD="+n.password)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", filepath.Base(n.script), arg, err)
	}
	return nil
}

func (n neo4jCtl) start(ctx context.Context) error { return n.run(ctx, "start") }

// stop is best effort: it runs when the battery ends, whatever happened.
func (n neo4jCtl) stop() { _ = n.run(context.Background(), "stop") }

// pid reads the DBMS's pid file.
func (n neo4jCtl) pid() (int, error) {
	b, err := os.ReadFile(filepath.Join(n.dir, "neo4j.pid"))
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(strings.TrimSpace(string(b)))
}

// kill sends SIGKILL, as a crash or the OOM killer would, and waits until the process is gone.
func (n neo4jCtl) kill() error {
	pid, err := n.pid()
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

// waitServing polls Neo4j over Bolt with RETURN 1 every 100 ms until it
// answers, and says when. The start script polls only once a second and
// reports READY after its own checks, so this is the moment Neo4j could
// serve again, from which recovery is measured.
func (n neo4jCtl) waitServing(ctx context.Context, limit time.Duration) (time.Time, error) {
	driver, err := neo4j.NewDriverWithContext(fmt.Sprintf("bolt://127.0.0.1:%d", n.port), neo4j.BasicAuth("neo4j", n.password, ""))
	if err != nil {
		return time.Time{}, err
	}
	defer driver.Close(context.Background())
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		try, cancel := context.WithTimeout(ctx, time.Second)
		_, err = neo4j.ExecuteQuery(try, driver, "RETURN 1", nil, neo4j.EagerResultTransformer)
		cancel()
		if err == nil {
			return time.Now(), nil
		}
		_ = sleep(ctx, 100*time.Millisecond)
	}
	return time.Time{}, fmt.Errorf("neo4j did not answer RETURN 1 within %s: %v", limit, err)
}

package neo4jdb

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/innograph/innograph/graph/model"
)

func TestTranslate(t *testing.T) {
	ours := model.NotFound("node", "x")
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	for _, tc := range []struct {
		name string
		err  error
		want model.Code
	}{
		{"ServerTimeout", &neo4j.Neo4jError{Code: "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"}, model.CodeTimeout},
		{"Deadline", context.DeadlineExceeded, model.CodeTimeout},
		{"Connectivity", &neo4j.ConnectivityError{Inner: refused}, model.CodeUnavailable},
		{"RetriesExhausted", &neo4j.TransactionExecutionLimit{Cause: "timeout (exceeded max retry time: 5s)",
			Errors: []error{&neo4j.ConnectivityError{Inner: refused}, &neo4j.ConnectivityError{Inner: io.EOF}}}, model.CodeUnavailable},
		{"RetriesOfTransient", &neo4j.TransactionExecutionLimit{Cause: "timeout",
			Errors: []error{&neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable"}}}, model.CodeUnavailable},
		{"Wrapped", fmt.Errorf("write Park nodes from a:1: %w", &neo4j.ConnectivityError{Inner: refused}), model.CodeUnavailable},
		{"BareNetError", refused, model.CodeUnavailable},
		{"EOF", io.ErrUnexpectedEOF, model.CodeUnavailable},
		{"AuthFailed", &neo4j.Neo4jError{Code: "Neo.ClientError.Security.Unauthorized"}, model.CodeUnavailable},
		{"TokenExpired", &neo4j.TokenExpiredError{Code: "Neo.ClientError.Security.TokenExpired"}, model.CodeUnavailable},
		{"DatabaseStarting", &neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable"}, model.CodeUnavailable},
		{"Transient", &neo4j.Neo4jError{Code: "Neo.TransientError.General.OutOfMemoryError"}, model.CodeUnavailable},
		{"Deadlock", &neo4j.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected"}, model.CodeUnavailable},
		{"DeletedMeanwhile", &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.EntityNotFound",
			Msg: "Node with id 3 has been deleted in this transaction"}, model.CodeNotFound},
		{"Constraint", &neo4j.Neo4jError{Code: "Neo.ClientError.Schema.ConstraintValidationFailed",
			Msg: "Node(3) already exists with label `Enterprise` and property `creditCode` = '91350100M000100Y43'"}, model.CodeBadUserInput},
		{"Syntax", &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError", Msg: "secret"}, model.CodeInternal},
		{"DriverMisuse", &neo4j.UsageError{Message: "invalid transaction handle"}, model.CodeInternal},
		{"Other", errors.New("boom"), model.CodeInternal},
		{"Ours", ours, model.CodeNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := translate("op", tc.err)
			if model.ErrorCode(got) != tc.want {
				t.Errorf("code %s, want %s", model.ErrorCode(got), tc.want)
			}
			var me *model.Error
			if errors.As(got, &me) && (strings.Contains(me.Message, "Neo.") || strings.Contains(me.Message, "secret")) {
				t.Errorf("client message %q leaks the cause", me.Message)
			}
		})
	}
	if translate("op", ours) != error(ours) {
		t.Error("our own errors pass through unchanged")
	}
	expired, cancel := context.WithCancel(context.Background())
	cancel()
	if got := failed(expired, "op", &neo4j.ConnectivityError{Inner: errors.New("x")}); model.ErrorCode(got) != model.CodeTimeout {
		t.Errorf("a cancelled request is TIMEOUT whatever the driver said, got %v", got)
	}
}

// testDB opens a DB on uri without checking that it answers, with driver
// settings adjusted by tune.
func testDB(t *testing.T, uri string, tune func(*config.Config)) *DB {
	t.Helper()
	password := os.Getenv("INNOGRAPH_TEST_NEO4J_PASSWORD")
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth("neo4j", password, ""), tune)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = driver.Close(context.Background()) })
	return &DB{driver: driver, probe: driver, cfg: Config{ReadTimeout: 5 * time.Second, WriteTimeout: 5 * time.Second}}
}

// TestUnreachableIsUnavailable captures the driver's real errors from a
// server that refuses connections (nothing listens on port 1): the driver
// retries and gives up with a TransactionExecutionLimit over connectivity
// errors, for direct (bolt://) and routed (neo4j://) drivers alike.
func TestUnreachableIsUnavailable(t *testing.T) {
	briefly := func(c *config.Config) { c.MaxTransactionRetryTime = 200 * time.Millisecond }
	for _, uri := range []string{"bolt://127.0.0.1:1", "neo4j://127.0.0.1:1"} {
		db := testDB(t, uri, briefly)
		_, readErr := db.read(context.Background(), "probe", "RETURN 1", nil)
		_, writeErr := write(context.Background(), db, "probe", func(tx *writeTx) (int, error) {
			_, _, err := tx.run("CREATE (:Probe)", nil)
			return 0, err
		})
		for what, err := range map[string]error{"read": readErr, "write": writeErr} {
			var limit *neo4j.TransactionExecutionLimit
			if me := (*model.Error)(nil); !errors.As(err, &me) || !errors.As(me.Cause, &limit) {
				t.Errorf("%s %s: expected the driver to give up retrying, got %v", uri, what, err)
			}
			if model.ErrorCode(err) != model.CodeUnavailable {
				t.Errorf("%s %s: want UNAVAILABLE, got %v", uri, what, err)
			}
		}
	}
	db := testDB(t, "bolt://127.0.0.1:1", briefly)
	if err := db.Ready(context.Background()); model.ErrorCode(err) != model.CodeUnavailable {
		t.Errorf("Ready: want UNAVAILABLE, got %v", err)
	}
}

// TestRefusedHandshakeIsUnavailable: a Neo4j that is starting or stopping
// may accept a connection and answer the Bolt handshake with no version (four
// zero bytes); the driver reports that as a plain error of its own, which is
// the database not serving, not a fault of ours (seen under make outage).
func TestRefusedHandshakeIsUnavailable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				if _, err := io.ReadFull(conn, make([]byte, 20)); err == nil { // magic and four proposals
					conn.Write([]byte{0, 0, 0, 0})
				}
			}()
		}
	}()
	db := testDB(t, "bolt://"+ln.Addr().String(), func(c *config.Config) { c.MaxTransactionRetryTime = 200 * time.Millisecond })
	_, err = db.read(context.Background(), "probe", "RETURN 1", nil)
	if model.ErrorCode(err) != model.CodeUnavailable {
		t.Errorf("want UNAVAILABLE, got %v", err)
	}
}

// TestPoolExhaustedIsUnavailable holds the only pooled connection in an
// open transaction, so the next statement waits for a connection until the
// acquisition timeout and the driver's retries run out.
func TestPoolExhaustedIsUnavailable(t *testing.T) {
	uri := testURI(t)
	ctx := context.Background()
	db := testDB(t, uri, func(c *config.Config) {
		c.MaxConnectionPoolSize = 1
		c.ConnectionAcquisitionTimeout = 100 * time.Millisecond
		c.MaxTransactionRetryTime = 300 * time.Millisecond
	})
	holdConnection(t, db.driver)
	_, err := db.read(ctx, "probe", "RETURN 1", nil)
	if model.ErrorCode(err) != model.CodeUnavailable || !strings.Contains(err.Error(), "Timeout while waiting for connection") {
		t.Errorf("want UNAVAILABLE after waiting for a connection, got %v", err)
	}
}

// TestReadyWhilePoolExhausted: with every connection of the main pool held,
// Ready still answers from its own connection, so /readyz tells whether
// Neo4j serves rather than how congested our pool is (it waited behind the
// requests and said "not ready" for seconds after Neo4j was back).
func TestReadyWhilePoolExhausted(t *testing.T) {
	uri := testURI(t)
	ctx := context.Background()
	db, err := Open(ctx, Config{URI: uri, User: "neo4j", Password: os.Getenv("INNOGRAPH_TEST_NEO4J_PASSWORD"),
		ReadTimeout: 5 * time.Second, MaxPoolSize: 1, AcquireTimeout: 2 * time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	holdConnection(t, db.driver)
	// Shorter than the main pool's acquisition timeout: waiting for its
	// connection would fail this.
	readyCtx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	if err := db.Ready(readyCtx); err != nil {
		t.Errorf("Ready with the main pool exhausted: %v", err)
	}
}

// testURI is the test Neo4j's address; without one the test skips.
func testURI(t *testing.T) string {
	t.Helper()
	uri := os.Getenv("INNOGRAPH_TEST_NEO4J_URI")
	if uri == "" {
		t.Skip("no test Neo4j (INNOGRAPH_TEST_NEO4J_URI unset)")
	}
	return uri
}

// holdConnection takes one of driver's pooled connections for the rest of
// the test: an open transaction keeps it.
func holdConnection(t *testing.T, driver neo4j.DriverWithContext) {
	t.Helper()
	ctx := context.Background()
	session := driver.NewSession(ctx, neo4j.SessionConfig{})
	t.Cleanup(func() { _ = session.Close(ctx) })
	tx, err := session.BeginTransaction(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = tx.Close(ctx) })
	if _, err := tx.Run(ctx, "RETURN 1", nil); err != nil {
		t.Fatal(err)
	}
}

func TestConstraintViolated(t *testing.T) {
	for msg, want := range map[string][2]string{
		"Node(12) already exists with label `Node` and property `id` = 'e1'":                              {"id", "e1"},
		"Node(3) already exists with label `Enterprise` and property `creditCode` = '91350100M000100Y43'": {"creditCode", "91350100M000100Y43"},
		"Node(3) already exists with label `Secret` and property `internal` = 'x'":                        {"", ""},
	} {
		err := fmt.Errorf("write Enterprise nodes from t:1: %w", &neo4j.Neo4jError{Code: "Neo.ClientError.Schema.ConstraintValidationFailed", Msg: msg})
		prop, value, ok := constraintViolated(err)
		if !ok || prop != want[0] || value != want[1] {
			t.Errorf("%q: got %q %q %v, want %q", msg, prop, value, ok, want)
		}
		var me *model.Error
		if got := translate("upsert", err); !errors.As(got, &me) || me.Code != model.CodeBadUserInput || me.Field != want[0] ||
			strings.Contains(me.Message, "Secret") {
			t.Errorf("%q: translated to %v", msg, got)
		}
	}
	if _, _, ok := constraintViolated(errors.New("x")); ok {
		t.Error("not a constraint error")
	}
}

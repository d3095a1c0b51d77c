// Package neo4jdb is InnoGraph's storage: the server's only package that
// imports the Neo4j driver or contains Cypher (bench/ runs raw Cypher as its
// baseline and chaos/ probes Bolt, on purpose). Every statement is
// parameterised; labels and relationship types come only from the fixed
// mapping in mapping.go.
package neo4jdb

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Config says how to reach Neo4j and how long statements may run.
type Config struct {
	URI      string // neo4j://, neo4j+s://, bolt://, bolt+s://
	User     string
	Password string
	Database string // "" means the server's default database
	// ReadTimeout and WriteTimeout bound each transaction on the server, so a
	// runaway query is stopped by Neo4j, not just abandoned by the client.
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
	// PathTimeout bounds path searches and expansions (chains, networks,
	// partner suggestions), whose cost depends on the shape of the graph.
	PathTimeout time.Duration
	// MaxPoolSize bounds open connections; AcquireTimeout bounds the wait for one.
	MaxPoolSize    int
	AcquireTimeout time.Duration
}

// Query describes one statement sent to Neo4j, for observers.
type Query struct {
	Name     string // the operation, e.g. "nodesByID"
	Cypher   string
	Params   map[string]any
	Duration time.Duration
	Err      error
}

// Observer is told about every statement sent to Neo4j: one call per round trip.
type Observer func(ctx context.Context, q Query)

// DB is a handle on one Neo4j database.
type DB struct {
	driver neo4j.DriverWithContext
	// probe is a driver of its own, with one connection, for Ready: through
	// the main pool a readiness check would wait behind every request for a
	// connection (up to AcquireTimeout) and report our congestion, not
	// whether Neo4j serves.
	probe    neo4j.DriverWithContext
	cfg      Config
	observer Observer
}

// Open creates the drivers and checks that the server answers.
func Open(ctx context.Context, cfg Config, observer Observer) (*DB, error) {
	// Retries of transient failures must end well inside a request's deadline.
	driver, err := newDriver(cfg, cfg.MaxPoolSize, cfg.AcquireTimeout, 5*time.Second)
	if err != nil {
		return nil, err
	}
	// The probe's retries cover its one connection having died with a
	// restarted Neo4j, inside the second or two a readiness check may take.
	probe, err := newDriver(cfg, 1, time.Second, time.Second)
	if err != nil {
		_ = driver.Close(ctx)
		return nil, err
	}
	db := &DB{driver: driver, probe: probe, cfg: cfg, observer: observer}
	if err := db.Ping(ctx); err != nil {
		_ = db.Close(ctx)
		return nil, err
	}
	return db, nil
}

func newDriver(cfg Config, poolSize int, acquire, retry time.Duration) (neo4j.DriverWithContext, error) {
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""),
		func(c *config.Config) {
			c.MaxConnectionPoolSize = poolSize
			c.ConnectionAcquisitionTimeout = acquire
			c.SocketConnectTimeout = 5 * time.Second
			c.MaxTransactionRetryTime = retry
		})
	if err != nil {
		return nil, fmt.Errorf("neo4j driver for %s: %w", cfg.URI, err)
	}
	return driver, nil
}

// Close releases the drivers' connections.
func (db *DB) Close(ctx context.Context) error {
	return errors.Join(db.driver.Close(ctx), db.probe.Close(ctx))
}

// Ping checks that the database can be reached and authenticated against.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.driver.VerifyConnectivity(ctx); err != nil {
		return failed(ctx, "ping", err)
	}
	return nil
}

// Ready checks that the database serves reads: one index seek in a read
// transaction, as every query runs, but on the probe's own connection.
// Connectivity alone (Ping) is not enough: Neo4j accepts connections
// several seconds before its database is online after a restart.
func (db *DB) Ready(ctx context.Context) error {
	_, err := db.readOn(ctx, db.probe, db.cfg.ReadTimeout, "ready", `OPTIONAL MATCH (n:Node {id: ''}) RETURN count(n) AS n`, nil)
	return err
}

// read runs one statement in a read transaction routed to a reader.
func (db *DB) read(ctx context.Context, name, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	return db.readWithin(ctx, db.cfg.ReadTimeout, name, cypher, params)
}

// readPaths runs a path search or expansion under the path timeout.
func (db *DB) readPaths(ctx context.Context, name, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	return db.readWithin(ctx, db.cfg.PathTimeout, name, cypher, params)
}

// readPathRecord runs a path statement under the path timeout that
// answers one record, or none when its start node is missing (then
// notFound), and decodes that record; a decoding error is translated as the
// statement's.
func readPathRecord[T any](ctx context.Context, db *DB, name, cypher string, params map[string]any,
	notFound error, decode func(*neo4j.Record) (T, error)) (T, error) {
	var zero T
	records, err := db.readPaths(ctx, name, cypher, params)
	if err != nil {
		return zero, err
	}
	if len(records) == 0 {
		return zero, notFound
	}
	out, err := decode(records[0])
	if err != nil {
		return zero, translate(name, err)
	}
	return out, nil
}

func (db *DB) readWithin(ctx context.Context, timeout time.Duration, name, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	return db.readOn(ctx, db.driver, timeout, name, cypher, params)
}

func (db *DB) readOn(ctx context.Context, driver neo4j.DriverWithContext, timeout time.Duration, name, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	start := time.Now()
	res, err := neo4j.ExecuteQuery(ctx, driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithReadersRouting(),
		neo4j.ExecuteQueryWithDatabase(db.cfg.Database),
		neo4j.ExecuteQueryWithTransactionConfig(neo4j.WithTxTimeout(timeout)))
	db.observe(ctx, Query{Name: name, Cypher: cypher, Params: params, Duration: time.Since(start), Err: err})
	if err != nil {
		return nil, failed(ctx, name, err)
	}
	return res.Records, nil
}

// write runs work in one write transaction routed to the leader; the driver
// retries it on transient failures, so work must only touch the transaction.
// Its bookmark goes to the bookmark manager the reads (ExecuteQuery) wait
// on, so in a cluster a read routed to a secondary after a write sees it.
func write[T any](ctx context.Context, db *DB, name string, work func(tx *writeTx) (T, error)) (T, error) {
	session := db.driver.NewSession(ctx, neo4j.SessionConfig{
		AccessMode:      neo4j.AccessModeWrite,
		DatabaseName:    db.cfg.Database,
		BookmarkManager: db.driver.ExecuteQueryBookmarkManager(),
	})
	defer session.Close(ctx)
	out, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (T, error) {
		return work(&writeTx{ctx: ctx, db: db, tx: tx, name: name})
	}, neo4j.WithTxTimeout(db.cfg.WriteTimeout))
	if err != nil {
		var zero T
		return zero, failed(ctx, name, err)
	}
	return out, nil
}

// writeTx runs statements inside one write transaction and reports each.
type writeTx struct {
	ctx  context.Context
	db   *DB
	tx   neo4j.ManagedTransaction
	name string
}

// run executes one statement and returns its records and write counters.
func (w *writeTx) run(cypher string, params map[string]any) ([]*neo4j.Record, neo4j.Counters, error) {
	start := time.Now()
	res, err := w.tx.Run(w.ctx, cypher, params)
	var records []*neo4j.Record
	var counters neo4j.Counters
	if err == nil {
		records, err = res.Collect(w.ctx)
	}
	if err == nil {
		var summary neo4j.ResultSummary
		if summary, err = res.Consume(w.ctx); err == nil {
			counters = summary.Counters()
		}
	}
	w.db.observe(w.ctx, Query{Name: w.name, Cypher: cypher, Params: params, Duration: time.Since(start), Err: err})
	return records, counters, err
}

func (db *DB) observe(ctx context.Context, q Query) {
	if db.observer != nil {
		db.observer(ctx, q)
	}
}

package neo4jdb

import (
	"context"
	"github.com/innograph/innograph/graph/model"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// SetPrefetchLevels sets how many levels of lists one read-ahead statement
// nests, until the returned function restores it.
func SetPrefetchLevels(n int) (restore func()) {
	old := prefetchLevels
	prefetchLevels = n
	return func() { prefetchLevels = old }
}

// Read runs one read statement as every read does, under the read timeout.
func (db *DB) Read(ctx context.Context, cypher string) error {
	_, err := db.read(ctx, "test", cypher, nil)
	return err
}

// ReadRecords runs one read statement with parameters, as the path queries
// do, and returns its records.
func (db *DB) ReadRecords(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	return db.readPaths(ctx, "test", cypher, params)
}

// Write runs one statement in a write transaction, as the schema is applied.
func (db *DB) Write(ctx context.Context, cypher string) error {
	_, err := write(ctx, db, "test", func(tx *writeTx) (struct{}, error) {
		_, _, err := tx.run(cypher, nil)
		return struct{}{}, err
	})
	return err
}

// ReadBookmarks are the bookmarks the reads wait on (ExecuteQuery's
// bookmark manager).
func (db *DB) ReadBookmarks(ctx context.Context) ([]string, error) {
	return db.driver.ExecuteQueryBookmarkManager().GetBookmarks(ctx)
}

// ChainsStatements are Chains' statement as it was before the balls
// (reference: every relationship's window tested, the search alone), as it
// is now, and their parameters.
func ChainsStatements(q model.ChainQuery) (reference, now string, params map[string]any) {
	return chainsCypher(q, chainPlan{window: true}), chainsCypher(q, chainPlanFor(q)), chainsParams(q)
}

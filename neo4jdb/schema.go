package neo4jdb

import (
	"context"
	_ "embed"
	"fmt"
	"strings"
	"time"
)

// schemaTimeout bounds creating the schema and waiting for indexes to come online.
const schemaTimeout = 5 * time.Minute

//go:embed schema.cypher
var schemaCypher string

// schemaStatements splits schema.cypher into statements, dropping comments.
func schemaStatements() []string {
	var lines []string
	for _, line := range strings.Split(schemaCypher, "\n") {
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "//") {
			lines = append(lines, line)
		}
	}
	var out []string
	for _, stmt := range strings.Split(strings.Join(lines, "\n"), ";") {
		if s := strings.TrimSpace(stmt); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// EnsureSchema creates the constraints and indexes that do not exist yet and
// waits until they are online, so that the first query can rely on them.
func (db *DB) EnsureSchema(ctx context.Context) error {
	// Populating an index over a large graph takes longer than a write may.
	admin := *db
	admin.cfg.WriteTimeout = schemaTimeout
	db = &admin
	for _, stmt := range schemaStatements() {
		if _, err := write(ctx, db, "schema", func(tx *writeTx) (struct{}, error) {
			_, _, err := tx.run(stmt, nil)
			return struct{}{}, err
		}); err != nil {
			return fmt.Errorf("apply schema statement %.60q: %w", stmt, err)
		}
	}
	_, err := write(ctx, db, "awaitIndexes", func(tx *writeTx) (struct{}, error) {
		_, _, err := tx.run(`CALL db.awaitIndexes($seconds)`, map[string]any{"seconds": int64(schemaTimeout / time.Second)})
		return struct{}{}, err
	})
	return err
}

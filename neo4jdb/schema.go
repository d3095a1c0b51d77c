package neo4jdb

import (
	"context"
	_ "embed"
	"fmt"
	"slices"
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
// waits until they are online, so that the first query can rely on them;
// then gives nodes written before region spans existed theirs.
func (db *DB) EnsureSchema(ctx context.Context) error {
	// Populating an index over a large graph takes longer than a write may.
	admin := *db
	admin.cfg.WriteTimeout = schemaTimeout
	db = &admin
	if err := dropStaleSearchIndex(ctx, db); err != nil {
		return err
	}
	for _, stmt := range slices.Concat(schemaStatements(), regionIndexStatements(), equalityIndexStatements()) {
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
	if err != nil {
		return err
	}
	return backfillRegionSpans(ctx, db)
}

// dropStaleSearchIndex drops the full-text index when it leaves out a node
// label: one made before a node type was added. CREATE … IF NOT EXISTS goes
// by the name and would keep it, so the new type could never be found;
// schema.cypher then makes it again over every label, and EnsureSchema
// waits for it to be populated.
func dropStaleSearchIndex(ctx context.Context, db *DB) error {
	_, err := write(ctx, db, "dropStaleSearchIndex", func(tx *writeTx) (struct{}, error) {
		records, _, err := tx.run(`SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes WHERE name = $name RETURN labelsOrTypes`,
			map[string]any{"name": searchIndex})
		if err != nil || len(records) == 0 {
			return struct{}{}, err
		}
		have, _ := records[0].Get("labelsOrTypes")
		covered := map[string]bool{}
		list, _ := have.([]any)
		for _, l := range list {
			if s, ok := l.(string); ok {
				covered[s] = true
			}
		}
		for _, l := range labels {
			if !covered[l] {
				_, _, err := tx.run("DROP INDEX "+searchIndex+" IF EXISTS", nil)
				return struct{}{}, err
			}
		}
		return struct{}{}, nil
	})
	return err
}

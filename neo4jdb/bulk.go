package neo4jdb

import (
	"context"

	"github.com/innograph/innograph/graph/model"
)

// UpsertNodes merges nodes of one kind by id in one transaction and sets the
// given properties, so loading the same rows twice leaves the same graph.
// It returns how many nodes were created.
func (db *DB) UpsertNodes(ctx context.Context, kind model.NodeKind, rows []model.NodeRow) (int, error) {
	params := make([]map[string]any, len(rows))
	for i, r := range rows {
		params[i] = map[string]any{"id": r.ID, "props": r.Props}
	}
	return write(ctx, db, "upsert"+label(kind), func(tx *writeTx) (int, error) {
		_, counters, err := tx.run(`
			UNWIND $rows AS row
			MERGE (n:Node {id: row.id})
			ON CREATE SET n:`+label(kind)+`
			SET n += row.props`,
			map[string]any{"rows": params})
		return counters.NodesCreated(), err
	})
}

// UpsertRelations merges relationships of one kind between existing nodes in
// one transaction and sets their properties. It returns how many were created.
func (db *DB) UpsertRelations(ctx context.Context, kind model.RelationKind, rows []model.RelationRow) (int, error) {
	spec := model.RelationSpecs[kind]
	params := make([]map[string]any, len(rows))
	for i, r := range rows {
		params[i] = map[string]any{"from": r.From, "to": r.To, "key": spec.KeyProps(r.Props), "props": r.Props}
	}
	return write(ctx, db, "upsert"+relType(kind), func(tx *writeTx) (int, error) {
		_, counters, err := tx.run(`
			UNWIND $rows AS row
			MATCH (a:Node {id: row.from})
			MATCH (b:Node {id: row.to})
			MERGE `+relPattern(spec, "a", "b", "row.key")+`
			SET r += row.props`,
			map[string]any{"rows": params})
		return counters.RelationshipsCreated(), err
	})
}

// IsEmpty reports whether the database holds no InnoGraph nodes.
func (db *DB) IsEmpty(ctx context.Context) (bool, error) {
	records, err := db.read(ctx, "isEmpty", `MATCH (n:Node) RETURN count(n) = 0 AS empty LIMIT 1`, nil)
	if err != nil {
		return false, err
	}
	empty, _ := records[0].Get("empty")
	return empty == true, nil
}

// DeleteAll removes every InnoGraph node and relationship, in batches so a
// large graph does not need one huge transaction. For tests and re-seeding.
func (db *DB) DeleteAll(ctx context.Context) error {
	for {
		deleted, err := write(ctx, db, "deleteAll", func(tx *writeTx) (int, error) {
			_, counters, err := tx.run(`MATCH (n:Node) WITH n LIMIT 10000 DETACH DELETE n`, nil)
			return counters.NodesDeleted(), err
		})
		if err != nil || deleted == 0 {
			return err
		}
	}
}

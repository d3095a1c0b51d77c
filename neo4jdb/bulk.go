package neo4jdb

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

// statusExpr classifies a row before its write: CREATED when there was no
// old entity, UNCHANGED when every given property already has its value,
// else UPDATED. Properties the row leaves out are left as they are.
const statusExpr = `CASE WHEN old IS NULL THEN 'CREATED'
	WHEN all(k IN keys(row.props) WHERE old[k] = row.props[k]) THEN 'UNCHANGED'
	ELSE 'UPDATED' END`

// UpsertNodes merges nodes of one kind by id in one transaction and sets the
// given properties, so loading the same rows twice leaves the same graph. It
// returns each row's status, in order. The caller makes sure no id belongs
// to a node of another kind (NodeKinds).
func (db *DB) UpsertNodes(ctx context.Context, kind model.NodeKind, rows []model.NodeRow) ([]model.UpsertStatus, error) {
	params := make([]map[string]any, len(rows))
	for i, r := range rows {
		params[i] = map[string]any{"id": r.ID, "props": r.Props, "spans": regionSpanUpdate(r.Props)}
	}
	return write(ctx, db, "upsert"+label(kind), func(tx *writeTx) ([]model.UpsertStatus, error) {
		records, _, err := tx.run(`
			UNWIND $rows AS row
			OPTIONAL MATCH (old:Node {id: row.id})
			WITH row, `+statusExpr+` AS status
			MERGE (n:Node {id: row.id})
			ON CREATE SET n:`+label(kind)+`
			SET n += row.props, n += row.spans
			RETURN status`,
			map[string]any{"rows": params})
		if err != nil {
			return nil, err
		}
		return statuses(records, len(rows))
	})
}

// UpsertRelations merges relationships of one kind between existing nodes,
// by their ends and key, in one transaction and sets their properties. It
// returns each row's status, in order.
func (db *DB) UpsertRelations(ctx context.Context, kind model.RelationKind, rows []model.RelationRow) ([]model.UpsertStatus, error) {
	spec := model.RelationSpecs[kind]
	params := make([]map[string]any, len(rows))
	for i, r := range rows {
		params[i] = map[string]any{"from": r.From, "to": r.To, "key": spec.KeyProps(r.Props), "props": r.Props}
	}
	refs := transferRefs(kind, rows, false)
	return write(ctx, db, "upsert"+relType(kind), func(tx *writeTx) ([]model.UpsertStatus, error) {
		old, err := brokersBefore(tx, refs)
		if err != nil {
			return nil, err
		}
		records, _, err := tx.run(`
			UNWIND $rows AS row
			MATCH (a:Node {id: row.from})
			MATCH (b:Node {id: row.to})
			CALL (a, b, row) {
				OPTIONAL MATCH `+relPattern(spec, "a", "old", "b", "row.key")+`
				RETURN old LIMIT 1
			}
			WITH a, b, row, `+statusExpr+` AS status
			MERGE `+relPattern(spec, "a", "r", "b", "row.key")+`
			SET r += row.props
			RETURN status`,
			map[string]any{"rows": params})
		if err != nil {
			return nil, err
		}
		if err := syncBrokerages(tx, refs, old); err != nil {
			return nil, err
		}
		return statuses(records, len(rows))
	})
}

// CreateRelations creates relationships of one kind between existing nodes
// in one transaction, without looking for an existing one first: the caller
// knows there is none, because it created both ends in the same load. It
// skips the per-row search and status of UpsertRelations, which cost about
// a third of a bulk load.
func (db *DB) CreateRelations(ctx context.Context, kind model.RelationKind, rows []model.RelationRow) error {
	params := make([]map[string]any, len(rows))
	for i, r := range rows {
		params[i] = map[string]any{"from": r.From, "to": r.To, "props": r.Props}
	}
	refs := transferRefs(kind, rows, false)
	_, err := write(ctx, db, "create"+relType(kind), func(tx *writeTx) (struct{}, error) {
		records, _, err := tx.run(`
			UNWIND $rows AS row
			MATCH (a:Node {id: row.from})
			MATCH (b:Node {id: row.to})
			CREATE (a)-[r:`+relType(kind)+`]->(b)
			SET r = row.props
			RETURN count(*) AS written`,
			map[string]any{"rows": params})
		if err != nil {
			return struct{}{}, err
		}
		if n, _ := records[0].Get("written"); n != int64(len(rows)) {
			// A relationship row whose end vanished since validation matches nothing.
			return struct{}{}, fmt.Errorf("create wrote %v of %d rows", n, len(rows))
		}
		return struct{}{}, syncBrokerages(tx, refs, make([]string, len(refs)))
	})
	return err
}

func statuses(records []*neo4j.Record, want int) ([]model.UpsertStatus, error) {
	if len(records) != want {
		// A relationship row whose end vanished since validation matches nothing.
		return nil, fmt.Errorf("upsert wrote %d of %d rows", len(records), want)
	}
	out := make([]model.UpsertStatus, len(records))
	for i, rec := range records {
		s, err := recordString(rec, "status")
		if err != nil {
			return nil, err
		}
		out[i] = model.UpsertStatus(s)
	}
	return out, nil
}

// NodeKinds returns the kinds of the nodes that exist among ids.
func (db *DB) NodeKinds(ctx context.Context, ids []string) (map[string]model.NodeKind, error) {
	records, err := db.read(ctx, "nodeKinds",
		`UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN id, labels(n) AS labels`,
		map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make(map[string]model.NodeKind, len(records))
	for _, rec := range records {
		id, err := recordString(rec, "id")
		if err != nil {
			return nil, translate("nodeKinds", err)
		}
		ls, _ := rec.Get("labels")
		list, _ := ls.([]any)
		names := make([]string, 0, len(list))
		for _, l := range list {
			if s, ok := l.(string); ok {
				names = append(names, s)
			}
		}
		if kind, ok := kindOfLabels(names); ok {
			out[id] = kind
		}
	}
	return out, nil
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

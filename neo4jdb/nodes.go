package neo4jdb

import (
	"context"
	"strings"

	"github.com/innograph/innograph/graph/model"
)

// NodesByID returns the nodes that exist among ids, keyed by id.
func (db *DB) NodesByID(ctx context.Context, ids []string) (map[string]model.Node, error) {
	records, err := db.read(ctx, "nodesByID",
		`UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n`,
		map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make(map[string]model.Node, len(records))
	for _, rec := range records {
		n, err := recordNode(rec, "n")
		if err != nil {
			return nil, translate("nodesByID", err)
		}
		out[n.NodeID()] = n
	}
	return out, nil
}

// CreateNode creates a node of kind with validated properties. Creating it
// again with the same id and the same properties returns the existing node,
// so a create whose outcome the client could not learn (a connection lost at
// commit) is safe to retry; the same id with anything else is refused.
func (db *DB) CreateNode(ctx context.Context, kind model.NodeKind, id string, properties map[string]any) (model.Node, error) {
	all := make(map[string]any, len(properties)+1)
	for k, v := range properties {
		all[k] = v
	}
	for k, v := range regionSpanUpdate(properties) {
		if v != nil {
			all[k] = v
		}
	}
	all["id"] = id
	return write(ctx, db, "createNode", func(tx *writeTx) (model.Node, error) {
		records, counters, err := tx.run(`
			MERGE (n:Node {id: $id})
			ON CREATE SET n:`+label(kind)+`, n = $props
			RETURN n, n:`+label(kind)+` AND properties(n) = $props AS same`,
			map[string]any{"id": id, "props": all})
		if err != nil {
			return nil, err
		}
		if same, _ := records[0].Get("same"); counters.NodesCreated() == 0 && same != true {
			return nil, model.Invalid("id", "%s is already used by another node", id)
		}
		return recordNode(records[0], "n")
	})
}

// UpdateNode sets the given properties of a node of kind; a nil value
// removes the property.
func (db *DB) UpdateNode(ctx context.Context, kind model.NodeKind, id string, properties map[string]any) (model.Node, error) {
	return write(ctx, db, "updateNode", func(tx *writeTx) (model.Node, error) {
		if err := lockNodes(tx, id); err != nil {
			return nil, err
		}
		records, _, err := tx.run(`MATCH (n:Node {id: $id}) WHERE n:`+label(kind)+` SET n += $props, n += $spans RETURN n`,
			map[string]any{"id": id, "props": properties, "spans": regionSpanUpdate(properties)})
		if err != nil {
			return nil, err
		}
		if len(records) == 0 {
			return nil, model.NotFound(strings.ToLower(label(kind)), id)
		}
		return recordNode(records[0], "n")
	})
}

// DeleteNode deletes a node with all its relationships and says what it
// detached. Of concurrent deletes of one node, one deletes it and the others
// find nothing.
func (db *DB) DeleteNode(ctx context.Context, id string) (*model.DeletePayload, error) {
	return write(ctx, db, "deleteNode", func(tx *writeTx) (*model.DeletePayload, error) {
		if err := lockNodes(tx, id); err != nil {
			return nil, err
		}
		records, _, err := tx.run(`
			MATCH (n:Node {id: $id})
			CALL (n) {
				OPTIONAL MATCH (n)-[r]-()
				RETURN type(r) AS type, count(r) AS count
			}
			WITH n, labels(n) AS labels, collect({type: type, count: count}) AS detached
			CALL (n) {
				// The brokerages of its transfers, which go with them (brokers.go).
				MATCH ()-[k:`+relType(model.RelationKindBrokerage)+` {enterpriseId: n.id}]->()
				DELETE k
			}
			DETACH DELETE n
			RETURN labels, detached`,
			map[string]any{"id": id})
		if err != nil {
			return nil, err
		}
		if len(records) == 0 {
			return nil, model.NotFound("node", id)
		}
		rec := records[0].AsMap()
		ls, _ := rec["labels"].([]any)
		names := make([]string, 0, len(ls))
		for _, l := range ls {
			names = append(names, l.(string))
		}
		kind, _ := kindOfLabels(names)
		out := &model.DeletePayload{DeletedID: id, Kind: kind, Detached: []*model.DetachedCount{}}
		detached, _ := rec["detached"].([]any)
		for _, d := range detached {
			row := d.(map[string]any)
			t, _ := row["type"].(string)
			relKind, known := kindOfRelType(t)
			if n, _ := row["count"].(int64); known && n > 0 {
				out.Detached = append(out.Detached, &model.DetachedCount{Kind: relKind, Count: int(n)})
			}
		}
		return out, nil
	})
}

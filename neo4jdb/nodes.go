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

// CreateNode creates a node of kind with validated properties.
func (db *DB) CreateNode(ctx context.Context, kind model.NodeKind, id string, properties map[string]any) (model.Node, error) {
	all := make(map[string]any, len(properties)+1)
	for k, v := range properties {
		all[k] = v
	}
	all["id"] = id
	return write(ctx, db, "createNode", func(tx *writeTx) (model.Node, error) {
		records, _, err := tx.run(`CREATE (n:Node:`+label(kind)+`) SET n = $props RETURN n`,
			map[string]any{"props": all})
		if prop, ok := constraintViolated(err); ok {
			return nil, duplicateError(prop, all)
		}
		if err != nil {
			return nil, err
		}
		return recordNode(records[0], "n")
	})
}

// UpdateNode sets the given properties of a node of kind; a nil value
// removes the property.
func (db *DB) UpdateNode(ctx context.Context, kind model.NodeKind, id string, properties map[string]any) (model.Node, error) {
	return write(ctx, db, "updateNode", func(tx *writeTx) (model.Node, error) {
		records, _, err := tx.run(`MATCH (n:Node {id: $id}) WHERE n:`+label(kind)+` SET n += $props RETURN n`,
			map[string]any{"id": id, "props": properties})
		if prop, ok := constraintViolated(err); ok {
			return nil, duplicateError(prop, properties)
		}
		if err != nil {
			return nil, err
		}
		if len(records) == 0 {
			return nil, model.NotFound(strings.ToLower(label(kind)), id)
		}
		return recordNode(records[0], "n")
	})
}

// DeleteNode deletes a node with all its relationships and says what it detached.
func (db *DB) DeleteNode(ctx context.Context, id string) (*model.DeletePayload, error) {
	return write(ctx, db, "deleteNode", func(tx *writeTx) (*model.DeletePayload, error) {
		records, _, err := tx.run(`
			MATCH (n:Node {id: $id})
			CALL (n) {
				OPTIONAL MATCH (n)-[r]-()
				RETURN type(r) AS type, count(r) AS count
			}
			WITH n, labels(n) AS labels, collect({type: type, count: count}) AS detached
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

func duplicateError(prop string, properties map[string]any) error {
	if prop == "" {
		prop = "id"
	}
	return model.Invalid(prop, "%v is already used by another node", properties[prop])
}

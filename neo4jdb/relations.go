package neo4jdb

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

// Relations returns, for each id, a page of its relationships of q.Kind in
// q.Dir with the node at the other end (an id without any has an empty
// page, an id not in the graph none): one round trip for any number of
// ids. It is the read-ahead of a single list.
func (db *DB) Relations(ctx context.Context, q model.RelationQuery, ids []string) (map[string]model.RelationPage, error) {
	got, err := db.Prefetch(ctx, ids, []string{"id"}, []model.Prefetch{{Query: q}})
	if err != nil {
		return nil, err
	}
	return got.Relations[q], nil
}

// arrow writes the pattern (a)-[r:TYPE]->(b) in the given direction.
func arrow(a, r, typ, b string, dir model.Direction) string {
	switch dir {
	case model.Incoming:
		return fmt.Sprintf("(%s)<-[%s:%s]-(%s)", a, r, typ, b)
	case model.Both:
		return fmt.Sprintf("(%s)-[%s:%s]-(%s)", a, r, typ, b)
	default:
		return fmt.Sprintf("(%s)-[%s:%s]->(%s)", a, r, typ, b)
	}
}

// relSortKey writes the key a relationship list sorts on, a Cypher list
// compared element by element: the far end's rank (in an alliance's members
// and a result's developers, the place of its role in the spec's Roles, so
// chair units and lead developers first; 0 in other lists), its name and
// id, and the relationship's key properties (model.Cursor), which tell
// apart relationships to one node. r and m name the relationship and
// the node at the other end. Every element is a non-null string or
// integer, so that the list orders totally and compares with a cursor's
// (relCursor) as it orders.
func relSortKey(q model.RelationQuery, r, m string) string {
	rank := "0"
	if roles := model.RelationSpecs[q.Kind].Roles(); q.Dir == model.Incoming && len(roles) > 0 {
		rank = roleRank(r, roles)
	}
	tie := []string{}
	for _, k := range model.RelationSpecs[q.Kind].Key {
		tie = append(tie, fmt.Sprintf("coalesce(%s.%s, '')", r, k))
	}
	if len(tie) == 0 {
		tie = []string{"''"}
	}
	return fmt.Sprintf("[%s, coalesce(%s.name, ''), %s.id, %s]", rank, m, m, strings.Join(tie, " + ' ' + "))
}

// roleRank writes a CASE that ranks r.role by its place in roles (the fixed
// enum values of a spec, never user text); the last role, like a missing
// one, ranks last.
func roleRank(r string, roles []string) string {
	rank := "CASE " + r + ".role"
	for i, role := range roles[:len(roles)-1] {
		rank += fmt.Sprintf(" WHEN '%s' THEN %d", role, i)
	}
	return rank + fmt.Sprintf(" ELSE %d END", len(roles)-1)
}

// relCursor is a cursor as the list relSortKey writes, for a parameter.
func relCursor(c model.Cursor) []any {
	return []any{c.Rank, c.Key, c.ID, c.Tie}
}

// cursorOfKey reads a position from a sort key relSortKey wrote.
func cursorOfKey(v any) (model.Cursor, error) {
	k, _ := v.([]any)
	if len(k) != 4 {
		return model.Cursor{}, fmt.Errorf("a relationship's sort key is %v", v)
	}
	rank, _ := k[0].(int64)
	name, _ := k[1].(string)
	id, _ := k[2].(string)
	tie, _ := k[3].(string)
	return model.Cursor{Rank: rank, Key: name, ID: id, Tie: tie}, nil
}

// keyPattern writes the property map that identifies a relationship between
// two nodes, e.g. {mode: $key.mode} for source "$key"; key names come from
// the fixed specs.
func keyPattern(spec *model.RelationSpec, source string) string {
	if len(spec.Key) == 0 {
		return ""
	}
	parts := make([]string, len(spec.Key))
	for i, k := range spec.Key {
		parts[i] = fmt.Sprintf("%s: %s.%s", k, source, k)
	}
	return " {" + strings.Join(parts, ", ") + "}"
}

// relPattern writes the pattern of one relationship r of spec between the
// node patterns a and b, in either direction when the spec is undirected.
func relPattern(spec *model.RelationSpec, a, r, b, keySource string) string {
	dir := model.Outgoing
	if spec.Undirected {
		dir = model.Both
	}
	return arrow(a, r, relType(spec.Kind)+keyPattern(spec, keySource), b, dir)
}

// relBetween matches the relationship of spec between the nodes $from and $to.
func relBetween(spec *model.RelationSpec) string {
	return relPattern(spec, "a:Node {id: $from}", "r", "b:Node {id: $to}", "$key")
}

// AddRelation creates a relationship between two existing nodes of the kinds
// the spec allows. Adding it again with the same properties returns the
// existing one, so an add whose outcome the client could not learn is safe
// to retry; if the same relationship (same ends and key) exists with other
// properties, it fails.
func (db *DB) AddRelation(ctx context.Context, kind model.RelationKind, from, to string, properties map[string]any) (model.Relation, error) {
	spec := model.RelationSpecs[kind]
	return write(ctx, db, "add"+relType(kind), func(tx *writeTx) (model.Relation, error) {
		if err := lockNodes(tx, from, to); err != nil {
			return nil, err
		}
		if err := checkEnds(tx, spec, from, to); err != nil {
			return nil, err
		}
		if err := checkRefs(tx, spec, properties); err != nil {
			return nil, err
		}
		refs := transferRefs(kind, []model.RelationRow{{From: from, To: to, Props: properties}}, false)
		records, counters, err := tx.run(`
			MATCH (a:Node {id: $from}), (b:Node {id: $to})
			MERGE `+relPattern(spec, "a", "r", "b", "$key")+`
			ON CREATE SET r += $props
			RETURN r, startNode(r) AS s, endNode(r) AS e, properties(r) = $props AS same`,
			map[string]any{"from": from, "to": to, "key": spec.KeyProps(properties), "props": properties})
		if err != nil {
			return nil, err
		}
		if same, _ := records[0].Get("same"); counters.RelationshipsCreated() == 0 && same != true {
			return nil, model.Invalid(spec.FromField, "%s already has this %s with %s; update it instead",
				from, strings.ToLower(string(kind)), to)
		}
		if err := syncBrokerages(tx, refs, []string{""}); err != nil {
			return nil, err
		}
		return decodeWithEnds(records[0], "r")
	})
}

// checkEnds applies the spec's end rules to the stored nodes $from and $to.
func checkEnds(tx *writeTx, spec *model.RelationSpec, from, to string) error {
	if err := spec.CheckNotSelf(from, to); err != nil {
		return err
	}
	kinds, err := storedKinds(tx, []string{from, to})
	if err != nil {
		return err
	}
	return spec.CheckEnds(from, to, kinds, "")
}

// checkRefs applies the spec's rules on the nodes properties name (a
// broker, a brokerage's enterprise) to the stored nodes.
func checkRefs(tx *writeTx, spec *model.RelationSpec, properties map[string]any) error {
	refs := spec.RefIDs(properties)
	if len(refs) == 0 {
		return nil
	}
	ids := make([]string, 0, len(refs))
	for _, id := range refs {
		ids = append(ids, id)
	}
	kinds, err := storedKinds(tx, ids)
	if err != nil {
		return err
	}
	return spec.CheckRefs(properties, kinds, "")
}

// storedKinds looks the kinds of the nodes ids up in the transaction; the
// function it returns tells a node's kind and whether it exists.
func storedKinds(tx *writeTx, ids []string) (func(string) (model.NodeKind, bool), error) {
	records, _, err := tx.run(`
		UNWIND $ids AS id
		MATCH (n:Node {id: id})
		RETURN id, labels(n) AS labels`,
		map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	kinds := map[string]model.NodeKind{}
	for _, rec := range records {
		id, err := recordString(rec, "id")
		if err != nil {
			return nil, err
		}
		ls, _, err := neo4j.GetRecordValue[[]any](rec, "labels")
		if err != nil {
			return nil, err
		}
		names := make([]string, len(ls))
		for i, l := range ls {
			names[i], _ = l.(string)
		}
		kinds[id], _ = kindOfLabels(names)
	}
	return func(id string) (model.NodeKind, bool) {
		kind, ok := kinds[id]
		return kind, ok
	}, nil
}

// UpdateRelation sets properties of the relationship identified by its ends
// and key; a nil value removes the property.
func (db *DB) UpdateRelation(ctx context.Context, kind model.RelationKind, from, to string, key, properties map[string]any) (model.Relation, error) {
	spec := model.RelationSpecs[kind]
	return write(ctx, db, "update"+relType(kind), func(tx *writeTx) (model.Relation, error) {
		if err := lockNodes(tx, from, to); err != nil {
			return nil, err
		}
		if err := checkRefs(tx, spec, properties); err != nil {
			return nil, err
		}
		refs, old, err := brokerOf(tx, kind, from, to, key, properties)
		if err != nil {
			return nil, err
		}
		records, _, err := tx.run(`
			MATCH `+relBetween(spec)+`
			WITH r LIMIT 1
			SET r += $props
			RETURN r, startNode(r) AS s, endNode(r) AS e`,
			map[string]any{"from": from, "to": to, "key": key, "props": properties})
		if err != nil {
			return nil, err
		}
		if len(records) == 0 {
			return nil, relationNotFound(kind, from, to)
		}
		if err := syncBrokerages(tx, refs, old); err != nil {
			return nil, err
		}
		return decodeWithEnds(records[0], "r")
	})
}

// RemoveRelation deletes the relationship identified by its ends and key and
// returns it as it was.
func (db *DB) RemoveRelation(ctx context.Context, kind model.RelationKind, from, to string, key map[string]any) (model.Relation, error) {
	spec := model.RelationSpecs[kind]
	return write(ctx, db, "remove"+relType(kind), func(tx *writeTx) (model.Relation, error) {
		if err := lockNodes(tx, from, to); err != nil {
			return nil, err
		}
		refs, old, err := brokerOf(tx, kind, from, to, key, nil)
		if err != nil {
			return nil, err
		}
		records, _, err := tx.run(`
			MATCH `+relBetween(spec)+`
			WITH r, startNode(r) AS s, endNode(r) AS e LIMIT 1
			WITH r, s, e, {type: type(r), props: properties(r)} AS was
			DELETE r
			RETURN was, s, e`,
			map[string]any{"from": from, "to": to, "key": key})
		if err != nil {
			return nil, err
		}
		if len(records) == 0 {
			return nil, relationNotFound(kind, from, to)
		}
		if err := syncBrokerages(tx, refs, old); err != nil {
			return nil, err
		}
		was, _ := records[0].Get("was")
		m, _ := was.(map[string]any)
		t, _ := m["type"].(string)
		p, _ := m["props"].(map[string]any)
		return decodeEnds(records[0], neo4j.Relationship{Type: t, Props: p})
	})
}

func relationNotFound(kind model.RelationKind, from, to string) error {
	return model.Errorf(model.CodeNotFound, "no %s between %q and %q", strings.ToLower(string(kind)), from, to)
}

// decodeWithEnds decodes a relationship column with its start s and end e.
func decodeWithEnds(rec *neo4j.Record, column string) (model.Relation, error) {
	r, _, err := neo4j.GetRecordValue[neo4j.Relationship](rec, column)
	if err != nil {
		return nil, err
	}
	return decodeEnds(rec, r)
}

func decodeEnds(rec *neo4j.Record, r neo4j.Relationship) (model.Relation, error) {
	s, err := recordNode(rec, "s")
	if err != nil {
		return nil, err
	}
	e, err := recordNode(rec, "e")
	if err != nil {
		return nil, err
	}
	return decodeRelation(r, model.Ends{
		FromID: s.NodeID(), ToID: e.NodeID(), FromNode: s, ToNode: e, ViewFrom: s.NodeID(),
	})
}

package neo4jdb

import "slices"

// lockNodes takes the write locks of the nodes with the given ids, in id
// order so that two transactions locking the same nodes cannot deadlock,
// before a write reads them.
//
// Neo4j matches without locking: a transaction that matched a node and then
// waited for the lock a deleting transaction held would carry on with the
// deleted node (a second "successful" delete, an update returning a node
// without labels). Statements run after lockNodes match again and see the
// state as of the lock: a node deleted meanwhile is no longer found, so the
// write answers NOT_FOUND. Setting a property to its own value takes the
// lock and changes nothing.
//
// The nodes are found by id in a read-only statement and locked by element
// id in a second one: a writing statement that seeks the unique id index
// also takes a shared lock on the index entry, which the deleting
// transaction must upgrade, and every waiter holding one made each
// concurrent delete a deadlock that the driver resolved by retrying.
func lockNodes(tx *writeTx, ids ...string) error {
	sorted := slices.Compact(slices.Sorted(slices.Values(ids)))
	records, _, err := tx.run(`UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN elementId(n) AS e`, map[string]any{"ids": sorted})
	if err != nil || len(records) == 0 {
		return err
	}
	elements := make([]any, len(records))
	for i, rec := range records {
		elements[i], _ = rec.Get("e")
	}
	_, _, err = tx.run(`UNWIND $elements AS e MATCH (n) WHERE elementId(n) = e SET n.id = n.id`, map[string]any{"elements": elements})
	return err
}

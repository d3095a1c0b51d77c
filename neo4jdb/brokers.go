package neo4jdb

import (
	"maps"

	"github.com/innograph/innograph/graph/model"
)

// A transfer names its broker in a property, brokerId, and a property
// cannot be walked. So every write of a TRANSFER keeps two relationships in
// step with it (docs/design.md, "Brokered transfers"): the broker's
// BROKERAGE of the result, keyed by the transfer's enterprise and mode, and
// the broker's SERVICE of kind BROKERAGE to the enterprise. A chain from the
// result to its adopter then passes result ← BROKERAGE — broker — SERVICE →
// enterprise as well as the direct TRANSFER.

// transferRef names a transfer: its result, its enterprise and its mode.
type transferRef struct {
	result, enterprise, mode string
}

// transferRefs are the transfers of relationship rows of kind, none unless
// kind is TRANSFER, and of those only the rows that write a brokerId (set
// or cleared) unless all: a write that leaves the broker alone leaves its
// brokerage as it is, so the common unbrokered load costs nothing more.
func transferRefs(kind model.RelationKind, rows []model.RelationRow, all bool) []transferRef {
	if kind != model.RelationKindTransfer {
		return nil
	}
	var out []transferRef
	for _, r := range rows {
		if _, broker := r.Props["brokerId"]; all || broker {
			mode, _ := r.Props["mode"].(string)
			out = append(out, transferRef{r.From, r.To, mode})
		}
	}
	return out
}

func (t transferRef) param(old string) map[string]any {
	return map[string]any{"result": t.result, "enterprise": t.enterprise, "mode": t.mode, "old": old}
}

// brokerOf names the one relationship of kind between from and to with
// the given key, if it is a transfer that properties change the broker of
// (or that is removed, properties nil), and reads its broker before the write.
func brokerOf(tx *writeTx, kind model.RelationKind, from, to string, key, properties map[string]any) ([]transferRef, []string, error) {
	props := maps.Clone(key)
	broker, changes := properties["brokerId"]
	if changes {
		props["brokerId"] = broker
	}
	refs := transferRefs(kind, []model.RelationRow{{From: from, To: to, Props: props}}, properties == nil)
	old, err := brokersBefore(tx, refs)
	return refs, old, err
}

// brokersBefore reads the brokerId each transfer has before a write ("" for
// none, or no transfer), in order.
func brokersBefore(tx *writeTx, refs []transferRef) ([]string, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	rows := make([]map[string]any, len(refs))
	for i, t := range refs {
		rows[i] = t.param("")
	}
	records, _, err := tx.run(`
		UNWIND $rows AS row
		RETURN coalesce(head(COLLECT {
			MATCH (:Node {id: row.result})-[t:`+relType(model.RelationKindTransfer)+` {mode: row.mode}]->(:Node {id: row.enterprise})
			RETURN t.brokerId
		}), '') AS broker`,
		map[string]any{"rows": rows})
	if err != nil {
		return nil, err
	}
	out := make([]string, len(records))
	for i, rec := range records {
		if out[i], err = recordString(rec, "broker"); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// syncBrokerages brings the brokerages of the transfers refs in step after
// a write: the brokerage of a broker the transfer no longer names (old, as
// brokersBefore read it) goes, and the transfer's broker, if any, has its
// brokerage (year, source and synthetic as the transfer's) and its
// brokerage service to the enterprise. A removed transfer names none, so
// its brokerage goes; the service stays, a fact of its own.
func syncBrokerages(tx *writeTx, refs []transferRef, old []string) error {
	if len(refs) == 0 {
		return nil
	}
	rows := make([]map[string]any, len(refs))
	for i, t := range refs {
		rows[i] = t.param(old[i])
	}
	brokerage, service := relType(model.RelationKindBrokerage), relType(model.RelationKindService)
	_, _, err := tx.run(`
		UNWIND $rows AS row
		MATCH (res:Node {id: row.result})
		MATCH (e:Node {id: row.enterprise})
		OPTIONAL MATCH (res)-[t:`+relType(model.RelationKindTransfer)+` {mode: row.mode}]->(e)
		WITH row, res, e, t, t.brokerId AS broker
		CALL (row, res, broker) {
			// Filtered before the match: a broker's brokerages are many, and
			// an unchanged broker has none to delete.
			WITH row, res WHERE row.old <> '' AND (broker IS NULL OR broker <> row.old)
			MATCH (res)<-[k:`+brokerage+` {enterpriseId: row.enterprise, mode: row.mode}]-(:Node {id: row.old})
			DELETE k
		}
		CALL (row, res, e, t, broker) {
			MATCH (b:Node {id: broker})
			MERGE (b)-[k:`+brokerage+` {enterpriseId: row.enterprise, mode: row.mode}]->(res)
			SET k.year = t.year, k.source = t.source, k.synthetic = t.synthetic
			MERGE (b)-[s:`+service+` {kind: $kind}]->(e)
			ON CREATE SET s.source = t.source, s.synthetic = t.synthetic
		}
		RETURN count(*) AS synced`,
		map[string]any{"rows": rows, "kind": string(model.ServiceKindBrokerage)})
	return err
}

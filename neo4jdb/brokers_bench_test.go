package neo4jdb_test

import (
	"fmt"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// BenchmarkTransferUpserts upserts a batch of 1,000 transfers between
// existing nodes, as an import of a contract list does, without and with a
// broker (which also merges the broker's brokerage and service, and reads
// the old broker first): the price of a walkable brokered transfer.
//
//	go test ./neo4jdb -run '^$' -bench TransferUpserts -benchtime 10x
func BenchmarkTransferUpserts(b *testing.B) {
	db, _ := neo4jtest.Open(b)
	const n = 1000
	var results, enterprises []model.NodeRow
	for i := range n {
		results = append(results, model.NodeRow{ID: fmt.Sprintf("r%d", i), Props: map[string]any{"name": "成果", "kind": "PATENT"}})
		enterprises = append(enterprises, model.NodeRow{ID: fmt.Sprintf("e%d", i), Props: map[string]any{"name": "企业"}})
	}
	brokers := []model.NodeRow{{ID: "m", Props: map[string]any{"name": "技术市场", "kind": "TECHNOLOGY_MARKET"}}}
	for kind, rows := range map[model.NodeKind][]model.NodeRow{
		model.NodeKindResult: results, model.NodeKindEnterprise: enterprises, model.NodeKindIntermediary: brokers,
	} {
		if _, err := db.UpsertNodes(b.Context(), kind, rows); err != nil {
			b.Fatal(err)
		}
	}
	for _, brokered := range []bool{false, true} {
		b.Run(fmt.Sprintf("brokered=%v", brokered), func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				rows := make([]model.RelationRow, n)
				for j := range rows {
					props := map[string]any{"mode": "LICENCE", "year": int64(2000 + i%100), "synthetic": false}
					if brokered {
						props["brokerId"] = "m"
					}
					rows[j] = model.RelationRow{From: fmt.Sprintf("r%d", j), To: fmt.Sprintf("e%d", j), Props: props}
				}
				if _, err := db.UpsertRelations(b.Context(), model.RelationKindTransfer, rows); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package importer

import (
	"context"
	"testing"

	"github.com/innograph/innograph/graph/model"
)

// recorder is a Writer that says every node already existed except those in
// fresh, and records how each relationship was written.
type recorder struct {
	fresh   map[string]bool
	created []string // from→to of relationships written by CreateRelations
	merged  []string // from→to of relationships written by UpsertRelations
}

func (r *recorder) UpsertNodes(_ context.Context, _ model.NodeKind, rows []model.NodeRow) ([]model.UpsertStatus, error) {
	out := make([]model.UpsertStatus, len(rows))
	for i, row := range rows {
		out[i] = model.StatusUnchanged
		if r.fresh[row.ID] {
			out[i] = model.StatusCreated
		}
	}
	return out, nil
}

func (r *recorder) UpsertRelations(_ context.Context, _ model.RelationKind, rows []model.RelationRow) ([]model.UpsertStatus, error) {
	out := make([]model.UpsertStatus, len(rows))
	for i, row := range rows {
		r.merged = append(r.merged, row.From+"→"+row.To)
		out[i] = model.StatusUpdated
	}
	return out, nil
}

func (r *recorder) CreateRelations(_ context.Context, _ model.RelationKind, rows []model.RelationRow) error {
	for _, row := range rows {
		r.created = append(r.created, row.From+"→"+row.To)
	}
	return nil
}

// TestWriteCreatesOnlyBetweenNewNodes: a relationship is created without a
// search only when this load created both its ends; any other is merged.
func TestWriteCreatesOnlyBetweenNewNodes(t *testing.T) {
	plan := &Plan{
		Nodes: []NodeItem{
			{Kind: model.NodeKindEnterprise, Row: model.NodeRow{ID: "new1"}},
			{Kind: model.NodeKindEnterprise, Row: model.NodeRow{ID: "new2"}},
			{Kind: model.NodeKindEnterprise, Row: model.NodeRow{ID: "old"}},
		},
		Relations: []RelationItem{
			{Kind: model.RelationKindCollaboration, Row: model.RelationRow{From: "new1", To: "new2"}},
			{Kind: model.RelationKindCollaboration, Row: model.RelationRow{From: "new1", To: "old"}},
			{Kind: model.RelationKindCollaboration, Row: model.RelationRow{From: "elsewhere", To: "new2"}},
		},
	}
	w := &recorder{fresh: map[string]bool{"new1": true, "new2": true}}
	sum, err := Write(context.Background(), w, plan, Options{BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(w.created) != 1 || w.created[0] != "new1→new2" {
		t.Errorf("created %v, want only new1→new2", w.created)
	}
	if len(w.merged) != 2 {
		t.Errorf("merged %v, want the two relationships with an old end", w.merged)
	}
	if sum.Relations.Created != 1 || sum.Relations.Updated != 2 || plan.Relations[0].Status != model.StatusCreated {
		t.Errorf("summary %+v, first status %s", sum.Relations, plan.Relations[0].Status)
	}
}

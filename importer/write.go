package importer

import (
	"context"
	"fmt"
	"io/fs"

	"github.com/innograph/innograph/graph/model"
)

// DefaultBatchSize is the rows written per transaction when not configured.
const DefaultBatchSize = 5000

// Options tune Write.
type Options struct {
	// BatchSize is the rows per transaction (UNWIND batch).
	BatchSize int
	// Progress, if set, is told the rows written so far after each batch.
	Progress func(done int)
}

// Write upserts a validated plan: every node first, then the relationships
// between them, each kind in batches of one transaction each. It records each
// item's status and returns the counts. Stopped part way, it has written
// whole batches only, and running it again completes the job.
func Write(ctx context.Context, w Writer, plan *Plan, opt Options) (Summary, error) {
	nodes, err := WriteNodes(ctx, w, plan, opt)
	if err != nil {
		return nodes, err
	}
	rels, err := WriteRelations(ctx, w, plan, opt)
	rels.Nodes = nodes.Nodes
	return rels, err
}

// WriteNodes upserts the nodes of a plan, the first half of Write.
func WriteNodes(ctx context.Context, w Writer, plan *Plan, opt Options) (Summary, error) {
	size := opt.batchSize()
	var sum Summary
	done := 0
	for _, kind := range model.AllNodeKind {
		err := eachBatch(len(plan.Nodes), size, func(i int) bool { return plan.Nodes[i].Kind == kind }, func(batch []int) error {
			rows := make([]model.NodeRow, len(batch))
			for j, i := range batch {
				rows[j] = plan.Nodes[i].Row
			}
			statuses, err := w.UpsertNodes(ctx, kind, rows)
			if err != nil {
				return fmt.Errorf("write %s nodes from %s: %w", kind.Name(), plan.Nodes[batch[0]].Pos, err)
			}
			for j, i := range batch {
				plan.Nodes[i].Status = statuses[j]
				sum.Nodes.add(statuses[j])
			}
			done += len(batch)
			opt.progress(done)
			return nil
		})
		if err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// WriteRelations writes the relationships of a plan whose nodes WriteNodes
// has written, the second half of Write. A relationship between two nodes
// that load created cannot exist yet, so it is created without the search
// that merging needs.
func WriteRelations(ctx context.Context, w Writer, plan *Plan, opt Options) (Summary, error) {
	size := opt.batchSize()
	var sum Summary
	done := 0
	created := map[string]bool{}
	for _, n := range plan.Nodes {
		created[n.Row.ID] = n.Status == model.StatusCreated
	}
	for _, kind := range model.AllRelationKind {
		for _, fresh := range []bool{true, false} {
			match := func(i int) bool {
				r := plan.Relations[i]
				return r.Kind == kind && (created[r.Row.From] && created[r.Row.To]) == fresh
			}
			err := eachBatch(len(plan.Relations), size, match, func(batch []int) error {
				rows := make([]model.RelationRow, len(batch))
				for j, i := range batch {
					rows[j] = plan.Relations[i].Row
				}
				statuses, err := writeRelations(ctx, w, kind, rows, fresh)
				if err != nil {
					return fmt.Errorf("write %s relationships from %s: %w", kind, plan.Relations[batch[0]].Pos, err)
				}
				for j, i := range batch {
					plan.Relations[i].Status = statuses[j]
					sum.Relations.add(statuses[j])
				}
				done += len(batch)
				opt.progress(done)
				return nil
			})
			if err != nil {
				return sum, err
			}
		}
	}
	return sum, nil
}

// writeRelations creates fresh relationships or upserts others, and returns
// the status of each row.
func writeRelations(ctx context.Context, w Writer, kind model.RelationKind, rows []model.RelationRow, fresh bool) ([]model.UpsertStatus, error) {
	if !fresh {
		return w.UpsertRelations(ctx, kind, rows)
	}
	if err := w.CreateRelations(ctx, kind, rows); err != nil {
		return nil, err
	}
	statuses := make([]model.UpsertStatus, len(rows))
	for i := range statuses {
		statuses[i] = model.StatusCreated
	}
	return statuses, nil
}

// eachBatch calls write with the indexes in [0, n) that match, size at a time.
func eachBatch(n, size int, match func(i int) bool, write func(batch []int) error) error {
	batch := make([]int, 0, size)
	for i := 0; i < n; i++ {
		if !match(i) {
			continue
		}
		if batch = append(batch, i); len(batch) == size {
			if err := write(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		return write(batch)
	}
	return nil
}

func (o Options) batchSize() int {
	if o.BatchSize <= 0 {
		return DefaultBatchSize
	}
	return o.BatchSize
}

func (o Options) progress(done int) {
	if o.Progress != nil {
		o.Progress(done)
	}
}

// Parse reads and validates the graph files of fsys whose relationships join
// only nodes of the same files: a graph shipped with the project.
func Parse(fsys fs.FS) (*Plan, []Problem, error) {
	rows, problems, err := ReadFS(fsys)
	if err != nil {
		return nil, nil, err
	}
	plan, more, err := Validate(context.Background(), rows, nil)
	return plan, append(problems, more...), err
}

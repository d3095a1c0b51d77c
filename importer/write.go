package importer

import (
	"context"
	"fmt"
	"io/fs"
	"slices"

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
	if progress := opt.Progress; progress != nil {
		// Progress counts every row of the plan: relationships after nodes.
		opt.Progress = func(done int) { progress(len(plan.Nodes) + done) }
	}
	rels, err := WriteRelations(ctx, w, plan, opt)
	rels.Nodes = nodes.Nodes
	return rels, err
}

// WriteNodes upserts the nodes of a plan, the first half of Write.
func WriteNodes(ctx context.Context, w Writer, plan *Plan, opt Options) (Summary, error) {
	var sum Summary
	b := batches{opt: opt}
	for _, kind := range model.AllNodeKind {
		err := writeBatches(&b, len(plan.Nodes),
			func(i int) bool { return plan.Nodes[i].Kind == kind },
			func(i int) model.NodeRow { return plan.Nodes[i].Row },
			func(rows []model.NodeRow) ([]model.UpsertStatus, error) { return w.UpsertNodes(ctx, kind, rows) },
			func(i int, s model.UpsertStatus) { plan.Nodes[i].Status = s; sum.Nodes.add(s) },
			func(i int) string { return fmt.Sprintf("%s nodes from %s", kind.Name(), plan.Nodes[i].Pos) })
		if err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// WriteRelations writes the relationships of a plan whose nodes WriteNodes
// has written, the second half of Write. A relationship between two nodes
// that load created cannot exist yet, so it is created without the search
// that merging needs (except the kinds a brokered transfer writes too,
// model.BrokeredKinds).
func WriteRelations(ctx context.Context, w Writer, plan *Plan, opt Options) (Summary, error) {
	var sum Summary
	b := batches{opt: opt}
	created := map[string]bool{}
	for _, n := range plan.Nodes {
		created[n.Row.ID] = n.Status == model.StatusCreated
	}
	for _, kind := range model.AllRelationKind {
		for _, fresh := range []bool{true, false} {
			err := writeBatches(&b, len(plan.Relations),
				func(i int) bool {
					r := plan.Relations[i]
					// A transfer's broker writes a brokerage and a service
					// of its own (neo4jdb/brokers.go), so a row of those
					// kinds may meet one between two fresh nodes.
					isFresh := created[r.Row.From] && created[r.Row.To] && !slices.Contains(model.BrokeredKinds, kind)
					return r.Kind == kind && isFresh == fresh
				},
				func(i int) model.RelationRow { return plan.Relations[i].Row },
				func(rows []model.RelationRow) ([]model.UpsertStatus, error) {
					return writeRelations(ctx, w, kind, rows, fresh)
				},
				func(i int, s model.UpsertStatus) { plan.Relations[i].Status = s; sum.Relations.add(s) },
				func(i int) string { return fmt.Sprintf("%s relationships from %s", kind, plan.Relations[i].Pos) })
			if err != nil {
				return sum, err
			}
		}
	}
	return sum, nil
}

// batches counts the rows written across calls of writeBatches, for progress.
type batches struct {
	opt  Options
	done int
}

// writeBatches writes the items in [0, n) that match, a batch at a time:
// row gives an item's row, write writes a batch, record takes each item's
// status, and what names a batch in an error by its first item.
func writeBatches[R any](b *batches, n int, match func(int) bool, row func(int) R,
	write func([]R) ([]model.UpsertStatus, error), record func(int, model.UpsertStatus), what func(int) string) error {
	return eachBatch(n, b.opt.batchSize(), match, func(batch []int) error {
		rows := make([]R, len(batch))
		for j, i := range batch {
			rows[j] = row(i)
		}
		statuses, err := write(rows)
		if err != nil {
			return fmt.Errorf("write %s: %w", what(batch[0]), err)
		}
		for j, i := range batch {
			record(i, statuses[j])
		}
		b.done += len(batch)
		b.opt.progress(b.done)
		return nil
	})
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

// Load parses a graph shipped with the project (Parse) and writes it. A
// problem in its files is an error: they are ours, not a user's.
func Load(ctx context.Context, w Writer, fsys fs.FS) (Summary, error) {
	plan, problems, err := Parse(fsys)
	if err == nil && len(problems) > 0 {
		err = fmt.Errorf("shipped graph %s", problems[0])
	}
	if err != nil {
		return Summary{}, err
	}
	return Write(ctx, w, plan, Options{})
}

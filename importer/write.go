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

// Write upserts a checked load: every node first, then the relationships
// between them, each kind in batches of one transaction each, reading the
// source again for each half (and once more for brokerages and services,
// written after every transfer). Stopped part way, it has written whole
// batches only, and running it again completes the job.
func (c *Checked) Write(ctx context.Context, w Writer, opt Options) (Summary, error) {
	return writeHalves(ctx, w, opt, c.NodeCount, c.WriteNodes, c.WriteRelations)
}

// WriteNodes upserts the nodes of a checked load, the first half of Write.
func (c *Checked) WriteNodes(ctx context.Context, w Writer, opt Options) (Summary, error) {
	return writeNodes(ctx, w, opt, func(add func(*NodeItem) error) error {
		return c.Nodes(func(n NodeItem) error { return add(&n) })
	}, func(n *NodeItem) {
		if n.Status == model.StatusCreated {
			k := hashKey(n.Row.ID)
			e := c.nodes[k]
			e.created = true
			c.nodes[k] = e
		}
	})
}

// WriteRelations writes the relationships of a checked load whose nodes
// WriteNodes has written, the second half of Write.
func (c *Checked) WriteRelations(ctx context.Context, w Writer, opt Options) (Summary, error) {
	return writeRelations(ctx, w, opt, func(add func(*RelationItem) error) error {
		return c.Relations(func(r RelationItem) error { return add(&r) })
	}, func(id string) bool { return c.nodes[hashKey(id)].created })
}

// Write upserts a validated plan as Checked.Write does, and records each
// item's status in the plan.
func Write(ctx context.Context, w Writer, plan *Plan, opt Options) (Summary, error) {
	created := map[string]bool{}
	writeNodesOf := func(ctx context.Context, w Writer, opt Options) (Summary, error) {
		return writeNodes(ctx, w, opt, eachOf(plan.Nodes), func(n *NodeItem) { created[n.Row.ID] = n.Status == model.StatusCreated })
	}
	writeRelationsOf := func(ctx context.Context, w Writer, opt Options) (Summary, error) {
		return writeRelations(ctx, w, opt, eachOf(plan.Relations), func(id string) bool { return created[id] })
	}
	return writeHalves(ctx, w, opt, len(plan.Nodes), writeNodesOf, writeRelationsOf)
}

// eachOf yields the items of a plan in place, so their status is recorded there.
func eachOf[T any](items []T) func(func(*T) error) error {
	return func(add func(*T) error) error {
		for i := range items {
			if err := add(&items[i]); err != nil {
				return err
			}
		}
		return nil
	}
}

type half func(context.Context, Writer, Options) (Summary, error)

// writeHalves writes nodes, then relationships, progress counting both.
func writeHalves(ctx context.Context, w Writer, opt Options, nodeCount int, nodes, relations half) (Summary, error) {
	sum, err := nodes(ctx, w, opt)
	if err != nil {
		return sum, err
	}
	if progress := opt.Progress; progress != nil {
		// Progress counts every row: relationships after nodes.
		opt.Progress = func(done int) { progress(nodeCount + done) }
	}
	rels, err := relations(ctx, w, opt)
	rels.Nodes = sum.Nodes
	return rels, err
}

// writeNodes upserts the nodes each yields, a batch of one kind at a time,
// and tells record each node with its status.
func writeNodes(ctx context.Context, w Writer, opt Options, each func(func(*NodeItem) error) error, record func(*NodeItem)) (Summary, error) {
	var sum Summary
	b := newBatches(opt, func(kind model.NodeKind, items []*NodeItem) error {
		rows := make([]model.NodeRow, len(items))
		for i, n := range items {
			rows[i] = n.Row
		}
		statuses, err := w.UpsertNodes(ctx, kind, rows)
		if err != nil {
			return fmt.Errorf("write %s nodes from %s: %w", kind.Name(), items[0].Pos, err)
		}
		for i, n := range items {
			n.Status = statuses[i]
			sum.Nodes.add(n.Status)
			record(n)
		}
		return nil
	})
	err := each(func(n *NodeItem) error { return b.add(n.Kind, n) })
	if err == nil {
		err = b.flush()
	}
	return sum, err
}

// batchOf is where a relationship is written: its kind, and whether both
// ends were created by this load. Such a relationship cannot exist yet, so
// it is created without the search that merging needs (except the kinds a
// brokered transfer writes too, model.BrokeredKinds).
type batchOf struct {
	kind  model.RelationKind
	fresh bool
}

// writeRelations writes the relationships each yields (calling it twice
// when the load has brokered kinds), whose nodes are written; created tells
// the nodes this load created.
func writeRelations(ctx context.Context, w Writer, opt Options, each func(func(*RelationItem) error) error, created func(string) bool) (Summary, error) {
	var sum Summary
	b := newBatches(opt, func(to batchOf, items []*RelationItem) error {
		rows := make([]model.RelationRow, len(items))
		for i, r := range items {
			rows[i] = r.Row
		}
		statuses, err := writeRelationRows(ctx, w, to.kind, rows, to.fresh)
		if err != nil {
			return fmt.Errorf("write %s relationships from %s: %w", to.kind, items[0].Pos, err)
		}
		for i, r := range items {
			r.Status = statuses[i]
			sum.Relations.add(r.Status)
		}
		return nil
	})
	// A transfer's broker writes a brokerage and a service of its own
	// (neo4jdb/brokers.go), so a row of those kinds may meet one between
	// two fresh nodes, and is written after every transfer: its status then
	// does not depend on where it stands in the files.
	brokered := 0
	for _, second := range []bool{false, true} {
		if second && brokered == 0 {
			break
		}
		err := each(func(r *RelationItem) error {
			isBrokered := slices.Contains(model.BrokeredKinds, r.Kind)
			if !second && isBrokered {
				brokered++
			}
			if isBrokered != second {
				return nil
			}
			fresh := !isBrokered && created(r.Row.From) && created(r.Row.To)
			return b.add(batchOf{r.Kind, fresh}, r)
		})
		if err == nil {
			err = b.flush()
		}
		if err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// writeRelationRows creates fresh relationships or upserts others, and
// returns the status of each row.
func writeRelationRows(ctx context.Context, w Writer, kind model.RelationKind, rows []model.RelationRow, fresh bool) ([]model.UpsertStatus, error) {
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

// batches gathers items by where they are written and writes a batch when
// it is full, so a load holds at most one open batch per kind.
type batches[K comparable, T any] struct {
	opt   Options
	done  int
	open  map[K][]T
	order []K // keys in the order first seen, for flush
	write func(K, []T) error
}

func newBatches[K comparable, T any](opt Options, write func(K, []T) error) *batches[K, T] {
	return &batches[K, T]{opt: opt, open: map[K][]T{}, write: write}
}

func (b *batches[K, T]) add(k K, item T) error {
	batch, ok := b.open[k]
	if !ok {
		b.order = append(b.order, k)
	}
	batch = append(batch, item)
	if len(batch) < b.opt.batchSize() {
		b.open[k] = batch
		return nil
	}
	b.open[k] = batch[:0:0]
	return b.send(k, batch)
}

// flush writes the batches not full yet.
func (b *batches[K, T]) flush() error {
	for _, k := range b.order {
		if batch := b.open[k]; len(batch) > 0 {
			b.open[k] = nil
			if err := b.send(k, batch); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *batches[K, T]) send(k K, batch []T) error {
	if err := b.write(k, batch); err != nil {
		return err
	}
	b.done += len(batch)
	b.opt.progress(b.done)
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
	src, err := FS(fsys)
	if err != nil {
		return nil, nil, err
	}
	c, err := Check(context.Background(), src, nil)
	if err != nil {
		return nil, nil, err
	}
	plan, err := c.Plan()
	return plan, c.Problems(), err
}

// Load checks a graph shipped with the project and writes it. A problem in
// its files is an error: they are ours, not a user's.
func Load(ctx context.Context, w Writer, fsys fs.FS) (Summary, error) {
	src, err := FS(fsys)
	if err != nil {
		return Summary{}, err
	}
	c, err := Check(ctx, src, nil)
	if err == nil && len(c.Problems()) > 0 {
		err = fmt.Errorf("shipped graph %s", c.Problems()[0])
	}
	if err != nil {
		return Summary{}, err
	}
	return c.Write(ctx, w, Options{})
}

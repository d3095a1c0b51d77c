package graph

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/innograph/innograph/graph/model"
)

// batchWait is how long a loader collects keys before it queries: resolvers
// of one list run concurrently and all ask within this window.
const batchWait = 2 * time.Millisecond

// loaders batch the reads of one operation, so that a page of N parents
// costs one query per field, not N (no N+1).
type loaders struct {
	store Store
	nodes *dataloadgen.Loader[string, model.Node]

	mu      sync.Mutex
	byQuery map[model.RelationQuery]*dataloadgen.Loader[string, []model.Relation]
}

type loadersKey struct{}

func withLoaders(ctx context.Context, store Store) context.Context {
	l := &loaders{store: store, byQuery: map[model.RelationQuery]*dataloadgen.Loader[string, []model.Relation]{}}
	l.nodes = dataloadgen.NewMappedLoader(store.NodesByID, dataloadgen.WithWait(batchWait))
	return context.WithValue(ctx, loadersKey{}, l)
}

func loadersFrom(ctx context.Context) *loaders {
	return ctx.Value(loadersKey{}).(*loaders)
}

// node loads one node by id; a missing node is (nil, nil).
func (l *loaders) node(ctx context.Context, id string) (model.Node, error) {
	n, err := l.nodes.Load(ctx, id)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return nil, nil
	}
	return n, err
}

// relations returns the loader of the lists q selects.
func (l *loaders) relations(q model.RelationQuery) *dataloadgen.Loader[string, []model.Relation] {
	l.mu.Lock()
	defer l.mu.Unlock()
	loader, ok := l.byQuery[q]
	if !ok {
		loader = dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string][]model.Relation, error) {
			return l.store.Relations(ctx, q, ids)
		}, dataloadgen.WithWait(batchWait))
		l.byQuery[q] = loader
	}
	return loader
}

// prime stores the lists a prefetch read, so the relation loaders answer
// from them.
func (l *loaders) prime(p *model.Prefetched) {
	for q, lists := range p.Relations {
		loader := l.relations(q)
		for id, rels := range lists {
			loader.Prime(id, rels)
		}
	}
}

// relationsOf loads the relationships q selects around the node id.
func (l *loaders) relationsOf(ctx context.Context, q model.RelationQuery, id string) ([]model.Relation, error) {
	rels, err := l.relations(q).Load(ctx, id)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return nil, nil
	}
	return rels, err
}

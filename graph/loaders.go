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
	store Reader
	nodes *dataloadgen.Loader[string, model.Node]

	mu      sync.Mutex
	byQuery map[model.RelationQuery]*dataloadgen.Loader[string, model.RelationPage]
}

type loadersKey struct{}

func withLoaders(ctx context.Context, store Reader) context.Context {
	l := &loaders{store: store, byQuery: map[model.RelationQuery]*dataloadgen.Loader[string, model.RelationPage]{}}
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
func (l *loaders) relations(q model.RelationQuery) *dataloadgen.Loader[string, model.RelationPage] {
	l.mu.Lock()
	defer l.mu.Unlock()
	loader, ok := l.byQuery[q]
	if !ok {
		loader = dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]model.RelationPage, error) {
			return l.store.Relations(ctx, q, ids)
		}, dataloadgen.WithWait(batchWait))
		l.byQuery[q] = loader
	}
	return loader
}

// prime stores the pages a prefetch read, so the relation loaders answer
// from them.
func (l *loaders) prime(p *model.Prefetched) {
	for q, pages := range p.Relations {
		loader := l.relations(q)
		for id, page := range pages {
			loader.Prime(id, page)
		}
	}
}

// relationsOf loads the page of relationships q selects around the node
// id; a node that is gone has an empty page.
func (l *loaders) relationsOf(ctx context.Context, q model.RelationQuery, id string) (model.RelationPage, error) {
	page, err := l.relations(q).Load(ctx, id)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return model.RelationPage{}, nil
	}
	return page, err
}

package graph

import (
	"context"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/importer"
)

// The database as the resolvers use it, one interface per kind of work, so
// each helper and each test stub names only what it calls. neo4jdb.DB
// implements them all; the graph package never sees Cypher or the driver.

// Reader reads nodes, lists, relationship pages and search hits.
type Reader interface {
	NodesByID(ctx context.Context, ids []string) (map[string]model.Node, error)
	Relations(ctx context.Context, q model.RelationQuery, ids []string) (map[string]model.RelationPage, error)
	Prefetch(ctx context.Context, ids, props []string, plan []model.Prefetch) (*model.Prefetched, error)
	ListNodes(ctx context.Context, q model.ListQuery) (model.Page, error)
	Search(ctx context.Context, q model.SearchQuery) (model.Ranked[*model.SearchHit], error)
}

// Paths answers paths and expansions, each one statement under the path timeout.
type Paths interface {
	Chains(ctx context.Context, q model.ChainQuery) (*model.ChainAnswer, error)
	Network(ctx context.Context, q model.NetworkQuery) (*model.Network, error)
	ResultTrail(ctx context.Context, q model.TrailQuery) (*model.ResultTrail, error)
	TechnologySources(ctx context.Context, q model.TrailQuery) (*model.TechnologySources, error)
	SuggestPartners(ctx context.Context, q model.PartnerQuery) ([]*model.PartnerSuggestion, error)
	MatchDemand(ctx context.Context, q model.MatchQuery) ([]*model.DemandCandidate, error)
	Hubs(ctx context.Context, q model.HubQuery) (model.Ranked[*model.Hub], error)
}

// Writer runs the single-record mutations.
type Writer interface {
	CreateNode(ctx context.Context, kind model.NodeKind, id string, props map[string]any) (model.Node, error)
	UpdateNode(ctx context.Context, kind model.NodeKind, id string, props map[string]any) (model.Node, error)
	DeleteNode(ctx context.Context, id string) (*model.DeletePayload, error)
	AddRelation(ctx context.Context, kind model.RelationKind, from, to string, props map[string]any) (model.Relation, error)
	UpdateRelation(ctx context.Context, kind model.RelationKind, from, to string, key, props map[string]any) (model.Relation, error)
	RemoveRelation(ctx context.Context, kind model.RelationKind, from, to string, key map[string]any) (model.Relation, error)
}

// Importer is what importGraph hands the importer: the importer's own
// interfaces, so the bulk methods are declared once, in importer/.
type Importer interface {
	importer.Lookup
	importer.Writer
}

// Store is all of the above. Only the root resolver holds it, because the
// schema's fields reach every kind of work; the helpers take the narrow one.
type Store interface {
	Reader
	Paths
	Writer
	Importer
}

// Resolver is the root of all resolvers and the place dependencies are injected.
type Resolver struct {
	Store Store
}

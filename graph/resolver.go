package graph

import (
	"context"

	"github.com/innograph/innograph/graph/model"
)

// Store is what the resolvers need from the database. neo4jdb.DB implements
// it; the graph package never sees Cypher or the driver.
type Store interface {
	NodesByID(ctx context.Context, ids []string) (map[string]model.Node, error)
	Relations(ctx context.Context, q model.RelationQuery, ids []string) (map[string]model.RelationPage, error)
	Prefetch(ctx context.Context, ids, props []string, plan []model.Prefetch) (*model.Prefetched, error)
	ListNodes(ctx context.Context, q model.ListQuery) (model.Page, error)
	Search(ctx context.Context, q model.SearchQuery) (model.Ranked[*model.SearchHit], error)

	// Paths and expansions, each one statement under the path timeout.
	Chains(ctx context.Context, q model.ChainQuery) (*model.ChainAnswer, error)
	Network(ctx context.Context, q model.NetworkQuery) (*model.Network, error)
	ResultTrail(ctx context.Context, id string, first int) (*model.ResultTrail, error)
	TechnologySources(ctx context.Context, enterpriseID string, first int) (*model.TechnologySources, error)
	SuggestPartners(ctx context.Context, q model.PartnerQuery) ([]*model.PartnerSuggestion, error)
	Hubs(ctx context.Context, q model.HubQuery) (model.Ranked[*model.Hub], error)

	CreateNode(ctx context.Context, kind model.NodeKind, id string, props map[string]any) (model.Node, error)
	UpdateNode(ctx context.Context, kind model.NodeKind, id string, props map[string]any) (model.Node, error)
	DeleteNode(ctx context.Context, id string) (*model.DeletePayload, error)
	AddRelation(ctx context.Context, kind model.RelationKind, from, to string, props map[string]any) (model.Relation, error)
	UpdateRelation(ctx context.Context, kind model.RelationKind, from, to string, key, props map[string]any) (model.Relation, error)
	RemoveRelation(ctx context.Context, kind model.RelationKind, from, to string, key map[string]any) (model.Relation, error)

	// Bulk import (importer.Lookup and importer.Writer).
	NodeKinds(ctx context.Context, ids []string) (map[string]model.NodeKind, error)
	UpsertNodes(ctx context.Context, kind model.NodeKind, rows []model.NodeRow) ([]model.UpsertStatus, error)
	UpsertRelations(ctx context.Context, kind model.RelationKind, rows []model.RelationRow) ([]model.UpsertStatus, error)
	CreateRelations(ctx context.Context, kind model.RelationKind, rows []model.RelationRow) error
}

// Resolver is the root of all resolvers and the place dependencies are injected.
type Resolver struct {
	Store Store
}

package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/synthetic"
)

// workload is one kind of request, sent through GraphQL and run directly
// through the driver with the same Cypher (the neo4jdb package the server
// uses), over the same parameters.
type workload struct {
	name    string
	graphql Request
	direct  Request
	// same checks that both ways give the same answer for parameter i.
	same func(ctx context.Context, i int) error
}

const chainGraphQL = `query($from: ID!, $to: ID!) { chain(from: $from, to: $to, maxHops: 4) {
	exhausted truncated
	chains { length start { id } steps { kind direction node { __typename id name }
		relationship { __typename
			... on Membership { memberRole: role since } ... on Location { since graduated }
			... on Development { developmentRole: role year } ... on Transfer { mode year value }
			... on Collaboration { kind since } } } } } }`

// networkGraphQL is the standard shape of a network for a picture: each
// node's type, id and name, each edge's kind and ends.
const networkGraphQL = `query($id: ID!, $maxNodes: Int!, $maxEdges: Int!) { network(id: $id, depth: 2, maxNodes: $maxNodes, maxEdges: $maxEdges) {
	truncated nodes { distance node { __typename id name } } edges { kind fromId toId } } }`

type chainAnswer struct {
	Chain struct {
		Chains []struct {
			Start struct{ ID string }
			Steps []struct{ Node struct{ ID string } }
		}
	}
}

func (c chainAnswer) ids() []string {
	var out []string
	for _, ch := range c.Chain.Chains {
		ids := []string{ch.Start.ID}
		for _, s := range ch.Steps {
			ids = append(ids, s.Node.ID)
		}
		out = append(out, strings.Join(ids, "-"))
	}
	return out
}

func chainIDs(a *model.ChainAnswer) []string {
	var out []string
	for _, ch := range a.Chains {
		ids := []string{ch.Start.NodeID()}
		for _, s := range ch.Steps {
			ids = append(ids, s.Node.NodeID())
		}
		out = append(out, strings.Join(ids, "-"))
	}
	return out
}

type networkAnswer struct {
	Network struct {
		Nodes []struct{ Node struct{ ID string } }
		Edges []struct{ FromID, ToID string }
	}
}

// chainWorkload asks for the chains between the given pairs.
func chainWorkload(name string, gql *graphqlClient, db *neo4jdb.DB, pairs [][2]string) workload {
	query := func(i int) model.ChainQuery {
		p := pairs[i%len(pairs)]
		return model.ChainQuery{From: p[0], To: p[1], MaxHops: 4, First: 5, PathScope: model.PathScope{MaxDegree: 500}}
	}
	vars := func(i int) map[string]any {
		p := pairs[i%len(pairs)]
		return map[string]any{"from": p[0], "to": p[1]}
	}
	return workload{
		name:    name,
		graphql: func(ctx context.Context, i int) error { return gql.do(ctx, chainGraphQL, vars(i), nil) },
		direct:  func(ctx context.Context, i int) error { _, err := db.Chains(ctx, query(i)); return err },
		same: func(ctx context.Context, i int) error {
			var viaGraphQL chainAnswer
			if err := gql.do(ctx, chainGraphQL, vars(i), &viaGraphQL); err != nil {
				return err
			}
			direct, err := db.Chains(ctx, query(i))
			if err != nil {
				return err
			}
			if a, b := viaGraphQL.ids(), chainIDs(direct); !slices.Equal(a, b) {
				return fmt.Errorf("%v: GraphQL %v, driver %v", pairs[i%len(pairs)], a, b)
			}
			return nil
		},
	}
}

// networkWorkload asks for the depth-2 neighbourhood of the given nodes, at
// most maxNodes nodes and maxEdges edges among them.
func networkWorkload(gql *graphqlClient, db *neo4jdb.DB, ids []string, maxNodes, maxEdges int) workload {
	query := func(i int) model.NetworkQuery {
		return model.NetworkQuery{ID: ids[i%len(ids)], Depth: 2, MaxNodes: maxNodes, MaxEdges: maxEdges, PathScope: model.PathScope{MaxDegree: 500}, Edges: true}
	}
	vars := func(i int) map[string]any {
		return map[string]any{"id": ids[i%len(ids)], "maxNodes": maxNodes, "maxEdges": maxEdges}
	}
	return workload{
		name:    fmt.Sprintf("network depth 2, %d nodes, %d edges", maxNodes, maxEdges),
		graphql: func(ctx context.Context, i int) error { return gql.do(ctx, networkGraphQL, vars(i), nil) },
		direct:  func(ctx context.Context, i int) error { _, err := db.Network(ctx, query(i)); return err },
		same: func(ctx context.Context, i int) error {
			var viaGraphQL networkAnswer
			if err := gql.do(ctx, networkGraphQL, vars(i), &viaGraphQL); err != nil {
				return err
			}
			direct, err := db.Network(ctx, query(i))
			if err != nil {
				return err
			}
			if len(viaGraphQL.Network.Nodes) != len(direct.Nodes) || len(viaGraphQL.Network.Edges) != len(direct.Edges) {
				return fmt.Errorf("network of %s: GraphQL %d nodes %d edges, driver %d nodes %d edges", ids[i%len(ids)],
					len(viaGraphQL.Network.Nodes), len(viaGraphQL.Network.Edges), len(direct.Nodes), len(direct.Edges))
			}
			for j, n := range direct.Nodes {
				if viaGraphQL.Network.Nodes[j].Node.ID != n.Node.NodeID() {
					return fmt.Errorf("network of %s differs at node %d", ids[i%len(ids)], j)
				}
			}
			return nil
		},
	}
}

// organisations draws n enterprise or university ids of the synthetic graph
// of cfg, the same ones for the same seed.
func organisations(cfg synthetic.Config, rng *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		if rng.IntN(4) == 0 {
			out[i] = synthetic.ID("uni", rng.IntN(cfg.Universities))
		} else {
			out[i] = synthetic.ID("ent", rng.IntN(cfg.Enterprises))
		}
	}
	return out
}

// classifyPairs draws pairs of organisations and sorts them by whether a
// chain joins them within four hops, until it has want of each kind or has
// tried enough.
func classifyPairs(ctx context.Context, db *neo4jdb.DB, cfg synthetic.Config, rng *rand.Rand, want int) (connected, unconnected [][2]string, err error) {
	for tries := 0; tries < 40*want && (len(connected) < want || len(unconnected) < want); tries++ {
		ends := organisations(cfg, rng, 2)
		if ends[0] == ends[1] {
			continue
		}
		ans, err := db.Chains(ctx, model.ChainQuery{From: ends[0], To: ends[1], MaxHops: 4, First: 5, PathScope: model.PathScope{MaxDegree: 500}})
		if err != nil {
			return nil, nil, err
		}
		pair := [2]string{ends[0], ends[1]}
		if len(ans.Chains) > 0 && len(connected) < want {
			connected = append(connected, pair)
		} else if len(ans.Chains) == 0 && len(unconnected) < want {
			unconnected = append(unconnected, pair)
		}
	}
	return connected, unconnected, nil
}

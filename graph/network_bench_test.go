package graph_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/graph"
	"github.com/innograph/innograph/graph/model"
)

// networkStore answers every network with the same 200 nodes and 774 edges,
// the size of a depth-2 picture on the bench graph. It implements only
// Paths.Network; the embedded Store is nil, so any other call panics.
type networkStore struct {
	graph.Store
	net *model.Network
}

func (s *networkStore) Network(context.Context, model.NetworkQuery) (*model.Network, error) {
	return s.net, nil
}

// BenchmarkNetworkResponse measures what the server adds to a network
// answer, through the whole HTTP stack: execution and JSON, without the
// database.
func BenchmarkNetworkResponse(b *testing.B) {
	net := &model.Network{}
	for i := range 200 {
		name := fmt.Sprintf("企业%d", i)
		net.Nodes = append(net.Nodes, &model.NetworkNode{Node: &model.Enterprise{NodeBase: model.NodeBase{ID: fmt.Sprint(i), Name: name}}, Distance: 1})
	}
	for i := range 774 {
		from, to := fmt.Sprint(i%200), fmt.Sprint((i*7)%200)
		net.Edges = append(net.Edges, &model.NetworkEdge{Kind: model.RelationKindMembership, FromID: from, ToID: to,
			Relationship: &model.Membership{Ends: model.Ends{FromID: from, ToID: to}, Role: model.MemberRoleMember}})
	}
	h := apitest.Handler(&networkStore{net: net})
	body := `{"query":"query($id: ID!) { network(id: $id, depth: 2, maxNodes: 200) { truncated nodes { distance node { __typename id name } } edges { kind fromId toId } } }","variables":{"id":"x"}}`
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, apitest.NewRequest(body, ""))
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Body.String())
		}
	}
}

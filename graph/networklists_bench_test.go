package graph

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/innograph/innograph/graph/model"
)

// BenchmarkNetworkLists measures what the GraphQL layer adds to network
// answers of the sizes the explorer draws, without a database, through the
// whole handler at the default complexity limit: the lists written in one
// pass (networklists.go) next to gqlgen's generated code, which marshals an
// element per goroutine (viaGeneratedCode), in the same run.
//
//	go test ./graph/ -run '^$' -bench NetworkLists -benchmem
func BenchmarkNetworkLists(b *testing.B) {
	for _, size := range []struct{ nodes, edges int }{{200, 774}, {1000, 3870}} {
		net := benchNetwork(size.nodes, size.edges)
		query := fmt.Sprintf(`{"query":"query($id: ID!) { network(id: $id, depth: 2, maxNodes: %d, maxEdges: %d) { truncated nodes { distance node { __typename id name } } edges { kind fromId toId } } }","variables":{"id":"x"}}`,
			size.nodes, size.edges)
		h := networkHandler(net, 50000)
		run := func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(query))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Body.String(), `{"data":{"network":{`) {
					b.Fatal(rec.Code, rec.Body.String()[:min(rec.Body.Len(), 300)])
				}
			}
		}
		b.Run(fmt.Sprintf("nodes=%d/written", size.nodes), run)
		b.Run(fmt.Sprintf("nodes=%d/generated", size.nodes), func(b *testing.B) { viaGeneratedCode(func() { run(b) }) })
	}
}

// benchNetwork is a network of nodes enterprises and edges memberships
// among them, about the shape of a depth-2 picture on the bench graph.
func benchNetwork(nodes, edges int) *model.Network {
	net := &model.Network{}
	for i := range nodes {
		net.Nodes = append(net.Nodes, &model.NetworkNode{Distance: min(i, 2),
			Node: &model.Enterprise{NodeBase: model.NodeBase{ID: fmt.Sprintf("ent-%06d", i), Name: fmt.Sprintf("企业%d", i)}}})
	}
	for i := range edges {
		from, to := net.Nodes[i%nodes].Node.NodeID(), net.Nodes[(i*7)%nodes].Node.NodeID()
		net.Edges = append(net.Edges, &model.NetworkEdge{Kind: model.RelationKindMembership, FromID: from, ToID: to,
			Relationship: &model.Membership{Ends: model.Ends{FromID: from, ToID: to}, Role: model.MemberRoleMember}})
	}
	return net
}

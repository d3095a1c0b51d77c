package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/innograph/innograph/graph/model"
)

// networkStore answers every network with net. It implements only
// Paths.Network; the embedded Store is nil, so any other call panics.
type networkStore struct {
	Store
	net *model.Network
}

func (s *networkStore) Network(context.Context, model.NetworkQuery) (*model.Network, error) {
	return s.net, nil
}

// networkHandler is the GraphQL handler over a networkStore of net, with
// the given complexity limit and nothing logged.
func networkHandler(net *model.Network, complexityLimit int) http.Handler {
	auth := NewAuth(nil, nil, true)
	return auth.Middleware(NewHandler(Options{Store: &networkStore{net: net}, Auth: auth, ComplexityLimit: complexityLimit,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
}

// postNetwork sends a GraphQL document to a handler over net and returns
// the body.
func postNetwork(t testing.TB, net *model.Network, query string, vars map[string]any) string {
	t.Helper()
	h := networkHandler(net, 1<<20)
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	return rec.Body.String()
}

// viaGeneratedCode runs f with no field counted as plain, so that every
// network list goes through gqlgen's generated code, as before
// networklists.go.
func viaGeneratedCode(f func()) {
	nodes, edges, common := networkNodeFields, networkEdgeFields, nodeFields
	networkNodeFields, networkEdgeFields, nodeFields = nil, nil, nil
	defer func() { networkNodeFields, networkEdgeFields, nodeFields = nodes, edges, common }()
	f()
}

// awkwardNetwork has a node of every kind and an edge of every kind, with
// strings JSON must escape, and optional fields both set and absent.
func awkwardNetwork() *model.Network {
	text := func(s string) *string { return &s }
	base := func(i int) model.NodeBase {
		b := model.NodeBase{ID: fmt.Sprintf("n-%d \"q\" \\ <&> \u2028", i), Name: fmt.Sprintf("企业 %d \t\x01 😀", i), Synthetic: i%2 == 0}
		if i%2 == 1 {
			b.NameEn, b.Region, b.Source = text("Name \"en\""), text("内蒙古自治区/巴彦淖尔市"), text("line 1\nline 2")
			b.Aliases = []string{"简称", "a\\b"}
		}
		return b
	}
	nodes := []model.Node{
		&model.Enterprise{NodeBase: base(0)}, &model.University{NodeBase: base(1)}, &model.Alliance{NodeBase: base(2)},
		&model.Park{NodeBase: base(3)}, &model.Result{NodeBase: base(4)},
		&model.Person{NodeBase: base(5)}, &model.Intermediary{NodeBase: base(6)}, &model.Project{NodeBase: base(7)},
		&model.Demand{NodeBase: base(8)},
	}
	net := &model.Network{Truncated: true, Hubs: nodes[:2]}
	for i, n := range nodes {
		net.Nodes = append(net.Nodes, &model.NetworkNode{Node: n, Distance: i})
	}
	for i, kind := range model.AllRelationKind {
		from, to := nodes[i%len(nodes)].NodeID(), nodes[(i+1)%len(nodes)].NodeID()
		net.Edges = append(net.Edges, &model.NetworkEdge{Kind: kind, FromID: from, ToID: to,
			Relationship: &model.Membership{Ends: model.Ends{FromID: from, ToID: to}, Role: model.MemberRoleMember}})
	}
	return net
}

// TestNetworkListsWriteWhatGqlgenWrites holds the lists written in one pass
// to the bytes gqlgen's generated code writes for the same selection.
func TestNetworkListsWriteWhatGqlgenWrites(t *testing.T) {
	net := awkwardNetwork()
	for _, tc := range []struct{ name, query string }{
		{"BenchShape", `{ network(id: "x") { truncated nodes { distance node { __typename id name } } edges { kind fromId toId } } }`},
		{"IdsOnly", `{ network(id: "x") { nodes { node { id } } } }`},
		{"EveryNodeField", `{ network(id: "x") { nodes { __typename distance node { __typename id name nameEn aliases region source synthetic } } } }`},
		{"EveryEdgeField", `{ network(id: "x") { edges { __typename kind fromId toId } } }`},
		{"Fragments", `query { network(id: "x") { nodes { ...N node { ... on Enterprise { name } ... on Park { region } ...Common } } } }
			fragment N on NetworkNode { distance }
			fragment Common on Node { id }`},
		{"AliasesAndTwice", `{ network(id: "x") { a: nodes { d: distance } b: nodes { node { i: id } } nodes { node { id } } nodes { node { name } }
			e: edges { k: kind } edges { toId } } }`},
		{"SkipAndInclude", `query($yes: Boolean!) { network(id: "x") { nodes { distance @skip(if: $yes) node { id name @include(if: $yes) } }
			edges { kind @include(if: false) fromId } } }`},
		{"Empty", `{ network(id: "empty") { nodes { node { id } } edges { kind } } }`},
		{"EdgesWithRelationship", `{ network(id: "x") { nodes { node { id } } edges { kind relationship { __typename ... on Membership { role } } } } }`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := net
			if strings.Contains(tc.query, "empty") {
				n = &model.Network{}
			}
			vars := map[string]any{"yes": true}
			got := postNetwork(t, n, tc.query, vars)
			var want string
			viaGeneratedCode(func() { want = postNetwork(t, n, tc.query, vars) })
			if got != want {
				t.Errorf("written\n%s\ngenerated code\n%s", got, want)
			}
			if strings.Contains(got, `"errors"`) || !strings.Contains(got, `"network":{`) {
				t.Errorf("not a network: %s", got)
			}
		})
	}
}

// TestNetworkListErrorsNullTheNetwork: a selection the generated code
// executes still nulls the network and reports the element's path when an
// element breaks a non-null rule, as the generated list did.
func TestNetworkListErrorsNullTheNetwork(t *testing.T) {
	net := awkwardNetwork()
	net.Edges[1].Relationship = nil
	got := postNetwork(t, net, `{ network(id: "x") { nodes { node { id } } edges { relationship { __typename } } } }`, nil)
	var resp struct {
		Data   struct{ Network json.RawMessage }
		Errors []struct{ Path []any }
	}
	if err := json.Unmarshal([]byte(got), &resp); err != nil {
		t.Fatal(err)
	}
	if string(resp.Data.Network) != "null" || len(resp.Errors) != 1 || fmt.Sprint(resp.Errors[0].Path) != "[network edges 1 relationship]" {
		t.Errorf("want a null network and one error at network.edges.1.relationship, got %s", got)
	}
}

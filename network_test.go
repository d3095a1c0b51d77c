package main

import (
	"fmt"
	"strings"
	"testing"
)

type networkAnswer struct {
	Network struct {
		Nodes []struct {
			Distance int
			Node     struct{ ID string }
		}
		Edges []struct {
			Kind, FromID, ToID string
			Relationship       map[string]any
		}
		Truncated bool
		Hubs      []struct{ ID string }
	}
}

func (n networkAnswer) nodes() string {
	var ids []string
	for _, x := range n.Network.Nodes {
		ids = append(ids, x.Node.ID)
	}
	return strings.Join(ids, " ")
}

func (n networkAnswer) edges() string {
	var out []string
	for _, e := range n.Network.Edges {
		out = append(out, e.FromID+">"+e.ToID)
	}
	return strings.Join(out, " ")
}

const networkQuery = `query($id: ID!, $depth: Int, $rels: [RelationKind!], $since: Int, $maxNodes: Int, $maxDegree: Int) {
	network(id: $id, depth: $depth, relationships: $rels, since: $since, maxNodes: $maxNodes, maxDegree: $maxDegree) {
		truncated hubs { id } nodes { distance node { id } }
		edges { kind fromId toId relationship { __typename } } } }`

func TestNetwork(t *testing.T) {
	a := newAPI(t)
	a.loadGraph(chainGraph)
	for _, tc := range []struct {
		name         string
		vars         map[string]any
		nodes, edges string
		truncated    bool
	}{
		{"DepthOne", map[string]any{"id": "A", "depth": 1}, "A B L R", "A>B A>L A>R", false},
		{"DepthTwoNearestFirst", map[string]any{"id": "A"}, "A B L R C L2 P R2 U",
			"A>B A>L A>R B>L2 B>P B>U C>R R2>B U>L U>R2", false},
		{"TruncatedKeepsNearest", map[string]any{"id": "A", "maxNodes": 3}, "A B L", "A>B A>L", true},
		{"KindFilter", map[string]any{"id": "A", "rels": []string{"MEMBERSHIP"}}, "A L U", "A>L U>L", false},
		{"YearWindow", map[string]any{"id": "A", "depth": 1, "since": 2014}, "A L R", "A>L A>R", false},
		{"HubNotExpanded", map[string]any{"id": "A", "maxDegree": 2}, "A B L R C U", "A>B A>L A>R B>U C>R U>L", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out networkAnswer
			a.ok("", networkQuery, tc.vars, &out)
			if out.nodes() != tc.nodes || out.edges() != tc.edges || out.Network.Truncated != tc.truncated {
				t.Errorf("nodes %q edges %q truncated %v\nwant  %q edges %q truncated %v",
					out.nodes(), out.edges(), out.Network.Truncated, tc.nodes, tc.edges, tc.truncated)
			}
			for i, n := range out.Network.Nodes {
				if i > 0 && n.Distance < out.Network.Nodes[i-1].Distance {
					t.Errorf("nodes not nearest first: %+v", out.Network.Nodes)
				}
			}
		})
	}
	var out networkAnswer
	a.ok("", networkQuery, map[string]any{"id": "A", "maxDegree": 2}, &out)
	var hubs []string
	for _, h := range out.Network.Hubs {
		hubs = append(hubs, h.ID)
	}
	if strings.Join(hubs, " ") != "B U" {
		t.Errorf("hubs %v, want B and U (degree 5 and 4, kept but not expanded)", hubs)
	}
	// Without edges the nodes are read as far as the client selects them; the
	// fields must come out as when whole nodes are read for the edges.
	const fields = `nodes { distance node { id ... on Enterprise { name } ... on Park { name kind } ... on University { uk: kind } } } hubs { id name }`
	var projected, whole struct{ Network map[string]any }
	a.ok("", `query { network(id: "A", maxDegree: 2) { `+fields+` } }`, nil, &projected)
	a.ok("", `query { network(id: "A", maxDegree: 2) { `+fields+` edges { kind } } }`, nil, &whole)
	delete(whole.Network, "edges")
	if fmt.Sprint(projected) != fmt.Sprint(whole) || !strings.Contains(fmt.Sprint(projected), "uk:UNIVERSITY") {
		t.Errorf("nodes read for a list differ from whole nodes:\n%v\n%v", projected, whole)
	}
	a.fails("", networkQuery, map[string]any{"id": "nobody"}, "NOT_FOUND", "id")
	a.fails("", networkQuery, map[string]any{"id": "A", "depth": 0}, "BAD_USER_INPUT", "depth")
}

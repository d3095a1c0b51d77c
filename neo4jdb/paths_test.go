package neo4jdb_test

import (
	"testing"
	"time"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
	"github.com/innograph/innograph/synthetic"
)

// TestPathTimeout: a path expansion that outlives NEO4J_PATH_TIMEOUT is stopped
// by Neo4j and reported as TIMEOUT, and the database serves the next query.
func TestPathTimeout(t *testing.T) {
	shared, _ := neo4jtest.Open(t)
	neo4jtest.LoadSynthetic(t, shared, synthetic.DefaultConfig(3000, 7))

	tight := neo4jtest.Config()
	tight.PathTimeout = time.Millisecond
	db, err := neo4jdb.Open(ctx, tight, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	// Three levels around the largest hub, without a degree cap, and every
	// relationship among a thousand nodes: about 1.5 s of work, far beyond the
	// timeout and the local Neo4j's 100 ms timeout check.
	_, err = db.Network(ctx, model.NetworkQuery{ID: synthetic.ID("uni", 0), Depth: 3, MaxNodes: 1000, MaxEdges: 5000, Edges: true, Hubs: true})
	if model.ErrorCode(err) != model.CodeTimeout {
		t.Fatalf("want TIMEOUT, got %v", err)
	}
	if _, err := db.NodesByID(ctx, []string{synthetic.ID("ent", 1)}); err != nil {
		t.Errorf("the next query after a timeout: %v", err)
	}
}

// TestNetworkProps: a network asked with Props reads only those properties
// of its nodes; without, whole nodes.
func TestNetworkProps(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	neo4jtest.LoadSynthetic(t, db, synthetic.DefaultConfig(3000, 7))
	for _, tc := range []struct {
		props    []string
		withName bool
	}{{nil, true}, {[]string{"id", "name"}, true}, {[]string{"id"}, false}} {
		net, err := db.Network(ctx, model.NetworkQuery{ID: synthetic.ID("ent", 1), Depth: 2, MaxNodes: 50, Hubs: true,
			PathScope: model.PathScope{MaxDegree: 20}, Props: tc.props})
		if err != nil {
			t.Fatal(err)
		}
		if len(net.Nodes) < 2 || len(net.Hubs) == 0 {
			t.Fatalf("props %v: %d nodes, %d hubs: the test needs a neighbourhood with hubs", tc.props, len(net.Nodes), len(net.Hubs))
		}
		for _, n := range append(net.Hubs, net.Nodes[0].Node, net.Nodes[len(net.Nodes)-1].Node) {
			if n.NodeID() == "" || (nodeName(n) != "") != tc.withName {
				t.Errorf("props %v: node %q has name %q", tc.props, n.NodeID(), nodeName(n))
			}
		}
	}
}

func nodeName(n model.Node) string {
	switch v := n.(type) {
	case *model.Enterprise:
		return v.Name
	case *model.University:
		return v.Name
	case *model.Alliance:
		return v.Name
	case *model.Park:
		return v.Name
	case *model.Result:
		return v.Name
	}
	return ""
}

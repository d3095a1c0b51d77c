package edge_test

import (
	"testing"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/edge"
)

// TestFirstQuery runs the query the playground opens with on the sample graph.
func TestFirstQuery(t *testing.T) {
	a := apitest.New(t)
	a.LoadSample()
	var out struct {
		Chain struct {
			Chains []struct{ Length int }
		}
	}
	a.OK("", edge.FirstQuery, nil, &out)
	if len(out.Chain.Chains) == 0 || out.Chain.Chains[0].Length != 2 {
		t.Errorf("科河种业 and CAAS Grassland are two steps apart in the sample: %+v", out.Chain)
	}
}

package edge_test

import (
	"testing"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/edge"
)

// TestFirstQuery runs the query the playground opens with on the sample
// graph: it asks for facts only, and its answer is a chain of facts, each
// step citing the document it comes from.
func TestFirstQuery(t *testing.T) {
	a := apitest.New(t)
	a.LoadSample()
	var out struct {
		Chain struct {
			Chains []struct {
				Length int
				Steps  []struct {
					Node struct {
						Typename string `json:"__typename"`
					}
					Relationship struct {
						Source    string
						Synthetic bool
					}
				}
			}
		}
	}
	a.OK("", edge.FirstQuery, nil, &out)
	chains := out.Chain.Chains
	if len(chains) == 0 || chains[0].Length != 2 || chains[0].Steps[0].Node.Typename != "Project" {
		t.Fatalf("蒙龙机械 and the water-research institute are two steps apart, through the IP trusteeship project: %+v", out.Chain)
	}
	for _, c := range chains {
		for _, s := range c.Steps {
			if s.Relationship.Synthetic || s.Relationship.Source == "" || s.Relationship.Source == "illustrative" {
				t.Errorf("the first query answers with an illustrative step: %+v", c)
			}
		}
	}
}

package main

import (
	"log/slog"
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

// TestSampleGraphLoadsOnce: the server loads the sample graph into an
// empty database only.
func TestSampleGraphLoadsOnce(t *testing.T) {
	a := apitest.New(t)
	for range 2 { // the second time, not empty any more: a no-op
		if err := loadSample(t.Context(), a.DB, slog.New(slog.DiscardHandler)); err != nil {
			t.Fatal(err)
		}
	}
	var out struct {
		Enterprises struct{ TotalCount int } `json:"enterprises"`
		Parks       struct{ TotalCount int } `json:"parks"`
	}
	a.OK("", `{ enterprises { totalCount } parks { totalCount } }`, nil, &out)
	if out.Enterprises.TotalCount != 9 || out.Parks.TotalCount != 10 {
		t.Errorf("sample graph: %+v", out)
	}
}

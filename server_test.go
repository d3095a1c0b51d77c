package main

import (
	"log/slog"
	"testing"

	"github.com/innograph/innograph/apitest"
)

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
	if out.Enterprises.TotalCount != 10 || out.Parks.TotalCount != 10 {
		t.Errorf("sample graph: %+v", out)
	}
}

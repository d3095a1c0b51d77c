package neo4jtest

import (
	"testing"

	"github.com/innograph/innograph/importer"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/synthetic"
)

// LoadSynthetic loads the synthetic graph of cfg into db, through the same
// validation and writes as `seed generate`.
func LoadSynthetic(t testing.TB, db *neo4jdb.DB, cfg synthetic.Config) {
	t.Helper()
	var rows []importer.Row
	if err := synthetic.Generate(cfg, func(r map[string]any) error {
		rows = append(rows, importer.Row{Pos: importer.Pos{File: "generated", Line: len(rows) + 1}, Raw: r})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	plan, problems, err := importer.Validate(t.Context(), rows, db)
	if err != nil || len(problems) > 0 {
		t.Fatalf("synthetic graph: %v %v", err, problems)
	}
	if _, err := importer.Write(t.Context(), db, plan, importer.Options{}); err != nil {
		t.Fatal(err)
	}
}

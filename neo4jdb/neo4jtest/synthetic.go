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
	checked, err := importer.Check(t.Context(), synthetic.Rows(cfg), db)
	if err != nil {
		t.Fatal(err)
	}
	if problems := checked.Problems(); len(problems) > 0 {
		t.Fatalf("synthetic graph: %v", problems)
	}
	if _, err := checked.Write(t.Context(), db, importer.Options{}); err != nil {
		t.Fatal(err)
	}
}

package neo4jdb_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
)

// TestImportFilesBrokerage: a brokered transfer writes its brokerage and
// service as syncBrokerages does, one service per broker and enterprise
// with the first transfer's source, and a given row of the same key
// overrides what the transfer derived. The whole-graph comparison with a
// transactional load is seed's TestBulkMatchesTransactional.
func TestImportFilesBrokerage(t *testing.T) {
	dir := t.TempDir()
	f := neo4jdb.NewImportFiles(dir)
	transfer := func(mode, source string) model.RelationRow {
		return model.RelationRow{From: "r1", To: "e1", Props: map[string]any{"mode": mode, "year": int64(2020), "brokerId": "i1", "source": source}}
	}
	for _, r := range []struct {
		kind model.RelationKind
		row  model.RelationRow
	}{
		{model.RelationKindTransfer, transfer("ASSIGNMENT", "s1")},
		{model.RelationKindBrokerage, model.RelationRow{From: "i1", To: "r1", Props: map[string]any{"enterpriseId": "e1", "mode": "ASSIGNMENT", "year": int64(2022)}}},
		{model.RelationKindTransfer, transfer("LICENCE", "s2")},
	} {
		if err := f.Relation(r.kind, r.row); err != nil {
			t.Fatal(err)
		}
	}
	args, err := f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(args, "--relationships=BROKERAGE="+filepath.Join(dir, "relationships-BROKERAGE.csv")) || args[len(args)-1] != "--id-type=string" {
		t.Errorf("importer arguments: %v", args)
	}
	for file, want := range map[string]string{
		"relationships-TRANSFERRED_TO.csv": `:START_ID,:END_ID,mode:string,year:long,value:double,brokerId:string,source:string,synthetic:boolean
"r1","e1","ASSIGNMENT",2020,,"i1","s1",
"r1","e1","LICENCE",2020,,"i1","s2",
`,
		"relationships-BROKERAGE.csv": `:START_ID,:END_ID,enterpriseId:string,mode:string,year:long,source:string,synthetic:boolean
"i1","r1","e1","ASSIGNMENT",2022,"s1",
"i1","r1","e1","LICENCE",2020,"s2",
`,
		"relationships-SERVICE.csv": `:START_ID,:END_ID,kind:string,title:string,since:long,until:long,source:string,synthetic:boolean
"i1","e1","BROKERAGE",,,,"s1",
`,
	} {
		got, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s:\n%s\nwant\n%s", file, got, want)
		}
	}
}

func TestImportFilesRefusesUnknownProperty(t *testing.T) {
	f := neo4jdb.NewImportFiles(t.TempDir())
	err := f.Node(model.NodeKindPark, model.NodeRow{ID: "p1", Props: map[string]any{"name": "园", "colour": "red"}})
	if err == nil || !strings.Contains(err.Error(), "no column") {
		t.Errorf("a property without a column: %v", err)
	}
}

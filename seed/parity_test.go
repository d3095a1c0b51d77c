package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// TestMutationMatchesCommand: the same rows through importGraph and through
// the seed command give the same counts and the same graph.
func TestMutationMatchesCommand(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	content := goodJSONL + `{"type":"Park","id":"p1","name":"园","kind":"CASTLE"}` + "\n" +
		`{"type":"COLLABORATION","from":"u1","to":"e1","kind":"JOINT_LAB","since":2018}` + "\n"
	file := writeFile(t, "g.jsonl", content)

	_, cliOut, _ := seedRun(t, "-skip-invalid", "-rejects", filepath.Join(t.TempDir(), "r.jsonl"), file)
	viaCLI := snapshot(t, db)
	if err := db.DeleteAll(context.Background()); err != nil {
		t.Fatal(err)
	}

	var records []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(content), "\n") {
		dec := json.NewDecoder(strings.NewReader(line))
		dec.UseNumber()
		var rec map[string]any
		if err := dec.Decode(&rec); err != nil {
			t.Fatal(err)
		}
		records = append(records, rec)
	}
	var res struct {
		ImportGraph map[string]struct{ Created, Updated, Unchanged, Rejected int }
	}
	apitest.Serve(t, db).OK(apitest.WriteToken, `mutation($in: ImportInput!) { importGraph(input: $in) {
		nodes { created updated unchanged rejected } relationships { created updated unchanged rejected } } }`,
		map[string]any{"in": map[string]any{"records": records, "skipInvalid": true}}, &res)
	for _, what := range []string{"nodes", "relationships"} {
		c := res.ImportGraph[what]
		line := fmt.Sprintf("%-14s created %d, updated %d, unchanged %d, rejected %d", what+":", c.Created, c.Updated, c.Unchanged, c.Rejected)
		if !strings.Contains(cliOut, line) {
			t.Errorf("mutation counts %q are not the command's:\n%s", line, cliOut)
		}
	}
	if viaAPI := snapshot(t, db); viaAPI != viaCLI {
		t.Errorf("different graphs:\ncommand  %s\nmutation %s", viaCLI, viaAPI)
	}
}

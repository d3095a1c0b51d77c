package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innograph/innograph/graph"
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
	auth := graph.NewAuth(nil, []string{"w"}, true)
	h := auth.Middleware(graph.NewHandler(graph.Options{Store: db, Auth: auth, ComplexityLimit: 50000,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	body, _ := json.Marshal(map[string]any{
		"query": `mutation($in: ImportInput!) { importGraph(input: $in) {
			nodes { created updated unchanged rejected } relationships { created updated unchanged rejected } } }`,
		"variables": map[string]any{"in": map[string]any{"records": records, "skipInvalid": true}},
	})
	req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer w")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var res struct {
		Data struct {
			ImportGraph map[string]struct{ Created, Updated, Unchanged, Rejected int }
		}
		Errors []any
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil || len(res.Errors) > 0 {
		t.Fatalf("importGraph: %s", rec.Body)
	}
	for _, what := range []string{"nodes", "relationships"} {
		c := res.Data.ImportGraph[what]
		line := fmt.Sprintf("%-14s created %d, updated %d, unchanged %d, rejected %d", what+":", c.Created, c.Updated, c.Unchanged, c.Rejected)
		if !strings.Contains(cliOut, line) {
			t.Errorf("mutation counts %q are not the command's:\n%s", line, cliOut)
		}
	}
	if viaAPI := snapshot(t, db); viaAPI != viaCLI {
		t.Errorf("different graphs:\ncommand  %s\nmutation %s", viaCLI, viaAPI)
	}
}

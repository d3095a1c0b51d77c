package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
	"github.com/innograph/innograph/synthetic"
)

// seedRun runs the command against the test database and returns its exit
// code, standard output and standard error.
func seedRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	cfg := neo4jtest.Config()
	env := map[string]string{"NEO4J_URI": cfg.URI, "NEO4J_USER": cfg.User, "NEO4J_PASSWORD": cfg.Password, "NEO4J_DATABASE": cfg.Database}
	return runWith(t, env, args...)
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const goodJSONL = `{"type":"Enterprise","id":"e1","name":"甲企业","founded":2001,"certifications":["HIGH_TECH"],"source":"list-2024"}
{"type":"University","id":"u1","name":"乙大学","kind":"UNIVERSITY","source":"list-2024"}
{"type":"Alliance","id":"a1","name":"丙联盟","source":"list-2024"}
{"type":"MEMBERSHIP","from":"e1","to":"a1","role":"CHAIR","since":2015,"source":"list-2024"}
{"type":"MEMBERSHIP","from":"u1","to":"a1","source":"list-2024"}
`

const goodCSV = "type,from,to,kind,title,source\nCOLLABORATION,u1,e1,JOINT_LAB,联合实验室,list-2024\n"

func TestLoadIsIdempotent(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	jsonl, csv := writeFile(t, "a.jsonl", goodJSONL), writeFile(t, "b.csv", goodCSV)
	code, out, errOut := seedRun(t, jsonl, csv)
	if code != exitOK || !strings.Contains(out, "nodes:         created 3, updated 0, unchanged 0, rejected 0") ||
		!strings.Contains(out, "relationships: created 3, updated 0, unchanged 0, rejected 0") {
		t.Fatalf("first load: exit %d\n%s%s", code, out, errOut)
	}
	before := snapshot(t, db)
	code, out, _ = seedRun(t, jsonl, csv)
	if code != exitOK || !strings.Contains(out, "nodes:         created 0, updated 0, unchanged 3") ||
		!strings.Contains(out, "relationships: created 0, updated 0, unchanged 3") {
		t.Fatalf("second load: exit %d\n%s", code, out)
	}
	if after := snapshot(t, db); after != before {
		t.Errorf("a second load changed the graph:\n%s\n%s", before, after)
	}
	changed := writeFile(t, "c.jsonl", strings.Replace(goodJSONL, `"founded":2001`, `"founded":2002`, 1))
	if _, out, _ = seedRun(t, changed); !strings.Contains(out, "nodes:         created 0, updated 1, unchanged 2") {
		t.Errorf("a changed row updates its node:\n%s", out)
	}
	nodes, _ := db.NodesByID(context.Background(), []string{"e1"})
	if *nodes["e1"].(*model.Enterprise).Founded != 2002 {
		t.Error("the changed value was not written")
	}
}

// snapshot renders the test graph's nodes and relationships for comparison.
func snapshot(t *testing.T, db *neo4jdb.DB) string {
	t.Helper()
	ctx := context.Background()
	nodes, err := db.NodesByID(ctx, []string{"e1", "u1", "a1"})
	if err != nil {
		t.Fatal(err)
	}
	rels, err := db.Relations(ctx, model.RelationQuery{Kind: model.RelationKindMembership, Dir: model.Incoming, First: 10}, []string{"a1"})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal([]any{nodes, rels})
	return string(b)
}

func TestStrictModeWritesNothing(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	bad := writeFile(t, "bad.jsonl", goodJSONL+`{"type":"Park","id":"p1","name":"园","kind":"CASTLE"}`+"\n")
	code, _, errOut := seedRun(t, bad)
	if code != exitInvalid || !strings.Contains(errOut, "bad.jsonl:6: kind: must be one of") || !strings.Contains(errOut, "nothing written") {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if empty, _ := db.IsEmpty(context.Background()); !empty {
		t.Error("strict mode wrote rows despite an invalid one")
	}
}

func TestSkipInvalidWritesExactlyTheGoodRows(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	bad := writeFile(t, "mixed.jsonl", goodJSONL+
		`{"type":"Park","id":"p1","name":"园","kind":"CASTLE"}`+"\n"+
		`{"type":"MEMBERSHIP","from":"ghost","to":"a1"}`+"\n")
	rejects := filepath.Join(t.TempDir(), "rejects.jsonl")
	code, out, _ := seedRun(t, "-skip-invalid", "-rejects", rejects, bad)
	if code != exitInvalid || !strings.Contains(out, "nodes:         created 3, updated 0, unchanged 0, rejected 1") ||
		!strings.Contains(out, "relationships: created 2, updated 0, unchanged 0, rejected 1") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	got, _ := db.NodesByID(context.Background(), []string{"e1", "u1", "a1", "p1"})
	if len(got) != 3 || got["p1"] != nil {
		t.Errorf("nodes written: %v", got)
	}
	content, err := os.ReadFile(rejects)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(content)), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"line":6`) || !strings.Contains(lines[1], `"field":"from"`) ||
		!strings.Contains(lines[1], `"record":{`) {
		t.Errorf("rejects file:\n%s", content)
	}
}

func TestEveryValidationError(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	if code, out, errOut := seedRun(t, writeFile(t, "base.jsonl", goodJSONL)); code != exitOK {
		t.Fatalf("base load: %s %s", out, errOut)
	}
	for _, tc := range []struct {
		name, file, content, want string
	}{
		{"NotJSON", "f.jsonl", "{oops\n", "f.jsonl:1: not a JSON object"},
		{"UnknownType", "f.jsonl", `{"type":"Spaceship","id":"s"}` + "\n", `f.jsonl:1: type: unknown type "Spaceship"`},
		{"MissingID", "f.jsonl", `{"type":"Enterprise","name":"x"}` + "\n", "f.jsonl:1: id: is required"},
		{"MissingName", "f.jsonl", `{"type":"Enterprise","id":"x"}` + "\n", "f.jsonl:1: name: is required"},
		{"BadEnum", "f.jsonl", `{"type":"University","id":"x","name":"x","kind":"SCHOOL"}` + "\n", "f.jsonl:1: kind: must be one of"},
		{"YearRange", "f.jsonl", `{"type":"Result","id":"x","name":"x","kind":"PATENT","year":2200}` + "\n", "f.jsonl:1: year: year 2200 is outside 1900–2100"},
		{"UnknownField", "f.jsonl", `{"type":"Enterprise","id":"x","name":"x","colour":"red"}` + "\n", "f.jsonl:1: colour: unknown field"},
		{"BadCreditCode", "f.jsonl", `{"type":"Enterprise","id":"x","name":"x","creditCode":"91350100M000100Y40"}` + "\n", "f.jsonl:1: creditCode: check character"},
		{"DuplicateConflict", "f.jsonl", `{"type":"Alliance","id":"x","name":"x"}` + "\n" + `{"type":"Alliance","id":"x","name":"y"}` + "\n",
			`f.jsonl:2: id: "x" is also at`},
		{"EndNowhere", "f.jsonl", `{"type":"MEMBERSHIP","from":"e1","to":"nowhere"}` + "\n", `f.jsonl:1: to: no node with id "nowhere" in this load or the database`},
		{"EndWrongType", "f.jsonl", `{"type":"TRANSFER","from":"e1","to":"e1","mode":"LICENCE"}` + "\n", `f.jsonl:1: from: "e1" is of type Enterprise; expected Result`},
		{"ExistingOtherKind", "f.jsonl", `{"type":"Park","id":"e1","name":"x","kind":"INCUBATOR"}` + "\n", `f.jsonl:1: id: "e1" is already in the database, of type Enterprise`},
		{"RaggedCSV", "f.csv", "type,id,name\nEnterprise,x\n", "f.csv:2: has 2 cells, the header 3"},
		{"NULInName", "f.jsonl", `{"type":"Enterprise","id":"x","name":"a\u0000b"}` + "\n", "f.jsonl:1: name: contains the control character U+0000"},
		{"BidiInAlias", "f.jsonl", `{"type":"Enterprise","id":"x","name":"x","aliases":["ok","\u202egnp.exe"]}` + "\n",
			"f.jsonl:1: aliases: item 2 contains the bidirectional formatting character U+202E"},
		{"NULInRelationSource", "f.jsonl", `{"type":"MEMBERSHIP","from":"e1","to":"a1","source":"a\u0000"}` + "\n",
			"f.jsonl:1: source: contains the control character U+0000"},
		{"EscapeInCSVTitle", "f.csv", "type,from,to,kind,title\nCOLLABORATION,u1,e1,JOINT_LAB,\x1b[2Jx\n",
			"f.csv:2: title: contains the control character U+001B"},
		{"EscapeInUnknownKey", "f.jsonl", `{"type":"Enterprise","id":"x","name":"x","\u001b[31m":"red"}` + "\n", `f.jsonl:1: "\x1b[31m": unknown field`},
		{"EndIDWithIsolate", "f.jsonl", `{"type":"MEMBERSHIP","from":"e1\u2066","to":"a1"}` + "\n", `f.jsonl:1: from: "e1\u2066" may contain only`},
		{"CSVYear", "f.csv", "type,id,name,founded\nEnterprise,x,x,next year\n", "f.csv:2: founded: must be a whole number"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := seedRun(t, writeFile(t, tc.file, tc.content))
			if code != exitInvalid || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, want %d with %q in:\n%s", code, exitInvalid, tc.want, errOut)
			}
		})
	}
	t.Run("EndInDatabase", func(t *testing.T) {
		code, out, errOut := seedRun(t, writeFile(t, "f.jsonl", `{"type":"DEVELOPMENT","from":"u1","to":"r9"}`+"\n"+
			`{"type":"Result","id":"r9","name":"成果","kind":"PATENT"}`+"\n"))
		if code != exitOK || !strings.Contains(out, "relationships: created 1") {
			t.Errorf("an end already in the database is accepted: exit %d\n%s%s", code, out, errOut)
		}
	})
	if got, _ := db.NodesByID(context.Background(), []string{"x", "s"}); len(got) != 0 {
		t.Errorf("rejected loads wrote nodes: %v", got)
	}
}

// TestStrictModeBadLastRow: a load validates every row before it writes
// one, so a bad row at the end of a large input, after many batches' worth
// of good rows, still leaves the database untouched.
func TestStrictModeBadLastRow(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	var b strings.Builder
	enc := json.NewEncoder(&b)
	if err := synthetic.Generate(synthetic.DefaultConfig(2000, 7), func(r map[string]any) error { return enc.Encode(r) }); err != nil {
		t.Fatal(err)
	}
	rows := strings.Count(b.String(), "\n")
	b.WriteString(`{"type":"MEMBERSHIP","from":"s-ent-000001","to":"nowhere"}` + "\n")
	code, out, errOut := seedRun(t, "-batch-size", "100", writeFile(t, "big.jsonl", b.String()))
	want := fmt.Sprintf(`big.jsonl:%d: to: no node with id "nowhere"`, rows+1)
	if code != exitInvalid || !strings.Contains(errOut, want) || !strings.Contains(errOut, "nothing written") {
		t.Fatalf("exit %d, want %d with %q:\n%s%s", code, exitInvalid, want, out, errOut)
	}
	if empty, _ := db.IsEmpty(context.Background()); !empty {
		t.Errorf("strict mode wrote some of %d rows before the bad last one", rows)
	}
}

// TestBrokeredRowsAfterTransfers: a brokered transfer writes its brokerage
// and service (neo4jdb/brokers.go); rows of those kinds are written after
// every transfer, so their counts do not depend on where they stand in the
// files (here before the transfer: unchanged, as the transfer wrote them).
func TestBrokeredRowsAfterTransfers(t *testing.T) {
	neo4jtest.Open(t)
	file := writeFile(t, "b.jsonl", `{"type":"BROKERAGE","from":"i1","to":"r1","enterpriseId":"e1","mode":"LICENCE","year":2020}
{"type":"SERVICE","from":"i1","to":"e1","kind":"BROKERAGE"}
{"type":"Enterprise","id":"e1","name":"甲"}
{"type":"Result","id":"r1","name":"成果","kind":"PATENT"}
{"type":"Intermediary","id":"i1","name":"技术转移中心","kind":"TRANSFER_AGENCY"}
{"type":"TRANSFER","from":"r1","to":"e1","mode":"LICENCE","year":2020,"brokerId":"i1"}
`)
	for _, want := range []string{"relationships: created 1, updated 0, unchanged 2", "relationships: created 0, updated 0, unchanged 3"} {
		if code, out, errOut := seedRun(t, "-batch-size", "1", file); code != exitOK || !strings.Contains(out, want) {
			t.Errorf("exit %d, want %q:\n%s%s", code, want, out, errOut)
		}
	}
}

package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// edgeJSONL holds what the CSV files must carry exactly: quotes, commas,
// newlines and backslashes in strings, an empty list and a list item with
// ';', large and fractional amounts, brokered transfers (one broker, one
// enterprise, two modes: one service) and given rows of the kinds a
// transfer derives, which the given values override.
const edgeJSONL = `{"type":"Enterprise","id":"x-e1","name":"甲, \"乙\" 公司","aliases":[],"source":"line one\nline two, \"quoted\" \\ end"}
{"type":"Enterprise","id":"x-e2","name":"丁公司","aliases":["a;b","c"]}
{"type":"Result","id":"x-r1","name":"专利","kind":"PATENT"}
{"type":"Intermediary","id":"x-i1","name":"技术市场","kind":"TECHNOLOGY_MARKET"}
{"type":"TRANSFER","from":"x-r1","to":"x-e1","mode":"ASSIGNMENT","year":2020,"value":1234.5,"brokerId":"x-i1","source":"s1","synthetic":true}
{"type":"TRANSFER","from":"x-r1","to":"x-e1","mode":"LICENCE","year":2021,"value":10000000,"brokerId":"x-i1","source":"s2"}
{"type":"SERVICE","from":"x-i1","to":"x-e1","kind":"BROKERAGE","title":"经纪服务","since":2019}
{"type":"TRANSFER","from":"x-r1","to":"x-e2","mode":"ASSIGNMENT","brokerId":"x-i1"}
{"type":"BROKERAGE","from":"x-i1","to":"x-r1","enterpriseId":"x-e2","mode":"ASSIGNMENT","year":2022}
{"type":"COLLABORATION","from":"x-e2","to":"x-e1","kind":"JOINT_LAB"}
`

// TestBulkMatchesTransactional: the same rows loaded through transactions
// and through the offline importer into a new local database give the same
// graph, every node and relationship with every property and its type.
func TestBulkMatchesTransactional(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	script := localScript(t)
	files := t.TempDir()
	if code, _, errOut := seedRun(t, "generate", "-nodes", "2000", "-seed", "7", "-out", files); code != exitOK {
		t.Fatalf("generate: %s", errOut)
	}
	if err := os.WriteFile(filepath.Join(files, "edge.jsonl"), []byte(edgeJSONL), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := seedRun(t, files); code != exitOK {
		t.Fatalf("transactional load: exit %d\n%s%s", code, out, errOut)
	}
	want := neo4jtest.Dump(t, neo4jtest.Config())
	if err := db.DeleteAll(context.Background()); err != nil {
		t.Fatal(err)
	}

	dir := filepath.Join(t.TempDir(), "neo4j")
	code, out, errOut := seedRun(t, "bulk", "-neo4j-dir", dir, "-neo4j-local", script, files)
	if code != exitOK || !strings.Contains(out, "bulk: ") {
		t.Fatalf("bulk load: exit %d\n%s%s", code, out, errOut)
	}
	cfg := startLocal(t, script, dir)
	bulkDB, err := neo4jdb.Open(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bulkDB.Close(context.Background())
	if err := bulkDB.EnsureSchema(context.Background()); err != nil {
		t.Fatalf("the server's schema on the imported store: %v", err)
	}
	got := neo4jtest.Dump(t, cfg)
	if diff := lineDiff(want, got); diff != "" {
		t.Errorf("bulk graph (%d lines) differs from transactional (%d lines):\n%s", len(got), len(want), diff)
	}
	if len(want) < 10000 {
		t.Errorf("only %d nodes and relationships compared", len(want))
	}
}

func TestBulkRefuses(t *testing.T) {
	file := writeFile(t, "g.jsonl", goodJSONL)
	existing := t.TempDir()
	if err := os.MkdirAll(filepath.Join(existing, "data", "databases", "neo4j"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, uri, dir, want string
	}{
		{"existing database", "", existing, "only creates a new database"},
		{"Aura", "neo4j+s://abcd1234.databases.neo4j.io", t.TempDir(), "is not a local database"},
		{"remote server", "bolt://db.example.com:7687", t.TempDir(), "is not a local database"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{"NEO4J_URI": tc.uri}
			code, _, errOut := runWith(t, env, "bulk", "-neo4j-dir", tc.dir, file)
			if code != exitFailed || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, want %d with %q:\n%s", code, exitFailed, tc.want, errOut)
			}
		})
	}
	// Strict mode: a bad row writes nothing, not even the directory.
	bad := writeFile(t, "bad.jsonl", goodJSONL+`{"type":"Park","id":"p1","name":"园","kind":"CASTLE"}`+"\n")
	dir := filepath.Join(t.TempDir(), "neo4j")
	code, _, errOut := runWith(t, nil, "bulk", "-neo4j-dir", dir, bad)
	if code != exitInvalid || !strings.Contains(errOut, "bad.jsonl:6: kind: must be one of") || !strings.Contains(errOut, "nothing written") {
		t.Errorf("exit %d\n%s", code, errOut)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("strict mode with a bad row made %s (%v)", dir, err)
	}
}

// runWith runs the command with the given environment only.
func runWith(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	dir := t.TempDir()
	stdout, _ := os.Create(filepath.Join(dir, "stdout"))
	stderr, _ := os.Create(filepath.Join(dir, "stderr"))
	code := run(context.Background(), args, func(k string) string { return env[k] }, stdout, stderr)
	stdout.Close()
	stderr.Close()
	out, _ := os.ReadFile(stdout.Name())
	errOut, _ := os.ReadFile(stderr.Name())
	return code, string(out), string(errOut)
}

// localScript is scripts/neo4j-local.sh, which needs Java (and Maven once).
func localScript(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("java"); err != nil {
		t.Skip("no java: the bulk load runs Neo4j's importer from the local launcher")
	}
	script, err := filepath.Abs("../scripts/neo4j-local.sh")
	if err != nil {
		t.Fatal(err)
	}
	return script
}

// startLocal starts the local Neo4j of dir on a free port until the test
// ends, and returns its configuration.
func startLocal(t *testing.T, script, dir string) neo4jdb.Config {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	env := append(os.Environ(), "NEO4J_LOCAL_DIR="+dir, fmt.Sprintf("NEO4J_LOCAL_PORT=%d", port),
		"NEO4J_LOCAL_HEAP=1g", "NEO4J_LOCAL_PAGECACHE=256m", "NEO4J_LOCAL_PASSWORD=innograph-dev")
	local := func(verb string) ([]byte, error) {
		cmd := exec.Command(script, verb)
		cmd.Env = env
		return cmd.CombinedOutput()
	}
	t.Cleanup(func() {
		if out, err := local("stop"); err != nil {
			t.Errorf("stop local Neo4j: %v\n%s", err, out)
		}
	})
	if out, err := local("start"); err != nil {
		t.Fatalf("start local Neo4j on the imported store: %v\n%s", err, out)
	}
	cfg := neo4jdb.DefaultConfig()
	cfg.URI, cfg.User, cfg.Password = fmt.Sprintf("bolt://127.0.0.1:%d", port), "neo4j", "innograph-dev"
	return cfg
}

// lineDiff lists up to 20 lines that only one of two sorted lists holds.
func lineDiff(want, got []string) string {
	var b strings.Builder
	n := 0
	i, j := 0, 0
	for (i < len(want) || j < len(got)) && n < 20 {
		switch {
		case j == len(got) || (i < len(want) && want[i] < got[j]):
			fmt.Fprintf(&b, "- %s\n", want[i])
			i++
			n++
		case i == len(want) || got[j] < want[i]:
			fmt.Fprintf(&b, "+ %s\n", got[j])
			j++
			n++
		default:
			i++
			j++
		}
	}
	return b.String()
}

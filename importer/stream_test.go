package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestStreamingKeepsOutcomes: the same files give the same problems and
// valid rows as before loads streamed, whether read from disk (Files), an
// fs.FS (Parse) or rows in memory (Validate).
func TestStreamingKeepsOutcomes(t *testing.T) {
	for _, tc := range streamCases {
		t.Run(tc.name, func(t *testing.T) {
			dir, fsys := t.TempDir(), fstest.MapFS{}
			var rows []Row
			for name, content := range tc.files {
				fsys[name] = &fstest.MapFile{Data: []byte(content)}
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			src, err := FS(fsys)
			if err != nil {
				t.Fatal(err)
			}
			if err := src(func(r Row) error { rows = append(rows, r); return nil }); err != nil {
				t.Fatal(err)
			}
			files, err := Files([]string{dir})
			if err != nil {
				t.Fatal(err)
			}
			checked, err := Check(t.Context(), files, nil)
			if err != nil {
				t.Fatal(err)
			}
			fromDisk, err := checked.Plan()
			if err != nil {
				t.Fatal(err)
			}
			// Files names rows by their path; the outcomes name the file.
			got := strings.ReplaceAll(outcome(fromDisk, checked.Problems()), dir+string(filepath.Separator), "")
			if got != tc.want {
				t.Errorf("files on disk:\n got %s\nwant %s", got, tc.want)
			}
			if n, r := checked.NodeCount, checked.RelationCount; n != len(fromDisk.Nodes) || r != len(fromDisk.Relations) {
				t.Errorf("counts %d nodes, %d relationships; yielded %d, %d", n, r, len(fromDisk.Nodes), len(fromDisk.Relations))
			}
			plan, problems, err := Parse(fsys)
			if err != nil || outcome(plan, problems) != tc.want {
				t.Errorf("Parse: %v\n%s", err, outcome(plan, problems))
			}
			plan, problems, err = Validate(t.Context(), rows, nil)
			if err != nil || outcome(plan, problems) != tc.want {
				t.Errorf("Validate: %v\n%s", err, outcome(plan, problems))
			}
		})
	}
}

// A CSV row the reader cannot parse (an unclosed quote) is a problem at its
// line, not a panic of the reader's position.
func TestUnparsableCSVRow(t *testing.T) {
	csv := "type,id,name\nEnterprise,e1,甲\n\"bad,quote\n"
	_, problems, err := Parse(fstest.MapFS{"a.csv": {Data: []byte(csv)}})
	if err != nil || len(problems) != 1 || !strings.HasPrefix(problems[0].String(), "a.csv:3: not a CSV row") {
		t.Fatalf("want one problem at a.csv:3, got %v %v", err, problems)
	}
}

// A file named twice is read once, as its repeated rows would add nothing.
func TestFileNamedTwice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.jsonl")
	if err := os.WriteFile(path, []byte(`{"type":"Enterprise","id":"e1","name":"甲"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := Files([]string{path, filepath.Join(filepath.Dir(path), ".", "g.jsonl")})
	if err != nil {
		t.Fatal(err)
	}
	checked, err := Check(t.Context(), src, nil)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := checked.Plan()
	if err != nil || len(plan.Nodes) != 1 || len(checked.Problems()) != 0 {
		t.Errorf("want the node once: %v %+v %v", err, plan, checked.Problems())
	}
}

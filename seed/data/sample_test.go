package data_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/importer"
	"github.com/innograph/innograph/seed/data"
)

// A fact's source is the file name of the document it comes from, then one
// remark a line for each text value the document does not state in those
// words (seed/README.md, "The data that ships"):
//
//	inferred <field>: why    the value is not in the document; read from elsewhere
//	normalised <field>: …    stated, but written otherwise there: the remark
//	                         quotes the document's own words in “…”
var remark = regexp.MustCompile(`^(inferred|normalised) ([A-Za-z]+): \S`)

// TestFactsSayWhatTheirDocumentsSay reads every record of facts.jsonl against
// the document it cites: each text it states (a name, an alias, an industry,
// a field, a title, a role, a programme, the place a region ends in) must
// appear in that document, or the record's source must say why not; and the
// words a "normalised" remark quotes must be the document's.
func TestFactsSayWhatTheirDocumentsSay(t *testing.T) {
	documents := seedDocuments(t)
	plan, problems, err := importer.Parse(data.Sample)
	if err != nil || len(problems) > 0 {
		t.Fatalf("the sample graph must load cleanly: %v %v", err, problems)
	}
	check := func(pos importer.Pos, fields []model.FieldRule, props map[string]any) {
		if pos.File != "facts.jsonl" {
			return
		}
		source, _ := props["source"].(string)
		doc, remarks, _ := strings.Cut(source, "\n")
		text, ok := documents[doc]
		if !ok {
			t.Errorf("%s: source %q does not start with a source document's file name", pos, doc)
			return
		}
		remarked := map[string]bool{}
		for line := range strings.SplitSeq(remarks, "\n") {
			if remarks == "" {
				break
			}
			m := remark.FindStringSubmatch(line)
			if m == nil {
				t.Errorf("%s: source line %q is not `inferred <field>: why` or `normalised <field>: …“words”…`", pos, line)
				continue
			}
			if props[m[2]] == nil {
				t.Errorf("%s: the remark %q is about a field the record does not have", pos, line)
			}
			remarked[m[2]] = true
			if m[1] != "normalised" {
				continue
			}
			quotes := regexp.MustCompile(`“([^”]+)”`).FindAllStringSubmatch(line, -1)
			if len(quotes) == 0 {
				t.Errorf("%s: %q quotes none of the document's words", pos, line)
			}
			for _, q := range quotes {
				if text != "" && !strings.Contains(text, comparable(q[1])) {
					t.Errorf("%s: %s does not write %q", pos, doc, q[1])
				}
			}
		}
		if text == "" {
			return // the documents are not here: the remarks' form is all we can check
		}
		for _, f := range fields {
			if !stated(f) || remarked[f.Name] {
				continue
			}
			for _, v := range values(props[f.Name]) {
				if f.Name == "region" {
					v = place(v)
				}
				if !strings.Contains(text, comparable(v)) {
					t.Errorf("%s: %s %q is not in %s: make it what the document says, or say why in source", pos, f.Name, v, doc)
				}
			}
		}
	}
	for _, n := range plan.Nodes {
		check(n.Pos, model.NodeSpecs[n.Kind].Fields, n.Row.Props)
	}
	for _, r := range plan.Relations {
		check(r.Pos, model.RelationSpecs[r.Kind].Fields, r.Row.Props)
	}
}

// stated says whether a field holds words a document would state: text and
// text lists, but not the source itself, ids of other nodes, or nameEn (a
// translation, which no Chinese document states).
func stated(f model.FieldRule) bool {
	if f.Type != model.TypeString && f.Type != model.TypeStringList {
		return false
	}
	return f.Name != "source" && f.Name != "nameEn" && !strings.HasSuffix(f.Name, "Id")
}

func values(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []string:
		return v
	case []any:
		var out []string
		for _, s := range v {
			out = append(out, s.(string))
		}
		return out
	}
	return nil
}

// place is the place a region path ends in, without the suffix of its
// level (临河区 is 临河): the path above it is the administrative hierarchy
// (巴彦淖尔市 lies in 内蒙古自治区), not a claim the document must make.
func place(region string) string {
	leaf := []rune(region[strings.LastIndex(region, "/")+1:])
	if len(leaf) > 2 && strings.ContainsRune("省市区县旗盟", leaf[len(leaf)-1]) {
		leaf = leaf[:len(leaf)-1]
	}
	return string(leaf)
}

// comparable drops what the documents' layout puts inside words (line
// breaks, spaces, quotation marks) and folds Latin letters to lower case,
// so that a value is found however the page set it.
func comparable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune(`“”"「」`, r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// seedDocuments maps the five source documents' file names to their text,
// made comparable. The documents live beside the repository (shared/seeds
// on the team's machines, or INNOGRAPH_SEEDS); where they are absent, the
// names map to "" and only the form of the records is checked.
func seedDocuments(t *testing.T) map[string]string {
	docs := map[string]string{}
	for _, name := range []string{"000_a81f105a2e9f2a8f.txt", "001_5f9d985e37db4bf6.txt", "002_0e064e86f7ce1e42.txt",
		"003_078a39f11d01db9f.txt", "004_23b71afcdb993a23.txt"} {
		docs[name] = ""
	}
	dir := os.Getenv("INNOGRAPH_SEEDS")
	for d, _ := filepath.Abs("."); dir == "" && d != filepath.Dir(d); d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "shared", "seeds")); err == nil {
			dir = filepath.Join(d, "shared", "seeds")
		}
	}
	if dir == "" {
		t.Log("the source documents are not beside the repository (shared/seeds; INNOGRAPH_SEEDS): checking the records' form only")
		return docs
	}
	for name := range docs {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		docs[name] = comparable(string(b))
	}
	return docs
}

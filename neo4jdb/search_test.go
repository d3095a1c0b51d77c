package neo4jdb

import (
	"strings"
	"testing"
)

func TestEscapeLucene(t *testing.T) {
	for in, want := range map[string]string{
		"科河种业":             "科河种业",
		"a+b (c)":          `a\+b \(c\)`,
		"AND OR NOT x":     "and or not x",
		`title:"x" AND y*`: `title\:\"x\" and y\*`,
		"  多  空格 ":         "多 空格",
	} {
		if got := EscapeLucene(in); got != want {
			t.Errorf("EscapeLucene(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSchemaStatements(t *testing.T) {
	stmts := schemaStatements()
	if len(stmts) < 5 {
		t.Fatalf("only %d statements", len(stmts))
	}
	for _, s := range stmts {
		if strings.Contains(s, "//") || !strings.Contains(s, "IF NOT EXISTS") {
			t.Errorf("statement is not a clean idempotent one: %q", s)
		}
	}
}

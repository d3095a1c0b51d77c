package main

import (
	"bufio"
	"strings"
	"testing"

	"github.com/innograph/innograph/graph/hostile"
)

func TestRenderTable(t *testing.T) {
	var b strings.Builder
	renderTable(&b, []check{
		{Name: "a | b", Expected: "1  2", Observed: "1", Pass: true, Numbers: "two\nlines"},
		{Name: "c", Expected: "0", Observed: "3"},
	})
	want := "| check | expected | observed | result | numbers |\n" +
		"|---|---|---|---|---|\n" +
		"| a \\| b | 1  2 | 1 | PASS | two lines |\n" +
		"| c | 0 | 3 | FAIL | – |\n" +
		"\n1 of 2 checks passed.\n"
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestReplaceBlock(t *testing.T) {
	doc := "# R\n\n## Chaos battery\n" + beginMarker + "\nold\n" + endMarker + "\n\n## Load shedding\nkept\n"
	got, err := replaceBlock(doc, "\nnew table\n")
	if err != nil {
		t.Fatal(err)
	}
	if want := "# R\n\n## Chaos battery\n" + beginMarker + "\nnew table\n" + endMarker + "\n\n## Load shedding\nkept\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := replaceBlock("no markers", "x"); err == nil {
		t.Error("a document without markers must be refused")
	}
}

func TestParseVmRSS(t *testing.T) {
	status := "Name:\tinnograph\nVmPeak:\t  900 kB\nVmRSS:\t   12345 kB\nThreads:\t8\n"
	got, err := parseVmRSS(bufio.NewScanner(strings.NewReader(status)))
	if err != nil || got != 12345<<10 {
		t.Errorf("parseVmRSS = %d, %v", got, err)
	}
	if _, err := parseVmRSS(bufio.NewScanner(strings.NewReader("Name:\tx\n"))); err == nil {
		t.Error("a status without VmRSS must be an error")
	}
}

func TestShapes(t *testing.T) {
	if q := hostile.ConflictingAliases(3); q != `{ a: __typename a: node(id: "x1") { id } a: node(id: "x2") { id } }` {
		t.Errorf("conflictingAliases(3) = %s", q)
	}
	if q := hostile.RepeatedField("e", 3); q != `{ node(id: "e") { id id id } }` {
		t.Errorf("repeatedFields = %s", q)
	}
	q := deepNesting("e", 2)
	if strings.Count(q, "{") != strings.Count(q, "}") || strings.Count(q, "alliances(first: 1)") != 2 {
		t.Errorf("deepNesting(2) = %s", q)
	}
}

package main

import (
	"fmt"
	"io"
	"strings"
)

// check is one row of the battery's table.
type check struct {
	Name     string
	Expected string
	Observed string
	Pass     bool
	Numbers  string
}

// renderTable writes the checks as one Markdown table, so that the same
// text reads in a terminal and pastes into docs/reliability.md.
func renderTable(w io.Writer, checks []check) {
	fmt.Fprintln(w, "| check | expected | observed | result | numbers |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, c := range checks {
		result := "FAIL"
		if c.Pass {
			result = "PASS"
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", cell(c.Name), cell(c.Expected), cell(c.Observed), result, cell(c.Numbers))
	}
	fmt.Fprintf(w, "\n%d of %d checks passed.\n", len(checks)-failures(checks), len(checks))
}

// cell keeps a value inside its table cell: one line, no column breaks.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.TrimSpace(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s))
	if s == "" {
		return "–"
	}
	return s
}

func failures(checks []check) int {
	n := 0
	for _, c := range checks {
		if !c.Pass {
			n++
		}
	}
	return n
}

// Markers around the table in docs/reliability.md; -docs rewrites what lies between.
const (
	beginMarker = "<!-- chaos:begin -->"
	endMarker   = "<!-- chaos:end -->"
)

// replaceBlock puts text between the markers of doc.
func replaceBlock(doc, text string) (string, error) {
	i := strings.Index(doc, beginMarker)
	j := strings.Index(doc, endMarker)
	if i < 0 || j < i {
		return "", fmt.Errorf("want %s … %s in the document", beginMarker, endMarker)
	}
	return doc[:i+len(beginMarker)] + "\n" + strings.TrimSpace(text) + "\n" + doc[j:], nil
}

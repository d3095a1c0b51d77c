package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/innograph/innograph/graph"
)

// TestReadmeQueries runs every GraphQL example of README.md against the
// sample graph: each must succeed, and every chain example must find chains.
func TestReadmeQueries(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 10 {
		t.Fatalf("found %d GraphQL examples in README.md", len(blocks))
	}
	a := newAPI(t)
	a.loadSampleGraph()
	for _, b := range blocks {
		query := b[1]
		res := a.do(writeToken, query, nil)
		if len(res.Errors) > 0 {
			t.Errorf("README example fails: %+v\n%s", res.Errors, query)
			continue
		}
		if strings.Contains(query, "chain(") && strings.Contains(string(res.Data), `"chains":[]`) {
			t.Errorf("README chain example finds no chain:\n%s", query)
		}
	}
}

// TestReadmeExamplesFitTheLimits: every README example, and the
// playground's first query, is within half of each default operation
// limit, so that users' variations of them fit too.
func TestReadmeExamplesFitTheLimits(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	queries := []string{firstQuery}
	for _, b := range regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllStringSubmatch(string(readme), -1) {
		queries = append(queries, b[1])
	}
	l := graph.DefaultLimits
	for _, q := range queries {
		s, refused := l.Check(q)
		if refused != nil {
			t.Errorf("refused: %s\n%s", refused.Message, q)
			continue
		}
		if 2*s.Tokens > l.Tokens || 2*s.Depth > l.Depth || 2*s.Height > l.Height || 2*s.Aliases > l.Aliases || 2*s.RootFields > l.RootFields {
			t.Errorf("%+v is over half of the limits %+v:\n%s", s, l, q)
		}
	}
}

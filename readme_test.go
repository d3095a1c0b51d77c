package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
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

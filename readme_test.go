package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/edge"
	"github.com/innograph/innograph/graph"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestReadmeQueries runs every GraphQL example of README.md against the
// sample graph: each must succeed, every chain example must find chains,
// every demand's matches must have some, and every node selected must
// select its id, as a normalising cache needs.
func TestReadmeQueries(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 10 {
		t.Fatalf("found %d GraphQL examples in README.md", len(blocks))
	}
	sdl, err := os.ReadFile("schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	schema := gqlparser.MustLoadSchema(&ast.Source{Name: "schema.graphqls", Input: string(sdl)})
	a := apitest.New(t)
	a.LoadSample()
	for _, b := range blocks {
		query := b[1]
		doc, errs := gqlparser.LoadQuery(schema, query)
		if errs != nil {
			t.Errorf("README example does not validate: %v\n%s", errs, query)
			continue
		}
		for _, op := range doc.Operations {
			for _, f := range nodesWithoutID(schema, op.SelectionSet) {
				t.Errorf("README example selects %s without its id:\n%s", f, query)
			}
		}
		res := a.Do(apitest.WriteToken, query, nil)
		if len(res.Errors) > 0 {
			t.Errorf("README example fails: %+v\n%s", res.Errors, query)
			continue
		}
		if strings.Contains(query, "chain(") && strings.Contains(string(res.Data), `"chains":[]`) {
			t.Errorf("README chain example finds no chain:\n%s", query)
		}
		if strings.Contains(query, "matches {") && !strings.Contains(string(res.Data), `"matches":{"edges":[{`) {
			t.Errorf("README demand example finds no match:\n%s\n%s", query, res.Data)
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
	queries := []string{edge.FirstQuery}
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

// nodesWithoutID names the fields in sel, at any depth, that return a node
// (a type implementing Node, or Node) and do not select id directly.
func nodesWithoutID(schema *ast.Schema, sel ast.SelectionSet) []string {
	var missing []string
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			t := schema.Types[s.Definition.Type.Name()]
			isNode := t.Name == "Node" || slices.Contains(t.Interfaces, "Node")
			if isNode && !slices.ContainsFunc(s.SelectionSet, func(c ast.Selection) bool {
				f, ok := c.(*ast.Field)
				return ok && f.Name == "id"
			}) {
				missing = append(missing, s.Alias)
			}
			missing = append(missing, nodesWithoutID(schema, s.SelectionSet)...)
		case *ast.InlineFragment:
			missing = append(missing, nodesWithoutID(schema, s.SelectionSet)...)
		case *ast.FragmentSpread:
			missing = append(missing, nodesWithoutID(schema, s.Definition.SelectionSet)...)
		}
	}
	return missing
}

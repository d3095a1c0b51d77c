package neo4jtest

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/neo4jdb"
)

// Dump renders every node and relationship of the database at cfg, one
// line each, sorted: labels, ends, type and every property with the type
// of its value, so two graphs compare whole (a bulk load against a
// transactional one).
func Dump(t testing.TB, cfg neo4jdb.Config) []string {
	t.Helper()
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(t.Context())
	var lines []string
	for _, q := range []string{
		`MATCH (n) RETURN 'node' AS what, labels(n) AS labels, '' AS from, '' AS to, properties(n) AS props`,
		`MATCH (a)-[r]->(b) RETURN 'rel' AS what, [type(r)] AS labels, a.id AS from, b.id AS to, properties(r) AS props`,
	} {
		res, err := neo4j.ExecuteQuery(t.Context(), driver, q, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(cfg.Database), neo4j.ExecuteQueryWithReadersRouting())
		if err != nil {
			t.Fatalf("dump %s: %v", cfg.URI, err)
		}
		for _, rec := range res.Records {
			m := rec.AsMap()
			var labels []string
			for _, l := range m["labels"].([]any) {
				labels = append(labels, l.(string))
			}
			slices.Sort(labels)
			lines = append(lines, fmt.Sprintf("%s %s %v %v %s", m["what"], strings.Join(labels, ":"), m["from"], m["to"], props(m["props"].(map[string]any))))
		}
	}
	sort.Strings(lines)
	return lines
}

// props renders properties in key order, each value with its Go type.
func props(p map[string]any) string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, " %s=%T:%q", k, p[k], fmt.Sprint(p[k]))
	}
	return b.String()
}

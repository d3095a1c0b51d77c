package neo4jdb

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestSchemaCoversEveryLabel holds schema.cypher, which names labels by
// hand, to the label map: every node type has its name index (lists order
// by name), a range and a text index on region (the deep paths' lookups,
// regionBranches) and is in the full-text index (search), and the schema names
// no label the map does not know.
func TestSchemaCoversEveryLabel(t *testing.T) {
	fulltext := regexp.MustCompile(`CREATE FULLTEXT INDEX node_search [^;]*FOR \(n:([A-Za-z|]+)\)`).FindStringSubmatch(schemaCypher)
	if fulltext == nil {
		t.Fatal("schema.cypher has no node_search full-text index")
	}
	searched := strings.Split(fulltext[1], "|")
	for kind, l := range labels {
		if !strings.Contains(schemaCypher, "FOR (n:"+l+") ON (n.name);") {
			t.Errorf("%s: schema.cypher has no index on (n:%s) name", kind, l)
		}
		if !regexp.MustCompile(`CREATE INDEX \w+ IF NOT EXISTS FOR \(n:`+l+`\) ON \(n.region\);`).MatchString(schemaCypher) ||
			!regexp.MustCompile(`CREATE TEXT INDEX \w+ IF NOT EXISTS FOR \(n:`+l+`\) ON \(n.region\);`).MatchString(schemaCypher) {
			t.Errorf("%s: schema.cypher lacks the range or the text index on (n:%s) region", kind, l)
		}
		if !slices.Contains(searched, l) {
			t.Errorf("%s: the full-text index node_search leaves out %s", kind, l)
		}
	}
	for _, m := range regexp.MustCompile(`\(n:([A-Za-z|]+)\)`).FindAllStringSubmatch(schemaCypher, -1) {
		for _, l := range strings.Split(m[1], "|") {
			if _, ok := kindOfLabels([]string{l}); !ok && l != "Node" {
				t.Errorf("schema.cypher names the label %s, which no node type has", l)
			}
		}
	}
}

// TestUniqueProps: the constraints read from schema.cypher are the ones a
// conflict is reported on (docs/design.md: id and creditCode).
func TestUniqueProps(t *testing.T) {
	if !slices.Equal(uniqueProps, []string{"id", "creditCode"}) {
		t.Errorf("unique properties %v, want [id creditCode]", uniqueProps)
	}
}

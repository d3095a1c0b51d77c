package neo4jdb

import (
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// BenchmarkDecodeNode measures decodeNode, which copies properties into
// struct fields by reflection (nodeFields), on a node with most fields
// set: it runs once per node of every page.
func BenchmarkDecodeNode(b *testing.B) {
	n := neo4j.Node{Labels: []string{"Node", "Enterprise"}, Props: map[string]any{
		"id": "ent-1", "name": "华为", "nameEn": "Huawei", "aliases": []any{"华为技术"}, "region": "深圳",
		"synthetic": true, "industry": "通信", "founded": int64(1987), "certifications": []any{"HIGH_TECH"}}}
	for b.Loop() {
		if _, err := decodeNode(n); err != nil {
			b.Fatal(err)
		}
	}
}

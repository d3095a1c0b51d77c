package graph_test

import (
	"encoding/json"
	"testing"
)

// nodesOf decodes a connection, {"edges": [{"node": …}, …]}, as the list of
// its nodes, for tests that read a relationship list's first page whole.
type nodesOf[T any] []T

func (n *nodesOf[T]) UnmarshalJSON(b []byte) error {
	var c struct{ Edges []struct{ Node T } }
	if err := json.Unmarshal(b, &c); err != nil {
		return err
	}
	*n = make(nodesOf[T], len(c.Edges))
	for i, e := range c.Edges {
		(*n)[i] = e.Node
	}
	return nil
}

// nodesOnly rewrites every connection in an answer that selects only
// edges { node } as the list of its nodes, so that a test can state the
// lists it expects plainly.
func nodesOnly(t *testing.T, raw json.RawMessage) json.RawMessage {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(flattenEdges(v))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func flattenEdges(v any) any {
	switch x := v.(type) {
	case map[string]any:
		if edges, ok := x["edges"].([]any); ok && len(x) == 1 {
			nodes := make([]any, len(edges))
			for i, e := range edges {
				m, _ := e.(map[string]any)
				nodes[i] = flattenEdges(m["node"])
			}
			return nodes
		}
		for k, e := range x {
			x[k] = flattenEdges(e)
		}
	case []any:
		for i, e := range x {
			x[i] = flattenEdges(e)
		}
	}
	return v
}

// pageWhere is a page's pageInfo.
type pageWhere struct {
	HasNextPage, HasPreviousPage bool
	StartCursor, EndCursor       *string
}

// walkBothWays reads a list a page of size at a time, forward from its
// start with first/after and backward from its end with last/before,
// checking that each page's pageInfo says where it stands as the Relay
// spec has it. It returns the ids each walk read, in list order.
func walkBothWays(t *testing.T, size int, read func(vars map[string]any) ([]string, pageWhere)) (forward, backward []string) {
	t.Helper()
	vars := map[string]any{"first": size}
	for pages := 1; ; pages++ {
		ids, info := read(vars)
		forward = append(forward, ids...)
		if info.HasPreviousPage != (pages > 1) {
			t.Errorf("forward page %d: hasPreviousPage %v", pages, info.HasPreviousPage)
		}
		if !info.HasNextPage {
			break
		}
		vars["after"] = *info.EndCursor
	}
	vars = map[string]any{"last": size}
	for pages := 1; ; pages++ {
		ids, info := read(vars)
		backward = append(ids, backward...)
		if info.HasNextPage != (pages > 1) {
			t.Errorf("backward page %d: hasNextPage %v", pages, info.HasNextPage)
		}
		if !info.HasPreviousPage {
			break
		}
		vars["before"] = *info.StartCursor
	}
	return forward, backward
}

package neo4jdb

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

// props reads typed values out of a node's or relationship's property map.
// Missing or mistyped optional values read as absent: the graph may hold
// data written by other tools, and one odd property must not fail a page.
type props map[string]any

func (p props) str(key string) string {
	s, _ := p[key].(string)
	return s
}

func (p props) optStr(key string) *string {
	if s, ok := p[key].(string); ok {
		return &s
	}
	return nil
}

func (p props) optInt(key string) *int {
	if n, ok := p[key].(int64); ok {
		i := int(n)
		return &i
	}
	return nil
}

func (p props) optFloat(key string) *float64 {
	switch v := p[key].(type) {
	case float64:
		return &v
	case int64:
		f := float64(v)
		return &f
	}
	return nil
}

func (p props) flag(key string) bool {
	b, _ := p[key].(bool)
	return b
}

func (p props) strs(key string) []string {
	list, _ := p[key].([]any)
	out := make([]string, 0, len(list))
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// decodeNode converts a Neo4j node to its model type by its label, each
// property of the kind's field rules into its struct field (nodeFields).
func decodeNode(n neo4j.Node) (model.Node, error) {
	kind, ok := kindOfLabels(n.Labels)
	if !ok {
		return nil, fmt.Errorf("node %s has none of the known labels: %v", n.ElementId, n.Labels)
	}
	p := props(n.Props)
	v := reflect.New(nodeTypes[kind])
	v.Elem().FieldByName("ID").SetString(p.str("id"))
	setFields(v.Elem(), p, nodeFields[kind])
	return v.Interface().(model.Node), nil
}

// decodeRelation converts a Neo4j relationship to its model type, each
// property of the kind's field rules into its struct field (relationFields). The ids of
// its ends are passed in because a relationship value carries only element ids.
func decodeRelation(r neo4j.Relationship, ends model.Ends) (model.Relation, error) {
	kind, ok := kindOfRelType(r.Type)
	if !ok {
		return nil, fmt.Errorf("relationship %s has an unknown type %q", r.ElementId, r.Type)
	}
	v := reflect.New(relationTypes[kind])
	v.Elem().FieldByName("Ends").Set(reflect.ValueOf(ends))
	setFields(v.Elem(), props(r.Props), relationFields[kind])
	return v.Interface().(model.Relation), nil
}

// recordNode reads a node column of a record and decodes it.
func recordNode(rec *neo4j.Record, key string) (model.Node, error) {
	n, isNil, err := neo4j.GetRecordValue[neo4j.Node](rec, key)
	if err != nil {
		return nil, err
	}
	if isNil {
		return nil, nil
	}
	return decodeNode(n)
}

// projection is what a statement returns of node variable v: the whole node
// when props is nil, else a map of the id, the labels and the given
// properties (those not stored on nodes, model.NodeProperty, are skipped),
// which decodeProjected reads. Reading fewer properties is fewer db hits and less to send.
func projection(v string, props []string) string {
	if props == nil {
		return v
	}
	return fmt.Sprintf("%s {%s, labels: labels(%s)}", v, projectedKeys(props), v)
}

// kindProjection is projection for a node whose label the statement's
// pattern fixes: it leaves out labels(), a db hit per node, which
// decodeOfKind supplies.
func kindProjection(v string, props []string) string {
	if props == nil {
		return v
	}
	return fmt.Sprintf("%s {%s}", v, projectedKeys(props))
}

func projectedKeys(props []string) string {
	keys := []string{".id"}
	for _, p := range props {
		if model.NodeProperty(p) {
			keys = append(keys, "."+p)
		}
	}
	return strings.Join(keys, ", ")
}

// decodeOfKind decodes a value written by kindProjection for a node of kind.
func decodeOfKind(v any, kind model.NodeKind) (model.Node, error) {
	if m, ok := v.(map[string]any); ok && m["labels"] == nil {
		m["labels"] = []any{label(kind)}
	}
	return decodeProjectedValue(v)
}

// decodeProjected decodes a column written by projection.
func decodeProjected(rec *neo4j.Record, key string) (model.Node, error) {
	v, _ := rec.Get(key)
	return decodeProjectedValue(v)
}

// decodeProjectedValue decodes a value written by projection.
func decodeProjectedValue(v any) (model.Node, error) {
	if n, ok := v.(neo4j.Node); ok {
		return decodeNode(n)
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("a projected node is a %T", v)
	}
	raw, _ := m["labels"].([]any)
	labels := make([]string, 0, len(raw))
	for _, l := range raw {
		if s, ok := l.(string); ok {
			labels = append(labels, s)
		}
	}
	return decodeNode(neo4j.Node{Labels: labels, Props: m})
}

// recordNodes reads a column holding a list of nodes, whole or projected,
// and decodes them.
func recordNodes(rec *neo4j.Record, key string) ([]model.Node, error) {
	list, _, err := neo4j.GetRecordValue[[]any](rec, key)
	if err != nil {
		return nil, err
	}
	out, err := decodeNodeList(list)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	return out, nil
}

// decodeNodeList decodes a list of nodes or node projections.
func decodeNodeList(list []any) ([]model.Node, error) {
	out := make([]model.Node, 0, len(list))
	for _, v := range list {
		d, err := decodeProjectedValue(v)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// recordString reads a string column of a record.
func recordString(rec *neo4j.Record, key string) (string, error) {
	s, isNil, err := neo4j.GetRecordValue[string](rec, key)
	if err == nil && isNil {
		err = fmt.Errorf("column %s is null", key)
	}
	return s, err
}

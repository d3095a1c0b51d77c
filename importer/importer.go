// Package importer reads graph files, validates every row against the field
// rules of graph/model, and writes the valid graph in batches through bulk
// upserts, so that loading the same file twice leaves the same graph.
//
// A file is JSON Lines: one object per line, either a node
//
//	{"type": "Enterprise", "id": "ent-kehe-seed", "name": "科河种业", ...}
//
// with "type" one of Enterprise, University, Alliance, Park, Result, or a
// relationship
//
//	{"type": "DEVELOPMENT", "from": "ent-kehe-seed", "to": "res-kehe-8", "role": "LEAD"}
//
// with "type" a RelationKind and the properties of that relationship.
package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/innograph/innograph/graph/model"
)

// Writer is the storage a load writes through.
type Writer interface {
	UpsertNodes(ctx context.Context, kind model.NodeKind, rows []model.NodeRow) (int, error)
	UpsertRelations(ctx context.Context, kind model.RelationKind, rows []model.RelationRow) (int, error)
}

// Problem is one rejected row.
type Problem struct {
	Line   int
	Field  string
	Reason string
}

func (p Problem) String() string {
	if p.Field == "" {
		return fmt.Sprintf("%d: %s", p.Line, p.Reason)
	}
	return fmt.Sprintf("%d: %s: %s", p.Line, p.Field, p.Reason)
}

// Graph is a validated load: nodes and relationships grouped by kind.
type Graph struct {
	Nodes     map[model.NodeKind][]model.NodeRow
	Relations map[model.RelationKind][]model.RelationRow
}

// Parse reads and validates a JSON Lines file. Relationship ends must be
// nodes of this file. It returns every problem found, one per bad row.
func Parse(r io.Reader) (*Graph, []Problem, error) {
	g := &Graph{Nodes: map[model.NodeKind][]model.NodeRow{}, Relations: map[model.RelationKind][]model.RelationRow{}}
	kinds := map[string]model.NodeKind{} // node id → kind, for checking relationship ends
	type pending struct {
		line int
		kind model.RelationKind
		raw  map[string]any
	}
	var rels []pending
	var problems []Problem
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(text))
		dec.UseNumber()
		var raw map[string]any
		if err := dec.Decode(&raw); err != nil {
			problems = append(problems, Problem{Line: line, Reason: "not a JSON object: " + err.Error()})
			continue
		}
		typ, _ := raw["type"].(string)
		delete(raw, "type")
		if kind := model.NodeKind(strings.ToUpper(typ)); kind.IsValid() {
			id, props, err := model.NodeSpecs[kind].Validate(raw, model.Create)
			if err != nil {
				problems = append(problems, problemOf(line, err))
				continue
			}
			kinds[id] = kind
			g.Nodes[kind] = append(g.Nodes[kind], model.NodeRow{ID: id, Props: props})
		} else if rk := model.RelationKind(typ); rk.IsValid() {
			rels = append(rels, pending{line, rk, raw})
		} else {
			problems = append(problems, Problem{Line: line, Field: "type", Reason: fmt.Sprintf("unknown type %q", typ)})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	for _, p := range rels {
		spec := model.RelationSpecs[p.kind]
		raw := map[string]any{spec.FromField: p.raw["from"], spec.ToField: p.raw["to"]}
		for k, v := range p.raw {
			if k != "from" && k != "to" {
				raw[k] = v
			}
		}
		from, to, props, err := spec.Validate(raw, model.Create)
		if err == nil {
			err = checkEnd(spec.FromField, from, kinds, spec.From)
		}
		if err == nil {
			err = checkEnd(spec.ToField, to, kinds, spec.To)
		}
		if err != nil {
			problems = append(problems, problemOf(p.line, err))
			continue
		}
		g.Relations[p.kind] = append(g.Relations[p.kind], model.RelationRow{From: from, To: to, Props: props})
	}
	return g, problems, nil
}

func checkEnd(field, id string, kinds map[string]model.NodeKind, allowed []model.NodeKind) error {
	kind, ok := kinds[id]
	if !ok {
		return model.Invalid(field, "no node with id %q in this file", id)
	}
	for _, a := range allowed {
		if a == kind {
			return nil
		}
	}
	return model.Invalid(field, "%q is of type %s; expected %s", id, kind.Name(), model.KindNames(allowed))
}

func problemOf(line int, err error) Problem {
	if e, ok := err.(*model.Error); ok {
		return Problem{Line: line, Field: e.Field, Reason: e.Message}
	}
	return Problem{Line: line, Reason: err.Error()}
}

// Write upserts a validated graph: all nodes first, then the relationships
// between them. It returns the number of nodes and relationships created.
func Write(ctx context.Context, w Writer, g *Graph) (nodes, relations int, err error) {
	for _, kind := range model.AllNodeKind {
		if rows := g.Nodes[kind]; len(rows) > 0 {
			n, err := w.UpsertNodes(ctx, kind, rows)
			if err != nil {
				return nodes, relations, fmt.Errorf("write %s nodes: %w", kind, err)
			}
			nodes += n
		}
	}
	for _, kind := range model.AllRelationKind {
		if rows := g.Relations[kind]; len(rows) > 0 {
			n, err := w.UpsertRelations(ctx, kind, rows)
			if err != nil {
				return nodes, relations, fmt.Errorf("write %s relationships: %w", kind, err)
			}
			relations += n
		}
	}
	return nodes, relations, nil
}

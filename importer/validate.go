package importer

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/innograph/innograph/graph/model"
)

// lookupBatch bounds the ids asked of the database in one statement.
const lookupBatch = 10000

// Validate checks every row and returns the valid ones as a plan and one
// problem per invalid row. A node id may appear twice only with the same
// values; a relationship's ends must be nodes of this load or, when lookup is
// not nil, of the database, of the kinds the relationship joins; a node may
// not change the kind of an existing node.
func Validate(ctx context.Context, rows []Row, lookup Lookup) (*Plan, []Problem, error) {
	v := &validator{plan: &Plan{}, kinds: map[string]model.NodeKind{}, firstAt: map[string]int{}, relAt: map[string]int{}}
	var rels []Row
	for _, row := range rows {
		typ, _ := row.Raw["type"].(string)
		switch kind, isNode := nodeKind(typ); {
		case isNode:
			v.node(row, kind)
		case model.RelationKind(typ).IsValid():
			rels = append(rels, row)
		default:
			v.reject(row, false, model.Invalid("type", "unknown type %q; want a node type (%s) or a relationship kind (%s)", typ, nodeTypeNames, relationKindNames))
		}
	}
	existing, err := v.lookUp(ctx, lookup, rels)
	if err != nil {
		return nil, nil, err
	}
	v.checkExisting(existing)
	for _, row := range rels {
		v.relation(row, model.RelationKind(row.Raw["type"].(string)), existing)
	}
	sort.SliceStable(v.problems, func(i, j int) bool { return less(v.problems[i].Pos, v.problems[j].Pos) })
	return v.plan, v.problems, nil
}

// The type names a row may have, for the message that refuses another.
var (
	nodeTypeNames     = strings.Join(model.TypeNames(model.AllNodeKind), ", ")
	relationKindNames = func() string {
		names := make([]string, len(model.AllRelationKind))
		for i, k := range model.AllRelationKind {
			names[i] = string(k)
		}
		return strings.Join(names, ", ")
	}()
)

type validator struct {
	plan     *Plan
	problems []Problem
	kinds    map[string]model.NodeKind // node id → kind, in this load
	firstAt  map[string]int            // node id → index in plan.Nodes
	relAt    map[string]int            // relationship key → index in plan.Relations
}

func (v *validator) reject(row Row, relation bool, err error) {
	p := Problem{Pos: row.Pos, Relation: relation, Raw: row.Raw, Reason: err.Error()}
	var me *model.Error
	if errors.As(err, &me) {
		p.Field, p.Reason = me.Field, me.Message
	}
	v.problems = append(v.problems, p)
}

func (v *validator) node(row Row, kind model.NodeKind) {
	raw := model.Without(row.Raw, "type")
	if id, _ := raw["id"].(string); strings.TrimSpace(id) == "" {
		v.reject(row, false, model.Invalid("id", "is required: a load merges nodes by id"))
		return
	}
	id, props, err := model.NodeSpecs[kind].Validate(raw, model.Create)
	if err != nil {
		v.reject(row, false, err)
		return
	}
	if i, seen := v.firstAt[id]; seen {
		first := v.plan.Nodes[i]
		if first.Kind != kind || !reflect.DeepEqual(first.Row.Props, props) {
			v.reject(row, false, model.Invalid("id", "%q is also at %s with other values", id, first.Pos))
		}
		return // an identical repeat adds nothing
	}
	v.kinds[id] = kind
	v.firstAt[id] = len(v.plan.Nodes)
	v.plan.Nodes = append(v.plan.Nodes, NodeItem{Pos: row.Pos, Kind: kind, Row: model.NodeRow{ID: id, Props: props}})
}

// lookUp asks the database for the kinds of the load's node ids and of the
// relationship ends that are not in the load.
func (v *validator) lookUp(ctx context.Context, lookup Lookup, rels []Row) (map[string]model.NodeKind, error) {
	existing := map[string]model.NodeKind{}
	if lookup == nil {
		return existing, nil
	}
	seen := map[string]bool{}
	var ids []string
	add := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, n := range v.plan.Nodes {
		add(n.Row.ID)
	}
	for _, r := range rels {
		ends := []string{"from", "to"}
		for _, f := range model.RelationSpecs[model.RelationKind(r.Raw["type"].(string))].Fields {
			if len(f.Ref) > 0 {
				ends = append(ends, f.Name) // a broker, a brokerage's enterprise
			}
		}
		for _, end := range ends {
			if id, _ := r.Raw[end].(string); v.kinds[id] == "" {
				add(strings.TrimSpace(id))
			}
		}
	}
	for start := 0; start < len(ids); start += lookupBatch {
		batch := ids[start:min(start+lookupBatch, len(ids))]
		found, err := lookup.NodeKinds(ctx, batch)
		if err != nil {
			return nil, fmt.Errorf("look up existing nodes: %w", err)
		}
		for id, k := range found {
			existing[id] = k
		}
	}
	return existing, nil
}

// checkExisting rejects node rows whose id belongs to a node of another kind.
func (v *validator) checkExisting(existing map[string]model.NodeKind) {
	kept := v.plan.Nodes[:0]
	for _, n := range v.plan.Nodes {
		if k, ok := existing[n.Row.ID]; ok && k != n.Kind {
			v.reject(Row{Pos: n.Pos, Raw: map[string]any{"type": n.Kind.Name(), "id": n.Row.ID}}, false,
				model.Invalid("id", "%q is already in the database, of type %s", n.Row.ID, k.Name()))
			delete(v.kinds, n.Row.ID)
			continue
		}
		kept = append(kept, n)
	}
	v.plan.Nodes = kept
}

func (v *validator) relation(row Row, kind model.RelationKind, existing map[string]model.NodeKind) {
	spec := model.RelationSpecs[kind]
	raw := map[string]any{spec.FromField: row.Raw["from"], spec.ToField: row.Raw["to"]}
	for k, val := range row.Raw {
		if k != "from" && k != "to" && k != "type" {
			raw[k] = val
		}
	}
	from, to, props, err := spec.Validate(raw, model.Create)
	if err == nil {
		err = spec.CheckEnds(from, to, v.kindOf(existing), "this load or the database")
	}
	if err == nil {
		err = spec.CheckNotSelf(from, to)
	}
	if err == nil {
		err = spec.CheckRefs(props, v.kindOf(existing), "this load or the database")
	}
	if err != nil {
		v.reject(row, true, fileField(spec, err))
		return
	}
	key := relationKey(spec, from, to, props)
	if i, seen := v.relAt[key]; seen {
		if first := v.plan.Relations[i]; !reflect.DeepEqual(first.Row.Props, props) {
			v.reject(row, true, model.Invalid("from", "the same %s is also at %s with other values", strings.ToLower(string(kind)), first.Pos))
		}
		return
	}
	v.relAt[key] = len(v.plan.Relations)
	v.plan.Relations = append(v.plan.Relations, RelationItem{Pos: row.Pos, Kind: kind, Row: model.RelationRow{From: from, To: to, Props: props}})
}

// kindOf looks a node up in this load, then among the existing ones.
func (v *validator) kindOf(existing map[string]model.NodeKind) func(string) (model.NodeKind, bool) {
	return func(id string) (model.NodeKind, bool) {
		if kind, ok := v.kinds[id]; ok {
			return kind, true
		}
		kind, ok := existing[id]
		return kind, ok
	}
}

// fileField renames the API's end fields (memberId…) to the file's from and to.
func fileField(spec *model.RelationSpec, err error) error {
	var me *model.Error
	if errors.As(err, &me) {
		switch me.Field {
		case spec.FromField:
			return model.Invalid("from", "%s", me.Message)
		case spec.ToField:
			return model.Invalid("to", "%s", me.Message)
		}
	}
	return err
}

// relationKey identifies a relationship as the database does: ends and key
// properties, the ends unordered when the relationship is undirected.
func relationKey(spec *model.RelationSpec, from, to string, props map[string]any) string {
	if spec.Undirected && to < from {
		from, to = to, from
	}
	key := string(spec.Kind) + "\x00" + from + "\x00" + to
	for _, k := range spec.Key {
		key += "\x00" + fmt.Sprint(props[k])
	}
	return key
}

func less(a, b Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	return a.Line < b.Line
}

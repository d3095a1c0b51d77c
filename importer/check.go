package importer

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/innograph/innograph/graph/model"
)

// lookupBatch bounds the ids asked of the database in one statement.
const lookupBatch = 10000

// Checked is a validated load. Check reads its source twice, nodes then
// relationships, and keeps only an index of the valid rows' ids and keys
// (index.go) and the problems; Nodes, Relations and Write read the source
// again and yield or write the valid rows.
type Checked struct {
	src      Source
	problems []Problem
	// Valid node and relationship rows: the first of each id or key.
	NodeCount, RelationCount int

	files  []string
	fileAt map[string]uint16
	nodes  map[key]nodeEntry
	rels   *relationTable
	// relationRows counts the first pass's relationship rows, to size rels.
	relationRows int
	// The kinds the database holds, by id, for every id asked (0: none).
	inDB    map[key]kindCode
	lookup  Lookup
	pending []string // ids to ask the database, up to lookupBatch
}

// Check validates every row of src and returns the load, with one problem
// per invalid row in file order. A node id may appear twice only with the
// same values; a relationship's ends must be nodes of this load or, when
// lookup is not nil, of the database, of the kinds the relationship joins;
// a node may not change the kind of an existing node. Nothing is written.
func Check(ctx context.Context, src Source, lookup Lookup) (*Checked, error) {
	c := &Checked{src: src, lookup: lookup, fileAt: map[string]uint16{},
		nodes: map[key]nodeEntry{}, inDB: map[key]kindCode{}}
	err := src(func(row Row) error { return c.firstPass(ctx, row) })
	if err == nil {
		err = c.ask(ctx)
	}
	if err == nil {
		c.rels = newRelationTable(c.relationRows)
		err = src(func(row Row) error {
			if kind, ok := relationOf(row); ok {
				c.relation(row, kind, false)
			}
			return nil
		})
	}
	if err != nil {
		return nil, err
	}
	sort.SliceStable(c.problems, func(i, j int) bool { return less(c.problems[i].Pos, c.problems[j].Pos) })
	return c, nil
}

// Problems are the rejected rows, in file order.
func (c *Checked) Problems() []Problem { return c.problems }

// Nodes yields the valid node rows in file order, the first of each id.
func (c *Checked) Nodes(fn func(NodeItem) error) error {
	return c.src(func(row Row) error {
		if item, ok := c.node(row, true); ok {
			return fn(item)
		}
		return nil
	})
}

// Relations yields the valid relationship rows in file order, the first
// of each key.
func (c *Checked) Relations(fn func(RelationItem) error) error {
	return c.src(func(row Row) error {
		if kind, ok := relationOf(row); ok {
			if item, ok := c.relation(row, kind, true); ok {
				return fn(item)
			}
		}
		return nil
	})
}

// relationOf tells a relationship row and its kind.
func relationOf(row Row) (model.RelationKind, bool) {
	typ, _ := row.Raw["type"].(string)
	k := model.RelationKind(typ)
	return k, row.Unreadable == "" && k.IsValid()
}

// firstPass checks a node row against its id's first row, and asks the
// database about node ids and relationships' ends.
func (c *Checked) firstPass(ctx context.Context, row Row) error {
	if row.Unreadable != "" {
		c.problems = append(c.problems, Problem{Pos: row.Pos, Reason: row.Unreadable})
		return nil
	}
	typ, _ := row.Raw["type"].(string)
	if _, isNode := nodeKind(typ); isNode {
		if item, ok := c.node(row, false); ok {
			return c.want(ctx, item.Row.ID)
		}
		return nil
	}
	kind, ok := relationOf(row)
	if !ok {
		c.reject(row, false, model.Invalid("type", "unknown type %q; want a node type (%s) or a relationship kind (%s)", typ, nodeTypeNames, relationKindNames))
		return nil
	}
	c.relationRows++
	for _, end := range endFields(kind) {
		if id, _ := row.Raw[end].(string); strings.TrimSpace(id) != "" {
			if err := c.want(ctx, strings.TrimSpace(id)); err != nil {
				return err
			}
		}
	}
	return nil
}

// endFields are the fields of a relationship row that name nodes: its ends,
// a transfer's broker, a brokerage's enterprise.
func endFields(kind model.RelationKind) []string {
	ends := []string{"from", "to"}
	for _, f := range model.RelationSpecs[kind].Fields {
		if len(f.Ref) > 0 {
			ends = append(ends, f.Name)
		}
	}
	return ends
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

func (c *Checked) reject(row Row, relation bool, err error) {
	p := Problem{Pos: row.Pos, Relation: relation, Raw: row.Raw, Reason: err.Error()}
	var me *model.Error
	if errors.As(err, &me) {
		p.Field, p.Reason = me.Field, me.Message
	}
	c.problems = append(c.problems, p)
}

// position is the compact form of a row's position.
func (c *Checked) position(p Pos) at {
	i, ok := c.fileAt[p.File]
	if !ok {
		if len(c.files) == math.MaxUint16 {
			panic("importer: more than 65535 files in one load")
		}
		i = uint16(len(c.files))
		c.fileAt[p.File] = i
		c.files = append(c.files, p.File)
	}
	return at{line: uint32(p.Line), file: i}
}

func (c *Checked) pos(a at) Pos { return Pos{File: c.files[a.file], Line: int(a.line)} }

// node validates a node row. Checking (again false), it indexes the first
// row of an id and rejects a later one with other values; again, it tells
// whether the row is the one Check kept.
func (c *Checked) node(row Row, again bool) (NodeItem, bool) {
	typ, _ := row.Raw["type"].(string)
	kind, isNode := nodeKind(typ)
	if row.Unreadable != "" || !isNode {
		return NodeItem{}, false
	}
	raw := model.Without(row.Raw, "type")
	if id, _ := raw["id"].(string); strings.TrimSpace(id) == "" {
		if !again {
			c.reject(row, false, model.Invalid("id", "is required: a load merges nodes by id"))
		}
		return NodeItem{}, false
	}
	id, props, err := model.NodeSpecs[kind].Validate(raw, model.Create)
	if err != nil {
		if !again {
			c.reject(row, false, err)
		}
		return NodeItem{}, false
	}
	item := NodeItem{Pos: row.Pos, Kind: kind, Row: model.NodeRow{ID: id, Props: props}}
	k, here := hashKey(id), c.position(row.Pos)
	first, seen := c.nodes[k]
	if again {
		return item, seen && first.at == here && !first.inDB
	}
	values := hashValues(props)
	if seen {
		if first.kind != codeOf(kind) || first.values != values {
			c.reject(row, false, model.Invalid("id", "%q is also at %s with other values", id, c.pos(first.at)))
		}
		return NodeItem{}, false // an identical repeat adds nothing
	}
	c.nodes[k] = nodeEntry{values: values, at: here, kind: codeOf(kind)}
	c.NodeCount++
	c.conflict(id, k)
	return item, true
}

// want queues an id to ask the database about, once per id.
func (c *Checked) want(ctx context.Context, id string) error {
	if c.lookup == nil {
		return nil
	}
	k := hashKey(id)
	if _, asked := c.inDB[k]; asked {
		return nil
	}
	c.inDB[k] = 0
	c.pending = append(c.pending, id)
	if len(c.pending) < lookupBatch {
		return nil
	}
	return c.ask(ctx)
}

// ask asks the database for the kinds of the queued ids.
func (c *Checked) ask(ctx context.Context) error {
	if len(c.pending) == 0 {
		return nil
	}
	found, err := c.lookup.NodeKinds(ctx, c.pending)
	if err != nil {
		return fmt.Errorf("look up existing nodes: %w", err)
	}
	for _, id := range c.pending {
		k := hashKey(id)
		c.inDB[k] = codeOf(found[id]) // 0 when not found
		c.conflict(id, k)
	}
	c.pending = c.pending[:0]
	return nil
}

// conflict rejects the node row of an id the database holds with another
// kind, once both are known.
func (c *Checked) conflict(id string, k key) {
	n, ok := c.nodes[k]
	db := c.inDB[k]
	if !ok || n.inDB || db == 0 || db == n.kind {
		return
	}
	n.inDB = true
	c.nodes[k] = n
	c.NodeCount--
	c.reject(Row{Pos: c.pos(n.at), Raw: map[string]any{"type": n.kind.kind().Name(), "id": id}}, false,
		model.Invalid("id", "%q is already in the database, of type %s", id, db.kind().Name()))
}

// kindOf looks a node up in this load, then in the database.
func (c *Checked) kindOf(id string) (model.NodeKind, bool) {
	k := hashKey(id)
	if n, ok := c.nodes[k]; ok && !n.inDB {
		return n.kind.kind(), true
	}
	db := c.inDB[k]
	return db.kind(), db != 0
}

// relation validates a relationship row. Checking (again false), it
// indexes the first row of a key and rejects a later one with other values;
// again, it tells whether the row is the one Check kept.
func (c *Checked) relation(row Row, kind model.RelationKind, again bool) (RelationItem, bool) {
	spec := model.RelationSpecs[kind]
	raw := map[string]any{spec.FromField: row.Raw["from"], spec.ToField: row.Raw["to"]}
	for k, val := range row.Raw {
		if k != "from" && k != "to" && k != "type" {
			raw[k] = val
		}
	}
	from, to, props, err := spec.Validate(raw, model.Create)
	if err == nil {
		err = spec.CheckEnds(from, to, c.kindOf, "this load or the database")
	}
	if err == nil {
		err = spec.CheckNotSelf(from, to)
	}
	if err == nil {
		err = spec.CheckRefs(props, c.kindOf, "this load or the database")
	}
	if err != nil {
		if !again {
			c.reject(row, true, fileField(spec, err))
		}
		return RelationItem{}, false
	}
	item := RelationItem{Pos: row.Pos, Kind: kind, Row: model.RelationRow{From: from, To: to, Props: props}}
	k, here := hashKey(relationKey(spec, from, to, props)), c.position(row.Pos)
	first, seen := c.rels.get(k)
	if again {
		return item, seen && first.at == here
	}
	values := hashValues(props)
	if seen {
		if first.values != values {
			c.reject(row, true, model.Invalid("from", "the same %s is also at %s with other values", strings.ToLower(string(kind)), c.pos(first.at)))
		}
		return RelationItem{}, false
	}
	c.rels.add(k, relationEntry{values: values, at: here})
	c.RelationCount++
	return item, true
}

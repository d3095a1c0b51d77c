package graph_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/graph"
	"github.com/innograph/innograph/graph/model"
	"github.com/vektah/gqlparser/v2/ast"
)

// roundTripExceptions are the "Type.field" pairs TestEveryFieldRoundTrips
// does not compare, each with the reason. Keep it short: every entry is a
// field a user cannot trust to read back what was written.
var roundTripExceptions = map[string]string{}

// TestEveryFieldRoundTrips writes every input field of every node type
// (create…, update…) and every relationship type (add…, update…) through the
// API and reads each back through every read path, comparing field by field.
// Types, fields and values all come from the schema the server serves (and
// the formats of graph/model/fields.go), not from a list written here, so a
// field added to the schema and the field rules but missed by a projection
// or a decoder fails here.
func TestEveryFieldRoundTrips(t *testing.T) {
	rt := &roundTrip{a: apitest.New(t), s: graph.NewExecutableSchema(graph.Config{}).Schema()}
	var nodes, relations int
	for _, m := range rt.s.Mutation.Fields {
		switch {
		case strings.HasPrefix(m.Name, "create"):
			nodes++
			t.Run(m.Type.Name(), func(t *testing.T) { rt.node(t, m) })
		case strings.HasPrefix(m.Name, "add"):
			relations++
			t.Run(m.Type.Name(), func(t *testing.T) { rt.relation(t, m) })
		}
	}
	if nodes != len(model.NodeSpecs) || relations != len(model.RelationSpecs) {
		t.Errorf("found %d create… and %d add… mutations for %d node and %d relationship types",
			nodes, relations, len(model.NodeSpecs), len(model.RelationSpecs))
	}
}

type roundTrip struct {
	a   *apitest.API
	s   *ast.Schema
	ids int // ids handed out so far
}

// node creates a node with every field of the create input set, reads it
// back, then sets every field of the update input to a second value and
// reads it back again.
func (rt *roundTrip) node(t *testing.T, create *ast.FieldDefinition) {
	typ := create.Type.Name()
	in := rt.s.Types[create.Arguments.ForName("input").Type.Name()]
	rt.structure(t, typ, in, true)
	want := rt.values(t, typ, in, 0, nil)
	got := rt.mutate(t, create, map[string]any{"input": want}, rt.selection(typ, in))
	rt.compare(t, typ, create.Name, want, got)
	rt.readNode(t, typ, in, want)

	update := rt.s.Mutation.Fields.ForName("update" + typ)
	if update == nil {
		return
	}
	in = rt.s.Types[update.Arguments.ForName("input").Type.Name()]
	rt.structure(t, typ, in, false)
	change := rt.values(t, typ, in, 1, nil)
	changesEvery(t, typ, want, change)
	got = rt.mutate(t, update, map[string]any{"id": want["id"], "input": change}, rt.selection(typ, in))
	want = maps.Clone(want)
	maps.Copy(want, change)
	rt.compare(t, typ, update.Name, want, got)
	rt.readNode(t, typ, in, want)
}

// relation adds a relationship between two new nodes with every field of the
// add input set, reads it back from both ends, then changes every field of
// the patch and reads it back again.
func (rt *roundTrip) relation(t *testing.T, add *ast.FieldDefinition) {
	typ := add.Type.Name()
	spec := relationSpec(t, typ)
	in := rt.s.Types[add.Arguments.ForName("input").Type.Name()]
	rt.structure(t, typ, in, true)
	from, to := rt.typeOf(t, spec.From[0]), rt.typeOf(t, spec.To[len(spec.To)-1])
	ends := map[string]any{spec.FromField: rt.create(t, from), spec.ToField: rt.create(t, to)}
	want := rt.values(t, typ, in, 0, ends)
	got := rt.mutate(t, add, map[string]any{"input": want}, rt.selection(typ, in))
	rt.compare(t, typ, add.Name, want, got)
	rt.readRelation(t, typ, in, want, map[string]string{spec.FromField: from, spec.ToField: to})

	update := rt.s.Mutation.Fields.ForName("update" + typ)
	if update == nil {
		return
	}
	patch := rt.s.Types[update.Arguments.ForName("patch").Type.Name()]
	rt.structure(t, typ, patch, false)
	change := rt.values(t, typ, patch, 1, nil)
	changesEvery(t, typ, want, change)
	args := map[string]any{"patch": change}
	for _, arg := range update.Arguments {
		if arg.Name != "patch" {
			args[arg.Name] = want[arg.Name] // the ends and the key, as created
		}
	}
	got = rt.mutate(t, update, args, rt.selection(typ, in))
	want = maps.Clone(want)
	maps.Copy(want, change)
	rt.compare(t, typ, update.Name, want, got)
	rt.readRelation(t, typ, in, want, map[string]string{spec.FromField: from, spec.ToField: to})
}

// changesEvery fails the test if an update would write a value a field
// already holds: that field's update would prove nothing.
func changesEvery(t *testing.T, typ string, was, change map[string]any) {
	t.Helper()
	for name, v := range change {
		if reflect.DeepEqual(normalised(v), normalised(was[name])) {
			t.Errorf("%s.%s: the update writes %s, the value it has", typ, name, show(v))
		}
	}
}

// create makes a node of type typ with every create field set, for the end
// of a relationship, and returns its id.
func (rt *roundTrip) create(t *testing.T, typ string) any {
	create := rt.s.Mutation.Fields.ForName("create" + typ)
	in := rt.s.Types[create.Arguments.ForName("input").Type.Name()]
	v := rt.values(t, typ, in, 0, nil)
	rt.mutate(t, create, map[string]any{"input": v}, "id")
	return v["id"]
}

// structure checks that every input field has an output twin of the same
// name (an end's xId reads back as x { id }) and, for a create input, that
// every scalar output field is written by it.
func (rt *roundTrip) structure(t *testing.T, typ string, in *ast.Definition, create bool) {
	t.Helper()
	out := rt.s.Types[typ]
	for _, f := range in.Fields {
		if _, ok := roundTripExceptions[typ+"."+f.Name]; !ok && twin(out, f.Name) == "" {
			t.Errorf("%s.%s: input field of %s has no output field %s (nor %s { id } for an id)",
				typ, f.Name, in.Name, f.Name, strings.TrimSuffix(f.Name, "Id"))
		}
	}
	if !create {
		return
	}
	for _, name := range rt.scalars(out) {
		if _, ok := roundTripExceptions[typ+"."+name]; !ok && in.Fields.ForName(name) == nil {
			t.Errorf("%s.%s: output field is never written by %s", typ, name, in.Name)
		}
	}
}

// twin is the output field an input field reads back from: the field of the
// same name, or x for the id of an end xId.
func twin(out *ast.Definition, name string) string {
	if out.Fields.ForName(name) != nil {
		return name
	}
	if end := strings.TrimSuffix(name, "Id"); end != name && out.Fields.ForName(end) != nil {
		return end
	}
	return ""
}

// scalars lists the fields of def that hold a scalar, an enum or a list of
// them and need no argument: what a read can select without a sub-selection.
func (rt *roundTrip) scalars(def *ast.Definition) []string {
	var names []string
	for _, f := range def.Fields {
		kind := rt.s.Types[f.Type.Name()].Kind
		if !strings.HasPrefix(f.Name, "__") && len(f.Arguments) == 0 && (kind == ast.Scalar || kind == ast.Enum) {
			names = append(names, f.Name)
		}
	}
	return names
}

// selection selects every scalar field of typ and the id of every end the
// input in names.
func (rt *roundTrip) selection(typ string, in *ast.Definition) string {
	sel := rt.scalars(rt.s.Types[typ])
	for _, f := range in.Fields {
		if end := twin(rt.s.Types[typ], f.Name); end != f.Name && end != "" {
			sel = append(sel, end+" { id }")
		}
	}
	return strings.Join(sel, " ")
}

// values builds a value for every field of the input in: pass 0 for a
// create, pass 1 for an update, so that the two differ in every field. ends
// holds the ids of a relationship's ends; an id a field rule's Ref names
// is of a node made for it.
func (rt *roundTrip) values(t *testing.T, typ string, in *ast.Definition, pass int, ends map[string]any) map[string]any {
	t.Helper()
	v := map[string]any{}
	for i, f := range in.Fields {
		switch {
		case f.Type.Name() == "ID" && f.Name == "id":
			rt.ids++
			v[f.Name] = fmt.Sprintf("rt-%s-%d", strings.ToLower(typ), rt.ids)
		case f.Type.Name() == "ID" && ends[f.Name] == nil && len(fieldRule(typ, f.Name).Ref) > 0:
			// A property naming another node (a broker): a new one per
			// pass, so the update changes it.
			v[f.Name] = rt.create(t, rt.typeOf(t, fieldRule(typ, f.Name).Ref[pass%len(fieldRule(typ, f.Name).Ref)]))
		case f.Type.Name() == "ID":
			if ends[f.Name] == nil {
				t.Fatalf("%s.%s: no id for this end", in.Name, f.Name)
			}
			v[f.Name] = ends[f.Name]
		case f.Type.Elem != nil:
			v[f.Name] = []any{rt.value(t, typ, f, pass, i, 0), rt.value(t, typ, f, pass, i, 1)}
		default:
			v[f.Name] = rt.value(t, typ, f, pass, i, 0)
		}
	}
	return v
}

// value is the item-th value of the i-th input field f in the given pass:
// each field gets its own value (two fields swapped in a projection do not
// read back equal), valid under the field's rule in graph/model/fields.go.
func (rt *roundTrip) value(t *testing.T, typ string, f *ast.FieldDefinition, pass, i, item int) any {
	t.Helper()
	rule := fieldRule(typ, f.Name)
	switch name := f.Type.Name(); {
	case rt.s.Types[name].Kind == ast.Enum:
		// Values other than the default first, so a create writes a value
		// a missing property would not read back as. The default is the
		// field rule's: a patch input declares none.
		var values []string
		for _, e := range rt.s.Types[name].EnumValues {
			if e.Name != rule.Default {
				values = append(values, e.Name)
			}
		}
		if rule.Default != nil {
			values = append(values, rule.Default.(string))
		}
		return values[(pass+item)%len(values)]
	case name == "Boolean":
		byDefault, _ := rule.Default.(bool)
		return byDefault != (pass == 0)
	case name == "Int" && rule.Type == model.TypeYear:
		return 1950 + 50*pass + i // since comes before until
	case name == "Float" && rule.Type == model.TypeMoney:
		return float64(100*pass+i) + 0.5
	case name == "String" && rule.Check != nil:
		return checkedValue(t, rule, 4*rt.ids+2*pass+item) // unique, as a credit code must be
	case name == "String":
		s := fmt.Sprintf("%s %s 值 %d.%d", typ, f.Name, pass, item)
		if rule.Multiline {
			s += "\n第二行\t完"
		}
		return s
	}
	t.Fatalf("%s.%s: no value generator for %s (field rule type %d)", typ, f.Name, f.Type, rule.Type)
	return nil
}

// checkedValue makes the n-th value that passes a string field's check:
// the only checked format is the credit code, whose last character is a
// check character, so try each one after a prefix made of n.
func checkedValue(t *testing.T, rule model.FieldRule, n int) string {
	t.Helper()
	prefix := fmt.Sprintf("91440300%09d", 192203821+n)
	for _, c := range "0123456789ABCDEFGHJKLMNPQRTUWXY" {
		if rule.Check(prefix+string(c)) == "" {
			return prefix + string(c)
		}
	}
	t.Fatalf("%s: no generator for this checked format", rule.Name)
	return ""
}

// fieldRule finds the rule of a field in graph/model/fields.go by the
// GraphQL type name (Enterprise, Membership); the zero rule if there is none.
func fieldRule(typ, field string) model.FieldRule {
	var rules []model.FieldRule
	if spec := model.NodeSpecs[model.NodeKind(strings.ToUpper(typ))]; spec != nil {
		rules = spec.Fields
	} else if spec := model.RelationSpecs[model.RelationKind(strings.ToUpper(typ))]; spec != nil {
		rules = spec.Fields
	}
	for _, r := range rules {
		if r.Name == field {
			return r
		}
	}
	return model.FieldRule{}
}

func relationSpec(t *testing.T, typ string) *model.RelationSpec {
	t.Helper()
	spec := model.RelationSpecs[model.RelationKind(strings.ToUpper(typ))]
	if spec == nil {
		t.Fatalf("%s: no relationship type of graph/model/fields.go has this name", typ)
	}
	return spec
}

// typeOf is the GraphQL type of a node kind.
func (rt *roundTrip) typeOf(t *testing.T, kind model.NodeKind) string {
	t.Helper()
	for _, def := range rt.s.Types {
		if def.Kind == ast.Object && strings.ToUpper(def.Name) == string(kind) {
			return def.Name
		}
	}
	t.Fatalf("no GraphQL type for node kind %s", kind)
	return ""
}

// mutate runs a mutation with the given arguments as variables and returns
// what it selected.
func (rt *roundTrip) mutate(t *testing.T, m *ast.FieldDefinition, args map[string]any, sel string) map[string]any {
	t.Helper()
	var decl, use []string
	for _, arg := range m.Arguments {
		decl = append(decl, "$"+arg.Name+": "+arg.Type.String())
		use = append(use, arg.Name+": $"+arg.Name)
	}
	q := fmt.Sprintf("mutation(%s) { m: %s(%s) { %s } }", strings.Join(decl, ", "), m.Name, strings.Join(use, ", "), sel)
	var out struct{ M map[string]any }
	rt.query(t, q, args, &out)
	return out.M
}

func (rt *roundTrip) query(t *testing.T, q string, vars map[string]any, v any) {
	t.Helper()
	res := rt.a.Do(apitest.WriteToken, q, vars)
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %+v\nquery: %s\nvariables: %v", res.Errors, q, vars)
	}
	if err := json.Unmarshal(res.Data, v); err != nil {
		t.Fatalf("decode %s: %v", res.Data, err)
	}
}

// readNode reads the node back through node(id:), nodes(ids:) and every
// list of its type, and compares each.
func (rt *roundTrip) readNode(t *testing.T, typ string, in *ast.Definition, want map[string]any) {
	t.Helper()
	sel := rt.selection(typ, in)
	var byID struct {
		N  map[string]any
		Ns []map[string]any
	}
	rt.query(t, fmt.Sprintf(`query($id: ID!) { n: node(id: $id) { ... on %[1]s { %[2]s } } ns: nodes(ids: [$id]) { ... on %[1]s { %[2]s } } }`, typ, sel),
		map[string]any{"id": want["id"]}, &byID)
	rt.compare(t, typ, "node(id:)", want, byID.N)
	rt.compare(t, typ, "nodes(ids:)", want, byID.Ns[0])
	lists := rt.listsOf(rt.s.Query, typ)
	if len(lists) == 0 {
		t.Errorf("%s: no query lists this type", typ)
	}
	for _, list := range lists {
		for _, n := range rt.listed(t, list, "id "+sel) {
			if n["id"] == want["id"] {
				rt.compare(t, typ, list+" list", want, n)
			}
		}
	}
}

// readRelation reads the relationship back through every relationship list
// of both its ends, on the node read by id, on the node in a list of its
// type and on the node an update returns, and compares each. ends maps an end's input field to its type.
func (rt *roundTrip) readRelation(t *testing.T, typ string, in *ast.Definition, want map[string]any, ends map[string]string) {
	t.Helper()
	sel := rt.selection(typ, in)
	for field, end := range ends {
		found := 0
		for _, rel := range rt.listsOf(rt.s.Types[end], typ) {
			inner := fmt.Sprintf("%s(first: 5) { edges { node { %s } } }", rel, sel)
			var byID struct{ N map[string]any }
			rt.query(t, fmt.Sprintf(`query($id: ID!) { n: node(id: $id) { ... on %s { %s } } }`, end, inner),
				map[string]any{"id": want[field]}, &byID)
			found += rt.compareEdges(t, typ, fmt.Sprintf("node(id:) { %s }", rel), want, byID.N[rel])
			// Under a mutation's result nothing reads ahead: the list comes
			// from the relation loader. An empty input changes nothing.
			if update := rt.s.Mutation.Fields.ForName("update" + end); update != nil {
				got := rt.mutate(t, update, map[string]any{"id": want[field], "input": map[string]any{}}, inner)
				found += rt.compareEdges(t, typ, fmt.Sprintf("%s { %s }", update.Name, rel), want, got[rel])
			}
			for _, list := range rt.listsOf(rt.s.Query, end) {
				for _, n := range rt.listed(t, list, "id "+inner) {
					if n["id"] == want[field] {
						found += rt.compareEdges(t, typ, fmt.Sprintf("%s { %s }", list, rel), want, n[rel])
					}
				}
			}
		}
		if found == 0 {
			t.Errorf("%s: no list of its %s end (%s) reads it", typ, field, end)
		}
	}
}

// compareEdges compares the relationships of a connection, a fresh pair of
// ends holding at most one, and returns how many it compared.
func (rt *roundTrip) compareEdges(t *testing.T, typ, via string, want map[string]any, conn any) int {
	t.Helper()
	var c struct {
		Edges []struct{ Node map[string]any }
	}
	b, _ := json.Marshal(conn)
	if err := json.Unmarshal(b, &c); err != nil || len(c.Edges) > 1 {
		t.Errorf("%s via %s: want at most one edge, got %s", typ, via, b)
		return 0
	}
	for _, e := range c.Edges {
		rt.compare(t, typ, via, want, e.Node)
	}
	return len(c.Edges)
}

// listsOf names the fields of def that are connections of nodes of type typ.
func (rt *roundTrip) listsOf(def *ast.Definition, typ string) []string {
	var names []string
	for _, f := range def.Fields {
		conn := rt.s.Types[f.Type.Name()]
		if conn == nil || conn.Fields.ForName("edges") == nil {
			continue
		}
		edge := rt.s.Types[conn.Fields.ForName("edges").Type.Name()]
		if node := edge.Fields.ForName("node"); node != nil && node.Type.Name() == typ {
			names = append(names, f.Name)
		}
	}
	return names
}

// listed reads the first page of a query's list with the selection sel;
// the test's graph is small enough for one page.
func (rt *roundTrip) listed(t *testing.T, list, sel string) []map[string]any {
	t.Helper()
	var out map[string]struct {
		Edges []struct{ Node map[string]any }
	}
	rt.query(t, fmt.Sprintf("{ l: %s(first: 50) { edges { node { %s } } } }", list, sel), nil, &out)
	var nodes []map[string]any
	for _, e := range out["l"].Edges {
		nodes = append(nodes, e.Node)
	}
	return nodes
}

// compare reports every written field of want that got, read through via,
// does not hold; an end's id is compared with the id of the end read.
func (rt *roundTrip) compare(t *testing.T, typ, via string, want, got map[string]any) {
	t.Helper()
	if got == nil {
		t.Errorf("%s via %s: not found", typ, via)
		return
	}
	out := rt.s.Types[typ]
	names := make([]string, 0, len(want))
	for name := range want {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if _, ok := roundTripExceptions[typ+"."+name]; ok {
			continue
		}
		read, field := got[name], twin(out, name)
		if field != name {
			end, _ := got[field].(map[string]any)
			read = end["id"]
		}
		if w := normalised(want[name]); !reflect.DeepEqual(w, read) {
			t.Errorf("%s.%s via %s: wrote %s, read back %s", typ, name, via, show(w), show(read))
		}
	}
}

// normalised is v as it reads back from JSON (numbers as float64, lists as []any).
func normalised(v any) any {
	b, _ := json.Marshal(v)
	var out any
	_ = json.Unmarshal(b, &out)
	return out
}

func show(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

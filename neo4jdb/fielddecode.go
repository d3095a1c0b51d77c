package neo4jdb

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/innograph/innograph/graph/model"
)

// structField is a stored property and the index of the struct field
// decodeNode or decodeRelation copies it into.
type structField struct {
	prop  string
	index []int
}

// nodeFields and relationFields map each node and relationship kind to its
// model type and, for each property of its field rules (model.NodeSpecs,
// model.RelationSpecs), the struct field of the same name with its first
// letter upper-cased (creditCode → CreditCode; a final Id as ID, brokerId →
// BrokerID). They are built at start, so
// a field rule without a struct field stops the program before it serves a
// read.
var (
	nodeTypes, nodeFields = fieldIndex(model.NodeSpecs,
		func(s *model.NodeSpec) []model.FieldRule { return s.Fields },
		func(n model.Node) model.NodeKind { return n.NodeKind() },
		[]model.Node{&model.Enterprise{}, &model.University{}, &model.Alliance{}, &model.Park{}, &model.Result{},
			&model.Person{}, &model.Intermediary{}, &model.Project{}, &model.Demand{}})
	relationTypes, relationFields = fieldIndex(model.RelationSpecs,
		func(s *model.RelationSpec) []model.FieldRule { return s.Fields },
		func(r model.Relation) model.RelationKind { return r.RelationKind() },
		[]model.Relation{&model.Membership{}, &model.Location{}, &model.Development{}, &model.Transfer{}, &model.Collaboration{},
			&model.Affiliation{}, &model.Service{}, &model.Participation{}, &model.Output{}, &model.Posting{}, &model.Match{}, &model.Brokerage{}})
)

func fieldIndex[K comparable, S, V any](specs map[K]S, fields func(S) []model.FieldRule, kindOf func(V) K, values []V) (map[K]reflect.Type, map[K][]structField) {
	types := map[K]reflect.Type{}
	for _, v := range values {
		types[kindOf(v)] = reflect.TypeOf(v).Elem()
	}
	out := map[K][]structField{}
	for kind, spec := range specs {
		t, ok := types[kind]
		if !ok {
			panic(fmt.Sprintf("neo4jdb: no model type for kind %v", kind))
		}
		for _, f := range fields(spec) {
			name := strings.ToUpper(f.Name[:1]) + f.Name[1:]
			sf, ok := t.FieldByName(name)
			if id, isID := strings.CutSuffix(name, "Id"); !ok && isID {
				sf, ok = t.FieldByName(id + "ID") // Go's initialism, as gqlgen binds it (brokerId → BrokerID)
			}
			if !ok {
				panic(fmt.Sprintf("neo4jdb: %s has no field for property %q", t.Name(), f.Name))
			}
			out[kind] = append(out[kind], structField{f.Name, sf.Index})
		}
	}
	return types, out
}

// setFields copies the properties p into the struct value v.
func setFields(v reflect.Value, p props, fields []structField) {
	for _, f := range fields {
		setField(v.FieldByIndex(f.index), p, f.prop)
	}
}

// setField copies property key of p into field v as v's type wants it:
// optional values (pointers) stay nil when absent or mistyped, like props'
// readers.
func setField(v reflect.Value, p props, key string) {
	switch t := v.Type(); {
	case t.Kind() == reflect.String:
		v.SetString(p.str(key))
	case t.Kind() == reflect.Bool:
		v.SetBool(p.flag(key))
	case t.Kind() == reflect.Slice:
		ss := p.strs(key)
		list := reflect.MakeSlice(t, len(ss), len(ss))
		for i, s := range ss {
			list.Index(i).SetString(s)
		}
		v.Set(list)
	case t.Elem().Kind() == reflect.String:
		if s := p.optStr(key); s != nil {
			v.Set(reflect.New(t.Elem()))
			v.Elem().SetString(*s)
		}
	case t.Elem().Kind() == reflect.Int:
		if n := p.optInt(key); n != nil {
			v.Set(reflect.ValueOf(n))
		}
	case t.Elem().Kind() == reflect.Float64:
		if f := p.optFloat(key); f != nil {
			v.Set(reflect.ValueOf(f))
		}
	default:
		panic(fmt.Sprintf("neo4jdb: no decoder for property %q of type %s", key, t))
	}
}

package neo4jdb

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/innograph/innograph/graph/model"
)

// nodeStructs are the model types of the node kinds, by their kind.
var nodeStructs = func() map[model.NodeKind]reflect.Type {
	out := map[model.NodeKind]reflect.Type{}
	for _, n := range []model.Node{&model.Enterprise{}, &model.University{}, &model.Alliance{}, &model.Park{}, &model.Result{}} {
		out[n.NodeKind()] = reflect.TypeOf(n).Elem()
	}
	return out
}()

// nodeFieldIndex maps, per node kind, each stored property of its field
// rules (model.NodeSpecs) to the struct field decodeNode copies it into:
// the property's name with its first letter upper-cased (creditCode →
// CreditCode). It is built at start, so a field rule without a struct field
// stops the program before it serves a read.
var nodeFieldIndex = func() map[model.NodeKind][]nodeField {
	out := map[model.NodeKind][]nodeField{}
	for kind, spec := range model.NodeSpecs {
		t, ok := nodeStructs[kind]
		if !ok {
			panic(fmt.Sprintf("neo4jdb: no model type for node kind %q", kind))
		}
		for _, f := range spec.Fields {
			sf, ok := t.FieldByName(strings.ToUpper(f.Name[:1]) + f.Name[1:])
			if !ok {
				panic(fmt.Sprintf("neo4jdb: %s has no field for property %q", t.Name(), f.Name))
			}
			out[kind] = append(out[kind], nodeField{f.Name, sf.Index})
		}
	}
	return out
}()

// nodeField is a stored property and the index of its struct field.
type nodeField struct {
	prop  string
	index []int
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
	default:
		panic(fmt.Sprintf("neo4jdb: no decoder for property %q of type %s", key, t))
	}
}

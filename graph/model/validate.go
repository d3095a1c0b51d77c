package model

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Mode says how a write treats its input.
type Mode int

const (
	// Create requires the required fields and applies defaults.
	Create Mode = iota
	// Patch checks only the fields present; a null clears an optional field.
	Patch
)

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]*$`)

// ValidateID checks a node id supplied by a client or a seed file.
func ValidateID(field, id string) error {
	switch {
	case id == "":
		return Invalid(field, "must not be empty")
	case len(id) > MaxIDLen:
		return Invalid(field, "longer than %d characters", MaxIDLen)
	case !idPattern.MatchString(id):
		return Invalid(field, "%q may contain only letters, digits and . _ : - and must start with a letter or digit", id)
	}
	return nil
}

// NewID returns a fresh id with the node type's prefix. Version 7 UUIDs are
// time-ordered, which keeps the id index append-mostly.
func (s *NodeSpec) NewID() string {
	return s.IDPrefix + "-" + uuid.Must(uuid.NewV7()).String()
}

// Validate checks a node's raw input. On Create it returns the id (generated
// when absent); on Patch the input must not contain an id.
func (s *NodeSpec) Validate(raw map[string]any, mode Mode) (id string, props map[string]any, err error) {
	rest := raw
	if mode == Create {
		if v := plain(raw["id"]); v != nil {
			str, ok := asString(v)
			if !ok {
				return "", nil, Invalid("id", "must be a string")
			}
			id = strings.TrimSpace(str)
			if err := ValidateID("id", id); err != nil {
				return "", nil, err
			}
		}
		rest = Without(raw, "id")
		if id == "" {
			id = s.NewID()
		}
	}
	props, err = validateFields(s.Fields, rest, mode)
	return id, props, err
}

// Validate checks a relationship's raw input. On Create the input names both
// ends (FromField, ToField); on Patch it holds only properties.
func (s *RelationSpec) Validate(raw map[string]any, mode Mode) (from, to string, props map[string]any, err error) {
	rest := raw
	if mode == Create {
		if from, err = endID(raw, s.FromField); err != nil {
			return "", "", nil, err
		}
		if to, err = endID(raw, s.ToField); err != nil {
			return "", "", nil, err
		}
		rest = Without(raw, s.FromField, s.ToField)
	} else {
		for _, k := range s.Key {
			if _, ok := raw[k]; ok {
				return "", "", nil, Invalid(k, "identifies the relationship and cannot be changed; remove it and add a new one")
			}
		}
	}
	props, err = validateFields(s.Fields, rest, mode)
	return from, to, props, err
}

// KeyProps returns the key properties of a validated relationship.
func (s *RelationSpec) KeyProps(props map[string]any) map[string]any {
	key := make(map[string]any, len(s.Key))
	for _, k := range s.Key {
		key[k] = props[k]
	}
	return key
}

func endID(raw map[string]any, field string) (string, error) {
	str, ok := asString(plain(raw[field]))
	if !ok || strings.TrimSpace(str) == "" {
		return "", Invalid(field, "is required")
	}
	id := strings.TrimSpace(str)
	return id, ValidateID(field, id)
}

// Without returns a copy of raw without keys, leaving raw as it was.
func Without(raw map[string]any, keys ...string) map[string]any {
	out := make(map[string]any, len(raw))
	for k, v := range raw {
		if !slices.Contains(keys, k) {
			out[k] = v
		}
	}
	return out
}

// validateFields normalises raw values to the types stored in Neo4j. It
// reports the first problem, unknown fields first, then in field order, so
// the same input always gets the same error.
func validateFields(fields []FieldRule, raw map[string]any, mode Mode) (map[string]any, error) {
	unknown := make([]string, 0)
	for k := range raw {
		if !slices.ContainsFunc(fields, func(f FieldRule) bool { return f.Name == k }) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		name := unknown[0]
		if _, reason := checkText(name, false); reason != "" {
			name = strconv.Quote(name) // a file's key reaches terminals and logs
		}
		return nil, Invalid(name, "unknown field")
	}
	props := make(map[string]any, len(fields))
	for i := range fields {
		f := &fields[i]
		v, present := raw[f.Name]
		v = plain(v)
		if v != nil {
			norm, reason := f.normalise(v)
			if reason != "" {
				return nil, Invalid(f.Name, "%s", reason)
			}
			v = norm // may be nil: an empty optional string or list means absent
		}
		switch {
		case v != nil:
			props[f.Name] = v
		case mode == Create && f.Required:
			return nil, Invalid(f.Name, "is required")
		case mode == Create && f.Default != nil:
			props[f.Name] = f.Default
		case mode == Patch && present && (f.Required || f.Default != nil):
			return nil, Invalid(f.Name, "cannot be cleared")
		case mode == Patch && present:
			props[f.Name] = nil // SET n += {f: null} removes the property
		}
	}
	for _, pair := range yearOrder {
		a, aok := props[pair[0]].(int64)
		b, bok := props[pair[1]].(int64)
		if aok && bok && a > b {
			return nil, Invalid(pair[1], "%d is before %s %d", b, pair[0], a)
		}
	}
	return props, nil
}

// normalise converts v to the stored type; a non-empty reason rejects it.
func (f *FieldRule) normalise(v any) (any, string) {
	switch f.Type {
	case TypeString:
		s, ok := asString(v)
		if !ok {
			return nil, "must be a string"
		}
		return f.normaliseString(s)
	case TypeEnum:
		s, ok := asString(v)
		if !ok || !slices.Contains(f.Enum, s) {
			return nil, fmt.Sprintf("must be one of %s", strings.Join(f.Enum, ", "))
		}
		return s, ""
	case TypeYear:
		n, ok := asInt(v)
		if !ok {
			return nil, "must be a whole number (a year)"
		}
		if n < MinYear || n > MaxYear {
			return nil, fmt.Sprintf("year %d is outside %d–%d", n, MinYear, MaxYear)
		}
		return n, ""
	case TypeMoney:
		x, ok := asFloat(v)
		if !ok || math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, "must be a number"
		}
		if x < 0 {
			return nil, "must not be negative"
		}
		return x, ""
	case TypeBool:
		b, ok := v.(bool)
		if !ok {
			return nil, "must be true or false"
		}
		return b, ""
	case TypeStringList, TypeEnumList:
		return f.normaliseList(v)
	}
	return nil, "has an unsupported type"
}

func (f *FieldRule) normaliseString(s string) (any, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, ""
	}
	s, reason := checkText(s, f.Multiline)
	if reason != "" {
		return nil, reason
	}
	limit := f.MaxLen
	if limit == 0 {
		limit = MaxTextLen
	}
	if utf8.RuneCountInString(s) > limit {
		return nil, fmt.Sprintf("longer than %d characters", limit)
	}
	if f.Check != nil {
		if reason := f.Check(s); reason != "" {
			return nil, reason
		}
	}
	return s, ""
}

func (f *FieldRule) normaliseList(v any) (any, string) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice {
		return nil, "must be a list"
	}
	if rv.Len() > MaxListItems {
		return nil, fmt.Sprintf("more than %d items", MaxListItems)
	}
	item := FieldRule{Name: f.Name, Type: TypeString, MaxLen: f.MaxLen, Enum: f.Enum}
	if f.Type == TypeEnumList {
		item.Type = TypeEnum
	}
	out := make([]string, 0, rv.Len())
	for i := 0; i < rv.Len(); i++ {
		norm, reason := item.normalise(rv.Index(i).Interface())
		if reason != "" {
			return nil, fmt.Sprintf("item %d %s", i+1, reason)
		}
		if s, ok := norm.(string); ok && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		// Absent, as an empty string is: reads give an empty list either
		// way, and Neo4j's offline importer cannot store an empty one, so
		// a bulk load stores what a transactional one does (seed bulk).
		return nil, ""
	}
	return out, ""
}

// plain turns what decoders hand over into plain values: GraphQL input maps
// carry nullable fields as pointers and enums as their Go types, JSON and CSV
// carry numbers as json.Number; pointers are followed, named string, integer
// and float kinds become string, int64 and float64, and lists []any.
func plain(v any) any {
	if _, ok := v.(json.Number); ok || v == nil {
		return v
	}
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil
		}
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.String:
		return rv.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int()
	case reflect.Float32, reflect.Float64:
		return rv.Float()
	case reflect.Bool:
		return rv.Bool()
	case reflect.Slice:
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = plain(rv.Index(i).Interface())
		}
		return out
	}
	return rv.Interface()
}

// asString accepts strings and string-kinded values such as generated enums.
func asString(v any) (string, bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.String {
		return "", false
	}
	return rv.String(), true
}

// asInt accepts the integer forms that JSON, CSV and GraphQL decoding produce.
func asInt(v any) (int64, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int32:
		return int64(n), true
	case int64:
		return n, true
	case float64:
		if n == math.Trunc(n) && math.Abs(n) < 1e15 {
			return int64(n), true
		}
	case json.Number:
		i, err := n.Int64()
		return i, err == nil
	}
	return 0, false
}

func asFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	}
	if i, ok := asInt(v); ok {
		return float64(i), true
	}
	return 0, false
}

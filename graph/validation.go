package graph

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/innograph/innograph/graph/model"
)

// Bounds of list arguments.
const (
	maxFirst        = 100
	defaultListSize = 20
	maxFilterText   = 100
)

// bounded checks an integer argument: absent means def, else lo..hi.
func bounded(arg string, v *int, def, lo, hi int) (int, error) {
	if v == nil {
		return def, nil
	}
	if *v < lo || *v > hi {
		return 0, model.Invalid(arg, "must be between %d and %d, got %d", lo, hi, *v)
	}
	return *v, nil
}

// argChecks runs argument checks in order and keeps the first error; the
// filter checks among them collect their predicates in where.
type argChecks struct {
	where []model.Condition
	err   error
}

func (a *argChecks) int(arg string, v *int, def, lo, hi int) int {
	if a.err != nil {
		return def
	}
	n, err := bounded(arg, v, def, lo, hi)
	a.err = err
	return n
}

func (a *argChecks) id(arg, id string) {
	if a.err == nil {
		a.err = requireID(arg, id)
	}
}

// requireID checks an id argument.
func requireID(arg, id string) error {
	if strings.TrimSpace(id) == "" {
		return model.Invalid(arg, "must not be empty")
	}
	return nil
}

// cursor is what an opaque cursor string holds: the order it belongs to and
// the position in it, so a cursor of another order is rejected, not misread.
type cursor struct {
	Order string `json:"o"`
	model.Cursor
}

func encodeCursor(order string, c model.Cursor) string {
	b, _ := json.Marshal(cursor{Order: order, Cursor: c})
	return base64.RawURLEncoding.EncodeToString(b)
}

// badCursor refuses a cursor argument that is not one of this list's.
func badCursor(arg string) error {
	return model.Invalid(arg, "is not a cursor of this list and order; pass a cursor from the same query")
}

func decodeCursor(arg, order, s string) (*model.Cursor, error) {
	bad := badCursor(arg)
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var c cursor
	if err := dec.Decode(&c); err != nil || c.Order != order || c.ID == "" {
		return nil, bad
	}
	// JSON numbers come back as json.Number; years and degrees are
	// integers, search scores floats (JSON keeps a float64 exactly).
	if n, ok := c.Key.(json.Number); ok {
		if i, err := n.Int64(); err == nil {
			c.Key = i
		} else if f, err := n.Float64(); err == nil {
			c.Key = f
		} else {
			return nil, bad
		}
	}
	// No list or object: a cursor is a comparable value (model.Cursor).
	switch c.Key.(type) {
	case nil, string, int64, float64:
	default:
		return nil, bad
	}
	return &c.Cursor, nil
}

// pageArgs are a connection's paging arguments, as the client gave them.
type pageArgs struct {
	first, last   *int
	after, before *string
}

// listQuery validates the arguments shared by the node lists, after the
// filter has been turned into where. A page is read forward by first (the
// default) or backward by last, never both, each 1..maxFirst.
func listQuery(kind model.NodeKind, where []model.Condition, orderBy *model.NodeOrder, args pageArgs) (model.ListQuery, error) {
	q := model.ListQuery{Kind: kind, Where: where, OrderBy: "name"}
	var err error
	if q.First, q.Backward, err = args.size(); err != nil {
		return q, err
	}
	if orderBy != nil {
		q.Desc = orderBy.Direction == model.OrderDirectionDesc
		switch orderBy.Field {
		case model.NodeOrderFieldID:
			q.OrderBy = "id"
		case model.NodeOrderFieldYear:
			q.OrderBy = yearProperty[kind]
			if q.OrderBy == "" {
				return q, model.Invalid("orderBy", "%s has no year to order by", strings.ToLower(string(kind)))
			}
		}
	}
	q.After, q.Before, err = args.cursors(orderKey(q))
	return q, err
}

// size checks the page size: forward by first (the default) or backward by
// last, never both, each 1..maxFirst.
func (args pageArgs) size() (n int, backward bool, err error) {
	switch {
	case args.first != nil && args.last != nil:
		return 0, false, model.Invalid("last", "cannot be given with first: page forward with first and after, or backward with last and before")
	case args.last != nil:
		n, err = bounded("last", args.last, defaultListSize, 1, maxFirst)
		return n, true, err
	}
	n, err = bounded("first", args.first, defaultListSize, 1, maxFirst)
	return n, false, err
}

// cursors decodes after and before, which must be cursors of the order.
func (args pageArgs) cursors(order string) (after, before *model.Cursor, err error) {
	if args.after != nil {
		if after, err = decodeCursor("after", order, *args.after); err != nil {
			return nil, nil, err
		}
	}
	if args.before != nil {
		if before, err = decodeCursor("before", order, *args.before); err != nil {
			return nil, nil, err
		}
	}
	return after, before, nil
}

// yearProperty is the property YEAR orders each kind by.
var yearProperty = map[model.NodeKind]string{
	model.NodeKindEnterprise: "founded",
	model.NodeKindAlliance:   "founded",
	model.NodeKindPark:       "founded",
	model.NodeKindResult:     "year",
	model.NodeKindProject:    "year",
	model.NodeKindDemand:     "year",
}

func orderKey(q model.ListQuery) string {
	if q.Desc {
		return string(q.Kind) + ":" + q.OrderBy + ":desc"
	}
	return string(q.Kind) + ":" + q.OrderBy
}

// The filter checks: each checks a value and adds its predicate to where.

func (a *argChecks) text(op model.Op, arg, prop string, v *string) {
	if v == nil || a.err != nil {
		return
	}
	s := strings.TrimSpace(*v)
	switch {
	case s == "":
		a.err = model.Invalid(arg, "must not be empty")
	case utf8.RuneCountInString(s) > maxFilterText:
		a.err = model.Invalid(arg, "longer than %d characters", maxFilterText)
	default:
		a.where = append(a.where, model.Condition{Op: op, Prop: prop, Value: s})
	}
}

// region adds the region filter: the value's segments, without slashes
// at either end, match whole segments at any level of a region path
// (model.OpRegion), so 阿拉善盟 finds 内蒙古自治区/阿拉善盟.
func (a *argChecks) region(arg string, v *string) {
	if v == nil || a.err != nil {
		return
	}
	path := strings.Trim(strings.TrimSpace(*v), "/")
	if path == "" && strings.TrimSpace(*v) != "" {
		a.err = model.Invalid(arg, "must name a region, not only slashes")
		return
	}
	a.text(model.OpRegion, arg, "region", &path)
}

func (a *argChecks) enum(prop string, v interface{ String() string }, present bool) {
	if present && a.err == nil {
		a.where = append(a.where, model.Condition{Op: model.OpEquals, Prop: prop, Value: v.String()})
	}
}

// years checks a window of years and keeps prop within it.
func (a *argChecks) years(fromArg, toArg, prop string, from, to *int) {
	if !a.yearWindow(fromArg, toArg, from, to) {
		return
	}
	if from != nil {
		a.where = append(a.where, model.Condition{Op: model.OpAtLeast, Prop: prop, Value: int64(*from)})
	}
	if to != nil {
		a.where = append(a.where, model.Condition{Op: model.OpAtMost, Prop: prop, Value: int64(*to)})
	}
}

// yearWindow checks a window of years (either end open) and reports whether
// it is valid.
func (a *argChecks) yearWindow(fromArg, toArg string, from, to *int) bool {
	if a.err != nil {
		return false
	}
	for _, y := range []struct {
		arg string
		v   *int
	}{{fromArg, from}, {toArg, to}} {
		if y.v != nil && (*y.v < model.MinYear || *y.v > model.MaxYear) {
			a.err = model.Invalid(y.arg, "year %d is outside %d–%d", *y.v, model.MinYear, model.MaxYear)
			return false
		}
	}
	if from != nil && to != nil && *from > *to {
		a.err = model.Invalid(toArg, "%d is before %s %d", *to, fromArg, *from)
		return false
	}
	return true
}

// Bounds of search.
const (
	maxSearchText      = 200
	defaultSearchFirst = 10
)

// searchArgs checks the arguments of search.
func searchArgs(query string, first *int) (string, int, error) {
	text := strings.TrimSpace(query)
	switch {
	case text == "":
		return "", 0, model.Invalid("query", "must not be empty")
	case utf8.RuneCountInString(text) > maxSearchText:
		return "", 0, model.Invalid("query", "longer than %d characters", maxSearchText)
	}
	n, err := bounded("first", first, defaultSearchFirst, 1, maxFirst)
	return text, n, err
}

package graph

import (
	"reflect"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/graph/model/modeltest"
)

func ptr[T any](v T) *T { return &v }

func TestBounded(t *testing.T) {
	for _, tc := range []struct {
		first *int
		want  int
		ok    bool
	}{
		{nil, 20, true}, {ptr(1), 1, true}, {ptr(100), 100, true},
		{ptr(0), 0, false}, {ptr(-3), 0, false}, {ptr(101), 0, false},
	} {
		got, err := bounded("first", tc.first, 20, 1, maxFirst)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("bounded(%v) = %d, %v", tc.first, got, err)
		}
		if err != nil && modeltest.Invalid(t, err) != "first" {
			t.Errorf("error should name first: %v", err)
		}
	}
}

func TestCursorRoundTrip(t *testing.T) {
	for _, c := range []model.Cursor{{Key: "科河种业", ID: "ent-1"}, {Key: int64(2015), ID: "res-9"},
		{Key: "联盟", ID: "all-1", Rank: 2, Tie: "LICENCE"}} {
		s := encodeCursor("RESULT:year", c)
		got, err := decodeCursor("after", "RESULT:year", s)
		if err != nil || *got != c {
			t.Errorf("round trip of %v gave %v, %v", c, got, err)
		}
	}
	s := encodeCursor("ENTERPRISE:name", model.Cursor{Key: "a", ID: "b"})
	// A key that is a list or an object would make the cursor, and the
	// relation loaders' key holding it, incomparable.
	for _, bad := range []string{"%%%", "bm90IGpzb24", encodeCursor("ENTERPRISE:name", model.Cursor{Key: "a"}),
		encodeCursor("ENTERPRISE:name", model.Cursor{Key: []any{1}, ID: "b"}),
		encodeCursor("ENTERPRISE:name", model.Cursor{Key: map[string]any{"a": 1}, ID: "b"})} {
		for _, arg := range []string{"after", "before"} {
			if _, err := decodeCursor(arg, "ENTERPRISE:name", bad); modeltest.Invalid(t, err) != arg {
				t.Errorf("cursor %q should be rejected naming %s", bad, arg)
			}
		}
	}
	if _, err := decodeCursor("after", "ENTERPRISE:name:desc", s); err == nil {
		t.Error("a cursor of another order must be rejected")
	}
}

func TestListQuery(t *testing.T) {
	q, err := listQuery(model.NodeKindResult, nil,
		&model.NodeOrder{Field: model.NodeOrderFieldYear, Direction: model.OrderDirectionDesc}, pageArgs{first: ptr(5)})
	if err != nil || q.OrderBy != "year" || !q.Desc || q.First != 5 || q.Backward {
		t.Errorf("got %+v, %v", q, err)
	}
	_, err = listQuery(model.NodeKindUniversity, nil, &model.NodeOrder{Field: model.NodeOrderFieldYear}, pageArgs{})
	if modeltest.Invalid(t, err) != "orderBy" {
		t.Error("universities have no year to order by")
	}
}

// TestListQueryPaging: a page is read forward by first (20 by default) or
// backward by last, each 1..100, never both; both cursors are checked.
func TestListQueryPaging(t *testing.T) {
	cur := encodeCursor("ENTERPRISE:name", model.Cursor{Key: "a", ID: "b"})
	other := encodeCursor("ENTERPRISE:id", model.Cursor{Key: "a", ID: "b"})
	for _, tc := range []struct {
		name     string
		args     pageArgs
		first    int
		backward bool
		badArg   string
	}{
		{"Default", pageArgs{}, 20, false, ""},
		{"First", pageArgs{first: ptr(7), after: &cur}, 7, false, ""},
		{"Last", pageArgs{last: ptr(100), before: &cur}, 100, true, ""},
		{"BothCursors", pageArgs{last: ptr(3), after: &cur, before: &cur}, 3, true, ""},
		{"FirstAndLast", pageArgs{first: ptr(5), last: ptr(5)}, 0, false, "last"},
		{"LastTooBig", pageArgs{last: ptr(101)}, 0, false, "last"},
		{"LastZero", pageArgs{last: ptr(0)}, 0, false, "last"},
		{"FirstTooBig", pageArgs{first: ptr(101)}, 0, false, "first"},
		{"BeforeOfAnotherOrder", pageArgs{last: ptr(5), before: &other}, 0, false, "before"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := listQuery(model.NodeKindEnterprise, nil, nil, tc.args)
			if tc.badArg != "" {
				if modeltest.Invalid(t, err) != tc.badArg {
					t.Errorf("want BAD_USER_INPUT on %s, got %v", tc.badArg, err)
				}
				return
			}
			if err != nil || q.First != tc.first || q.Backward != tc.backward ||
				(tc.args.after != nil) != (q.After != nil) || (tc.args.before != nil) != (q.Before != nil) {
				t.Errorf("got %+v, %v", q, err)
			}
		})
	}
}

func TestFilterConditions(t *testing.T) {
	conds, err := enterpriseConditions(&model.EnterpriseFilter{
		NameContains: ptr(" 种业 "), Region: ptr("内蒙古自治区"),
		Certifications: []model.Certification{model.CertificationHighTech},
		FoundedFrom:    ptr(2000), FoundedTo: ptr(2010),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Condition{
		{Op: model.OpNameContains, Prop: "name", Value: "种业"},
		{Op: model.OpRegion, Prop: "region", Value: "内蒙古自治区"},
		{Op: model.OpHasAll, Prop: "certifications", Value: []string{"HIGH_TECH"}},
		{Op: model.OpAtLeast, Prop: "founded", Value: int64(2000)},
		{Op: model.OpAtMost, Prop: "founded", Value: int64(2010)},
	}
	if !reflect.DeepEqual(conds, want) {
		t.Errorf("conditions\n%#v\nwant\n%#v", conds, want)
	}
	for _, tc := range []struct {
		name  string
		err   error
		field string
	}{
		{"ErrEmptyName", second(enterpriseConditions(&model.EnterpriseFilter{NameContains: ptr(" ")})), "filter.nameContains"},
		{"ErrYearRange", second(resultConditions(&model.ResultFilter{YearFrom: ptr(1500)})), "filter.yearFrom"},
		{"ErrYearOrder", second(resultConditions(&model.ResultFilter{YearFrom: ptr(2020), YearTo: ptr(2010)})), "filter.yearTo"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := modeltest.Invalid(t, tc.err); got != tc.field {
				t.Errorf("names %q, want %q", got, tc.field)
			}
		})
	}
}

func second[A, B any](_ A, b B) B { return b }

func TestSearchArgs(t *testing.T) {
	if text, n, err := searchArgs("  科河 ", nil); err != nil || text != "科河" || n != 10 {
		t.Errorf("got %q %d %v", text, n, err)
	}
	if _, _, err := searchArgs(" ", nil); modeltest.Invalid(t, err) != "query" {
		t.Error("empty query")
	}
	if _, _, err := searchArgs("x", ptr(0)); modeltest.Invalid(t, err) != "first" {
		t.Error("first out of range")
	}
}

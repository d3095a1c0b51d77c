package gqlhttp

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseBody(t *testing.T) {
	for _, tc := range []struct {
		body string
		fail string // part of the refusal's message; "" if the body is fine
	}{
		{`{"query":"{ a }"}`, ""},
		{` {"query":"{ a }","operationName":null,"variables":null,"extensions":null}`, ""},
		{`{"query":"query Q($x: Int) { a }","operationName":"Q","variables":{"x":1},"extensions":{"k":"v"},"other":[1]}`, ""},
		{`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}`, ""},
		{``, "not valid JSON"},
		{`{"query":`, "not valid JSON"},
		{`{"query":"{ a }"} {}`, "not valid JSON"},
		{`[{"query":"{ a }"}]`, "batched"},
		{` [`, "batched"},
		{`"{ a }"`, "must be a JSON object"},
		{`null`, "must be a JSON object"},
		{`{}`, "no query"},
		{`{"qeury":"{ a }"}`, "no query"},
		{`{"query":""}`, "no query"},
		{`{"query":1}`, "query must be a string"},
		{`{"query":{"a":1}}`, "query must be a string"},
		{`{"query":"{ a }","operationName":false}`, "operationName must be a string"},
		{`{"query":"{ a }","variables":"{}"}`, "variables must be a JSON object"},
		{`{"query":"{ a }","variables":[1]}`, "variables must be a JSON object"},
		{`{"query":"{ a }","extensions":0}`, "extensions must be a JSON object"},
	} {
		p, _, fail := parseBody([]byte(tc.body))
		switch {
		case tc.fail == "" && fail != nil:
			t.Errorf("%s: refused: %s", tc.body, fail.message)
		case tc.fail != "" && fail == nil:
			t.Errorf("%s: accepted as %+v, want %q", tc.body, p, tc.fail)
		case tc.fail != "" && (!strings.Contains(fail.message, tc.fail) || fail.status != 400 || fail.code != "BAD_USER_INPUT"):
			t.Errorf("%s: got %d %s %q, want 400 BAD_USER_INPUT %q", tc.body, fail.status, fail.code, fail.message, tc.fail)
		}
	}
}

// Variables keep their numbers exact (json.Number), as gqlgen's own
// transport gives them to the executor.
func TestParseBodyKeepsNumbers(t *testing.T) {
	p, _, fail := parseBody([]byte(`{"query":"{ a }","variables":{"n":9007199254740993}}`))
	if fail != nil {
		t.Fatal(fail.message)
	}
	if n, ok := p.Variables["n"].(json.Number); !ok || n.String() != "9007199254740993" {
		t.Errorf("variables: %#v", p.Variables)
	}
}

func TestExcerpt(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"short", "short"},
		{strings.Repeat("a", 200), strings.Repeat("a", 200)},
		{strings.Repeat("a", 201), strings.Repeat("a", 197) + "…"},
		{strings.Repeat("创", 100), strings.Repeat("创", 65) + "…"},
		{"bad \xff byte", "bad ? byte"},
	} {
		got := excerpt([]byte(tc.in))
		if got != tc.want || len(got) > 200 || !utf8.ValidString(got) {
			t.Errorf("excerpt of %d bytes: %q (%d bytes)", len(tc.in), got, len(got))
		}
	}
}

package graph_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/edge"
	"github.com/innograph/innograph/graph"
	"github.com/innograph/innograph/graph/hostile"
)

// wide has every limit out of the way but the one a test sets.
var wide = graph.Limits{Tokens: 1 << 30, Depth: 1 << 30, Height: 1 << 30, Aliases: 1 << 30, RootFields: 1 << 30}

func TestLimitsAtAndPastEachLimit(t *testing.T) {
	for _, tc := range []struct {
		name     string
		set      func(*graph.Limits)
		at, past string
		limit    string
	}{
		// hostile.RepeatedField("x", n) is n+10 tokens.
		{"Tokens", func(l *graph.Limits) { l.Tokens = 110 }, hostile.RepeatedField("x", 100), hostile.RepeatedField("x", 101), "parser_max_tokens"},
		{"Depth", func(l *graph.Limits) { l.Depth = 12 }, deepChains(2, 12), deepChains(2, 13), "max_depth"},
		{"Height", func(l *graph.Limits) { l.Height = 300 }, hostile.RepeatedField("x", 299), hostile.RepeatedField("x", 300), "max_height"},
		{"HeightCountsEverySpread", func(l *graph.Limits) { l.Height = 257 }, fragmentFanout(8), fragmentFanout(9), "max_height"},
		{"HeightCountsUnusedFragments", func(l *graph.Limits) { l.Height = 4 },
			"{ __typename } fragment F on Node { id id id }", "{ __typename } fragment F on Node { id id id id }", "max_height"},
		{"Aliases", func(l *graph.Limits) { l.Aliases = 30 }, hostile.ConflictingAliases(30), hostile.ConflictingAliases(31), "max_aliases"},
		{"AliasesInFragments", func(l *graph.Limits) { l.Aliases = 2 },
			"{ ...F } fragment F on Query { a: __typename b: __typename }", "{ ...F ...F c: __typename } fragment F on Query { a: __typename b: __typename }", "max_aliases"},
		{"RootFields", func(l *graph.Limits) { l.RootFields = 20 }, repeatedSubtrees(20, 1), repeatedSubtrees(21, 1), "max_root_fields"},
		{"RootFieldsOfFragments", func(l *graph.Limits) { l.RootFields = 2 },
			"{ ...F } fragment F on Query { __typename __typename }", "{ ... on Query { __typename } ...F } fragment F on Query { __typename __typename }", "max_root_fields"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := wide
			tc.set(&l)
			if _, r := l.Check(tc.at); r != nil {
				t.Errorf("a document at the limit is refused: %s", r.Message)
			}
			_, r := l.Check(tc.past)
			if r == nil || r.Limit != tc.limit {
				t.Fatalf("a document past the limit: want %s, got %+v", tc.limit, r)
			}
			if !strings.Contains(r.Message, r.Env) {
				t.Errorf("message does not name %s: %s", r.Env, r.Message)
			}
		})
	}
}

func TestLimitMessages(t *testing.T) {
	_, r := graph.DefaultLimits.Check(deepChains(1, 14))
	if r == nil || r.Message != "the operation is 14 levels deep; the limit is 12 (INNOGRAPH_MAX_DEPTH)" {
		t.Errorf("got %+v", r)
	}
}

func TestMeasuringTerminates(t *testing.T) {
	for name, doc := range map[string]string{
		// 2^300 fields: the count saturates instead of overflowing or taking forever.
		"Fanout": fragmentFanout(300),
		// A cycle, which validation refuses; measuring must not loop.
		"Cycle":       `{ node(id: "x") { ...A } } fragment A on Node { ...B } fragment B on Node { id ...A }`,
		"UnknownName": `{ node(id: "x") { ...Missing } }`,
	} {
		s, _ := graph.DefaultLimits.Check(doc)
		if s.Height < 0 || s.Height > graph.Saturation {
			t.Errorf("%s: height %d", name, s.Height)
		}
	}
	if _, r := graph.DefaultLimits.Check(fragmentFanout(300)); r == nil || r.Limit != "max_height" {
		t.Errorf("fanout of 2^300 fields passes: %+v", r)
	}
}

// TestIntrospectionFits: GraphiQL's introspection query (graphql-js 16.15
// getIntrospectionQuery with every option) nests ofType nine levels deep;
// its depth is not counted, its fields are.
func TestIntrospectionFits(t *testing.T) {
	q, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	s, r := graph.DefaultLimits.Check(string(q))
	if r != nil {
		t.Fatalf("refused: %s", r.Message)
	}
	if s.Height < 200 || s.Depth != 1 {
		t.Errorf("introspection measured %+v", s)
	}
}

// TestOversizedDocumentsNeverReachValidation reproduces issue 10's two
// documents: 1,000 fields sharing one response name (500,000 validation
// errors, 1.2 GB) and 40,000 repeats of one field (minutes of CPU). Both are
// refused with one error naming the limit, and no resolver runs.
func TestOversizedDocumentsNeverReachValidation(t *testing.T) {
	for _, tc := range []struct {
		name, doc, limit string
	}{
		{"ConflictingAliases", hostile.ConflictingAliases(1000), "max_height"},
		{"RepeatedField", hostile.RepeatedField("x", 40000), "parser_max_tokens"},
		{"DeepChain", deepChains(1, 13), "max_depth"},
		{"Fragments", manyFragments(500), "max_height"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := &stubStore{}
			out := post(t, store, tc.doc)
			if len(out.Errors) != 1 {
				t.Fatalf("want one error, got %d: %.300v", len(out.Errors), out.Errors)
			}
			e := out.Errors[0]
			if e.Extensions["code"] != "BAD_USER_INPUT" || e.Extensions["limit"] != tc.limit {
				t.Errorf("got %q %v", e.Message, e.Extensions)
			}
			if store.calls != 0 {
				t.Errorf("a refused document reached the store %d times", store.calls)
			}
		})
	}
}

// TestDocumentsAtTheDefaultLimitsPass: valid documents exactly at each
// default limit are validated and executed.
func TestDocumentsAtTheDefaultLimitsPass(t *testing.T) {
	l := graph.DefaultLimits
	aliases := `{ node(id: "x") {`
	for i := range l.Aliases {
		aliases += " a" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ": id"
	}
	aliases += " } }"
	docs := map[string]string{
		"Tokens":     longList(l.Tokens - 18),
		"Depth":      deepChains(1, l.Depth),
		"Height":     hostile.RepeatedField("x", l.Height-1),
		"Aliases":    aliases,
		"RootFields": rootFields(l.RootFields),
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			s, r := l.Check(doc)
			if r != nil {
				t.Fatalf("refused: %s", r.Message)
			}
			at := map[string]int{"Tokens": s.Tokens, "Depth": s.Depth, "Height": s.Height, "Aliases": s.Aliases, "RootFields": s.RootFields}[name]
			limit := map[string]int{"Tokens": l.Tokens, "Depth": l.Depth, "Height": l.Height, "Aliases": l.Aliases, "RootFields": l.RootFields}[name]
			if at != limit {
				t.Fatalf("the document is at %d, not at the limit %d", at, limit)
			}
			store := &stubStore{}
			for _, e := range post(t, store, doc).Errors {
				if e.Extensions["limit"] != nil || e.Extensions["code"] == "GRAPHQL_VALIDATION_FAILED" || e.Extensions["code"] == "GRAPHQL_PARSE_FAILED" {
					t.Fatalf("%s %v", e.Message, e.Extensions)
				}
			}
			if store.calls == 0 {
				t.Error("the document was not executed")
			}
		})
	}
}

// TestOperationLogTimesEachPhase: the log line of an executed operation has
// parse, validation and execution times; a refused one names the limit.
func TestOperationLogTimesEachPhase(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	h := apitest.Handler(&stubStore{}, func(o *edge.Options) { o.GraphQL.Logger = logger })
	for _, doc := range []string{`query Q { node(id: "x") { id } }`, hostile.RepeatedField("x", 400), `{ nope }`} {
		h.ServeHTTP(httptest.NewRecorder(), apitest.NewRequest(apitest.Body(doc, nil), apitest.WriteToken))
	}
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		if m["msg"] == "graphql" {
			lines = append(lines, m)
		}
	}
	if len(lines) != 3 {
		t.Fatalf("want 3 operation lines, got %v", lines)
	}
	for _, key := range []string{"read", "measure", "parse", "validate", "exec", "tokens", "depth", "height"} {
		if _, ok := lines[0][key]; !ok {
			t.Errorf("executed operation: no %s in %v", key, lines[0])
		}
	}
	if lines[0]["op"] != "Q" || lines[0]["parse"].(float64) <= 0 || lines[0]["validate"].(float64) <= 0 {
		t.Errorf("executed operation: %v", lines[0])
	}
	if lines[1]["refused"] != "max_height" || lines[1]["height"] != float64(401) {
		t.Errorf("refused by a limit: %v", lines[1])
	}
	if lines[2]["refused"] != "GRAPHQL_VALIDATION_FAILED" {
		t.Errorf("refused by validation: %v", lines[2])
	}
}

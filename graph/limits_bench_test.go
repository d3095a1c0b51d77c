package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/edge"
	"github.com/innograph/innograph/graph"
	"github.com/innograph/innograph/graph/hostile"
)

// bodyLimit is the server's default request body limit (INNOGRAPH_MAX_BODY_BYTES).
const bodyLimit = 1 << 20

// BenchmarkOperationLimits sends the document shapes that make GraphQL
// parsing and validation expensive through the whole handler, each at the
// default limits (the largest document of that shape the server accepts)
// and at the 1 MiB body limit. The store is a stub, so what is measured is
// the server's own work. Metrics: ns/op and B/op of the whole request (B/op,
// all memory allocated, bounds the server's memory growth), and pv-ms/op,
// the measuring, parsing and validation time from the operation log.
// Targets (issue 10): pv-ms/op ≤ 100 and B/op ≤ 64 MB for every shape.
//
//	go test ./graph/ -run '^$' -bench OperationLimits -benchtime 20x
func BenchmarkOperationLimits(b *testing.B) {
	l := graph.DefaultLimits
	side := 1
	for (side+1)*(side+2) <= l.Height {
		side++
	}
	// Each document is built, by name, to pass measuring (/limit) or to be
	// refused by it (/1MiB, /tokens), except a single token of 1 MiB, which passes.
	shapes := []struct{ name, doc string }{
		{"ConflictingAliases/limit", "{ node(id: \"x\") { " + hostile.ConflictingAliases(l.Aliases)[1:] + " }"},
		{"ConflictingAliases/1MiB", fill(hostile.ConflictingAliases, 27)},
		{"ConflictingFields/limit", conflictingFields((l.Height - 2) / 2)},
		{"RepeatedField/limit", hostile.RepeatedField("x", l.Height-1)},
		{"RepeatedField/1MiB", fill(func(n int) string { return hostile.RepeatedField("x", n) }, 3)},
		{"RepeatedSubtrees/limit", repeatedSubtrees(side, side)},
		{"DeepChains/limit", deepChains(l.Height/(l.Depth+4), l.Depth)},
		{"DeepChains/1MiB", fill(func(n int) string { return deepChains(1, n) }, 14)},
		{"Fragments/limit", manyFragments((l.Height - 1) / 2)},
		{"Fragments/1MiB", fill(manyFragments, 60)},
		{"FragmentFanout/limit", fragmentFanout(8)},
		{"FragmentFanout/tokens", fragmentFanout(l.Tokens / 12)},
		{"RootFields/limit", rootFields(l.RootFields)},
		{"RootFields/1MiB", fill(rootFields, 27)},
		{"Tokens/limit", longList(l.Tokens - 19)},
		{"Tokens/1MiB", fill(longList, 11)},
		{"LongString/1MiB", longString(bodyLimit - 100)},
		{"LongName/1MiB", `{ node(id: "x") { ` + strings.Repeat("n", bodyLimit-100) + " } }"},
	}
	for _, s := range shapes {
		b.Run(s.name, func(b *testing.B) {
			if len(s.doc) > bodyLimit-50 {
				b.Fatalf("%d bytes: over the body limit", len(s.doc))
			}
			_, refused := l.Check(s.doc)
			if (refused == nil) != (strings.HasSuffix(s.name, "/limit") || strings.HasPrefix(s.name, "Long")) {
				b.Fatalf("measuring refuses it: %v", refused)
			}
			timing := &phaseTimes{}
			h := apitest.Handler(&stubStore{}, func(o *edge.Options) { o.GraphQL.Logger = slog.New(timing) })
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				// A new first line each time: an accepted document would
				// otherwise come from gqlgen's cache of validated documents.
				b.StopTimer()
				i++
				req := apitest.NewRequest(apitest.Body(fmt.Sprintf("#%d\n%s", i, s.doc), nil), "")
				rec := httptest.NewRecorder()
				b.StartTimer()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK && rec.Code != http.StatusUnprocessableEntity {
					b.Fatalf("status %d: %.300s", rec.Code, rec.Body)
				}
			}
			b.ReportMetric(float64(timing.total)/float64(timing.n)/1e6, "pv-ms/op")
		})
	}
}

// fill returns shape(n) for the largest n that stays under the body limit;
// per is about the bytes one more n adds.
func fill(shape func(int) string, per int) string {
	n := (bodyLimit - 200) / per
	doc := shape(n)
	// The limit is on the JSON body, where the document's quotes are escaped.
	for encoded, _ := json.Marshal(doc); len(encoded) > bodyLimit-200; encoded, _ = json.Marshal(doc) {
		n = n * 95 / 100
		doc = shape(n)
	}
	return doc
}

// phaseTimes is a slog.Handler that adds up the measure, parse and
// validate times of the operation log lines.
type phaseTimes struct {
	total time.Duration
	n     int
}

func (p *phaseTimes) Enabled(context.Context, slog.Level) bool { return true }
func (p *phaseTimes) WithAttrs([]slog.Attr) slog.Handler       { return p }
func (p *phaseTimes) WithGroup(string) slog.Handler            { return p }
func (p *phaseTimes) Handle(_ context.Context, r slog.Record) error {
	if r.Message != "graphql" {
		return nil
	}
	p.n++
	r.Attrs(func(a slog.Attr) bool {
		switch a.Key {
		case "measure", "parse", "validate":
			p.total += a.Value.Duration()
		}
		return true
	})
	return nil
}

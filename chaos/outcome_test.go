package main

import (
	"testing"
	"time"
)

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    outcome
		want class
	}{
		{"answer", outcome{Status: 200}, classOK},
		{"no answer", outcome{Err: "connection refused"}, classTransport},
		{"unavailable", outcome{Status: 200, Errors: 1, Codes: []string{"UNAVAILABLE"}}, classUnavailable},
		{"timeout", outcome{Status: 200, Errors: 1, Codes: []string{"TIMEOUT"}}, classTimeout},
		{"internal", outcome{Status: 200, Errors: 1, Codes: []string{"INTERNAL"}}, classInternal},
		{"internal on a 400", outcome{Status: 400, Errors: 1, Codes: []string{"INTERNAL"}}, classInternal},
		{"the first code decides", outcome{Status: 200, Errors: 2, Codes: []string{"NOT_FOUND", "INTERNAL"}}, classRefused},
		{"bad input", outcome{Status: 200, Errors: 1, Codes: []string{"BAD_USER_INPUT"}}, classRefused},
		{"validation", outcome{Status: 422, Errors: 1, Codes: []string{"GRAPHQL_VALIDATION_FAILED"}}, classRefused},
		{"an operation limit", outcome{Status: 400, Errors: 1, Codes: []string{"MAX_DEPTH_LIMIT"}}, classRefused},
		{"complexity", outcome{Status: 422, Errors: 1, Codes: []string{"COMPLEXITY_LIMIT_EXCEEDED"}}, classRefused},
		{"413 without a body", outcome{Status: 413}, classRefused},
		{"error without a code", outcome{Status: 200, Errors: 1, Codes: []string{""}}, classMalformed},
		{"500 without errors", outcome{Status: 500}, classMalformed},
		{"answer cut short", outcome{Status: 200, Err: "unexpected EOF"}, classMalformed},
	} {
		if got := classify(tc.o); got != tc.want {
			t.Errorf("%s: classify = %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestUnknownOutcome(t *testing.T) {
	for c, want := range map[class]bool{
		classOK: false, classRefused: false,
		classUnavailable: true, classTimeout: true, classInternal: true, classTransport: true, classMalformed: true,
	} {
		if got := c.unknownOutcome(); got != want {
			t.Errorf("%s.unknownOutcome() = %v, want %v", c, got, want)
		}
	}
}

func TestParseAnswer(t *testing.T) {
	var o outcome
	parseAnswer(&o, []byte(`{"errors":[{"message":"x","extensions":{"code":"NOT_FOUND"}},{"message":"y"}],"data":{"node":null}}`))
	if o.Errors != 2 || o.Code() != "NOT_FOUND" || o.Codes[1] != "" || string(o.Data) != `{"node":null}` || o.Err != "" {
		t.Errorf("parseAnswer = %+v", o)
	}
	var bad outcome
	parseAnswer(&bad, []byte("Bad Request"))
	if bad.Err == "" {
		t.Error("a body that is not JSON must be reported")
	}
}

func TestHistogramString(t *testing.T) {
	h := histogram{}
	for _, l := range []string{"TIMEOUT", "UNAVAILABLE", "UNAVAILABLE", "INTERNAL"} {
		h.add(l)
	}
	if got, want := h.String(), "UNAVAILABLE×2 INTERNAL×1 TIMEOUT×1"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if h.total() != 4 || (histogram{}).String() != "none" {
		t.Errorf("total %d, empty %q", h.total(), histogram{}.String())
	}
}

func TestAnalyseOutage(t *testing.T) {
	t0 := time.Unix(1000, 0)
	at := func(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }
	req := func(start, dur float64, c class) record {
		return record{Op: "node", Class: c, Out: outcome{Start: at(start), Latency: time.Duration(dur * float64(time.Second))}}
	}
	tl := timeline{Start: at(0), Kill: at(10), Ready: at(20), End: at(40)}
	records := []record{
		req(1, 0.1, classOK),
		req(9.9, 0.5, classUnavailable), // in flight at the kill: part of the outage
		req(12, 0.1, classInternal),
		req(20.5, 0.2, classTimeout),
		req(21, 0.5, classOK), // the first success after Neo4j is ready: recovery 1.5 s
		req(30, 0.1, classUnavailable),
	}
	probes := []probe{
		{Readyz: 200, Class: classOK, Read: outcome{Start: at(5)}},
		{Readyz: 503, Class: classUnavailable, Read: outcome{Start: at(15)}},
		{Readyz: 200, Class: classUnavailable, Read: outcome{Start: at(20.2)}}, // a lie, 1.3 s before recovery
	}
	s := analyseOutage(records, probes, tl)
	if !s.Recovered || s.Recovery != 1500*time.Millisecond {
		t.Errorf("recovery = %v %v, want 1.5s", s.Recovered, s.Recovery)
	}
	if s.Before.total() != 0 || s.During.String() != "INTERNAL×1 TIMEOUT×1 UNAVAILABLE×1" || s.After.String() != "UNAVAILABLE×1" {
		t.Errorf("phases: before %s, during %s, after %s", s.Before, s.During, s.After)
	}
	if s.DuringTotal != 4 || s.Internal != 1 || s.Requests != 6 {
		t.Errorf("during %d, internal %d, requests %d", s.DuringTotal, s.Internal, s.Requests)
	}
	if s.ReadyzLies != 1 || s.ReadyzLead != 1300*time.Millisecond {
		t.Errorf("readyz lies %d, lead %v", s.ReadyzLies, s.ReadyzLead)
	}
	checks := outageChecks(s, tl)
	pass := map[string]bool{}
	for _, c := range checks {
		pass[c.Name] = c.Pass
	}
	if !pass["load before the kill"] || pass["failures during the outage"] || pass["INTERNAL over the whole load"] ||
		pass["recovery (first success after Neo4j is ready)"] || pass["/readyz truthful"] {
		t.Errorf("checks: %+v", checks)
	}
}

func TestAnalyseOutageNeverRecovered(t *testing.T) {
	t0 := time.Unix(1000, 0)
	tl := timeline{Start: t0, Kill: t0.Add(time.Second), Ready: t0.Add(2 * time.Second), End: t0.Add(3 * time.Second)}
	s := analyseOutage([]record{{Op: "node", Class: classUnavailable, Out: outcome{Start: t0.Add(2500 * time.Millisecond)}}}, nil, tl)
	if s.Recovered || s.During.total() != 1 {
		t.Errorf("recovered %v, during %s", s.Recovered, s.During)
	}
}

// Neo4j may serve before the start script, which polls once a second, sees it ready.
func TestAnalyseOutageServedBeforeReady(t *testing.T) {
	t0 := time.Unix(1000, 0)
	tl := timeline{Start: t0, Kill: t0.Add(10 * time.Second), Ready: t0.Add(20 * time.Second), End: t0.Add(30 * time.Second)}
	records := []record{
		{Op: "node", Class: classOK, Out: outcome{Start: t0.Add(9 * time.Second), Latency: 1500 * time.Millisecond}}, // sent before the kill
		{Op: "node", Class: classOK, Out: outcome{Start: t0.Add(19 * time.Second), Latency: 200 * time.Millisecond}},
	}
	s := analyseOutage(records, nil, tl)
	if !s.Recovered || s.Recovery != -800*time.Millisecond {
		t.Errorf("recovery = %v %v, want -800ms", s.Recovered, s.Recovery)
	}
	if c := outageChecks(s, tl)[3]; !c.Pass || c.Observed != "0 ms (served 800 ms before the Bolt probe saw it)" {
		t.Errorf("recovery row %+v", c)
	}
}

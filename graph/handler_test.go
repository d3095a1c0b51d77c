package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/graph"
	"github.com/innograph/innograph/graph/model"
)

// stubStore stands in for the database in the tests of the resolver layer
// alone: what reaches the store and what leaves as an error. Those tests send
// reads, so it implements Reader, counting calls and answering each with
// fail (or panicking). The embedded Store is nil: any other call panics, which
// the handler reports as INTERNAL, so a test whose document reaches a path,
// a write or an import fails. The real store is tested against Neo4j elsewhere.
type stubStore struct {
	graph.Store
	calls int
	fail  error
	panic bool
}

func (s *stubStore) called() error {
	s.calls++
	if s.panic {
		panic("boom: secret detail")
	}
	return s.fail
}

func (s *stubStore) NodesByID(context.Context, []string) (map[string]model.Node, error) {
	return nil, s.called()
}
func (s *stubStore) Relations(context.Context, model.RelationQuery, []string) (map[string]model.RelationPage, error) {
	return nil, s.called()
}
func (s *stubStore) Prefetch(context.Context, []string, []string, []model.Prefetch) (*model.Prefetched, error) {
	return nil, s.called()
}
func (s *stubStore) ListNodes(context.Context, model.ListQuery) (model.Page, error) {
	return model.Page{}, s.called()
}
func (s *stubStore) Search(context.Context, model.SearchQuery) (model.Ranked[*model.SearchHit], error) {
	return model.Ranked[*model.SearchHit]{}, s.called()
}

var _ graph.Reader = (*stubStore)(nil)

// post sends query with the write token to the whole stack over store.
func post(t *testing.T, store graph.Store, query string) apitest.Response {
	t.Helper()
	return apitest.Serve(t, store).Do(apitest.WriteToken, query, nil)
}

// TestInvalidInputNeverReachesTheStore: argument and input errors are
// caught in the resolver layer, before any database call.
func TestInvalidInputNeverReachesTheStore(t *testing.T) {
	for _, q := range []string{
		`{ enterprises(first: 0) { totalCount } }`,
		`{ parks(after: "not-a-cursor") { totalCount } }`,
		`{ results(filter: {yearFrom: 1000}) { totalCount } }`,
		`{ search(query: "") { edges { cursor } } }`,
		`{ search(query: "x", after: "not-a-cursor") { edges { cursor } } }`,
		`mutation { createEnterprise(input: {name: ""}) { id } }`,
		`mutation { createResult(input: {name: "x", kind: PATENT, year: 99999}) { id } }`,
		`mutation { updateAlliance(id: "a", input: {name: null}) { id } }`,
		`mutation { addTransfer(input: {resultId: "r", enterpriseId: "e", mode: EQUITY, value: -1}) { mode } }`,
		`mutation { addLocation(input: {tenantId: "t", parkId: "p", since: 2000, until: 1999}) { since } }`,
		`mutation { updateCollaboration(fromId: "a", toId: "b", kind: OTHER, patch: {until: 1800}) { kind } }`,
		`mutation { importGraph(input: {records: []}) { written } }`,
		`{ chain(from: "a", to: "b", maxHops: 7) { exhausted } }`,
		`{ chain(from: "a", to: "b", first: 0) { exhausted } }`,
		`{ chain(from: "", to: "b") { exhausted } }`,
		`{ chain(from: "a", to: "b", since: 2020, until: 2010) { exhausted } }`,
		`{ chain(from: "a", to: "b", maxDegree: -1) { exhausted } }`,
		`{ network(id: "a", depth: 4) { truncated } }`,
		`{ network(id: "a", maxNodes: 1001) { truncated } }`,
		`{ network(id: "a", since: 1800) { truncated } }`,
		`{ resultTrail(id: " ") { result { id } } }`,
		`{ technologySources(enterpriseId: "") { sources { developers { year } } } }`,
		`{ suggestPartners(id: "a", kinds: [ALLIANCE]) { score } }`,
		`{ suggestPartners(id: "a", first: 51) { score } }`,
		`{ hubs(kind: PARK, first: 101) { totalCount } }`,
		`{ hubs(kind: PARK, region: "") { totalCount } }`,
		`{ hubs(kind: PARK, after: "bm90IGEgY3Vyc29y") { totalCount } }`,
	} {
		store := &stubStore{}
		out := post(t, store, q)
		if len(out.Errors) == 0 || out.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
			t.Errorf("%s: want BAD_USER_INPUT, got %+v", q, out.Errors)
		}
		if store.calls != 0 {
			t.Errorf("%s: invalid input reached the store %d times", q, store.calls)
		}
	}
}

func TestErrorsAreNotLeaked(t *testing.T) {
	for _, tc := range []struct {
		name  string
		store *stubStore
		code  string
		msg   string
	}{
		{"Panic", &stubStore{panic: true}, "INTERNAL", "internal error"},
		{"UnknownError", &stubStore{fail: errors.New("driver said: secret detail")}, "INTERNAL", "internal error"},
		{"InternalWithCause", &stubStore{fail: &model.Error{Code: model.CodeInternal, Message: "internal error",
			Cause: errors.New("secret detail")}}, "INTERNAL", "internal error"},
		{"Unavailable", &stubStore{fail: &model.Error{Code: model.CodeUnavailable, Message: "the graph database is unavailable",
			Cause: errors.New("secret detail")}}, "UNAVAILABLE", "the graph database is unavailable"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := post(t, tc.store, `{ node(id: "x") { id } }`)
			if len(out.Errors) != 1 {
				t.Fatalf("errors: %+v", out.Errors)
			}
			e := out.Errors[0]
			if e.Extensions["code"] != tc.code || e.Message != tc.msg || strings.Contains(e.Message, "secret") {
				t.Errorf("got %q %v", e.Message, e.Extensions)
			}
		})
	}
}

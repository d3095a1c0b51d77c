package gqlhttp

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// recordIDs is an operation-parameter mutator, as the trusted documents
// extension is, that records the document ids it finds in its context.
type recordIDs struct{ got *[]DocumentID }

func (recordIDs) ExtensionName() string                   { return "recordIDs" }
func (recordIDs) Validate(graphql.ExecutableSchema) error { return nil }
func (r recordIDs) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	*r.got = DocumentIDs(ctx)
	p.Query = "{ slow }" // stands for the document an id names
	return nil
}

// TestDocumentIDs: the ids a request sends in its JSON body or its URL reach
// the operation-parameter mutators, in the order documentId, doc_id, id;
// values that are not strings are not ids; a body the transport refuses
// (batched, not JSON) reaches no extension.
func TestDocumentIDs(t *testing.T) {
	var got []DocumentID
	srv := handler.New(&graphql.ExecutableSchemaMock{
		SchemaFunc: func() *ast.Schema { return schema },
		ExecFunc: func(context.Context) graphql.ResponseHandler {
			return graphql.OneShot(&graphql.Response{Data: []byte(`{"slow":"ok"}`)})
		},
	})
	srv.AddTransport(New(Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	srv.Use(recordIDs{got: &got})
	for _, tc := range []struct {
		name        string
		method, url string
		contentType string
		body        string
		status      int
		want        []DocumentID
	}{
		{"DocumentID", "POST", "/query", "application/json", `{"documentId":"sha256:ab","variables":{}}`, 200, []DocumentID{{"documentId", "sha256:ab"}}},
		{"RelayDocID", "POST", "/query", "application/json; charset=utf-8", `{"doc_id":"ab"}`, 200, []DocumentID{{"doc_id", "ab"}}},
		{"AllThree", "POST", "/query", "application/json", `{"id":"c","doc_id":"b","documentId":"a"}`, 200,
			[]DocumentID{{"documentId", "a"}, {"doc_id", "b"}, {"id", "c"}}},
		{"NumberID", "POST", "/query", "application/json", `{"id":7,"query":"{ slow }"}`, 200, nil},
		{"EmptyID", "POST", "/query", "application/json", `{"documentId":"","query":"{ slow }"}`, 200, nil},
		{"GET", "GET", "/query?documentId=sha256%3Aab&variables=%7B%7D", "", "", 200, []DocumentID{{"documentId", "sha256:ab"}}},
		{"Batch", "POST", "/query", "application/json", `[{"doc_id":"ab"}]`, 400, nil},
		{"NotJSON", "POST", "/query", "application/graphql", `{ slow }`, 415, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got = nil
			req := httptest.NewRequest(tc.method, tc.url, strings.NewReader(tc.body))
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Errorf("status %d, want %d: %s", rec.Code, tc.status, rec.Body)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ids %v, want %v", got, tc.want)
			}
		})
	}
}

package graph

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/innograph/innograph/graph/model"
)

func TestAuthCheck(t *testing.T) {
	for _, tc := range []struct {
		name      string
		readsOpen bool
		header    string
		op        ast.Operation
		want      model.Code // "" means allowed
	}{
		{"OpenReadWithoutToken", true, "", ast.Query, ""},
		{"ClosedReadWithoutToken", false, "", ast.Query, model.CodeUnauthenticated},
		{"ClosedReadWithReadToken", false, "Bearer r-token", ast.Query, ""},
		{"WriteWithoutToken", true, "", ast.Mutation, model.CodeUnauthenticated},
		{"WriteWithReadToken", true, "Bearer r-token", ast.Mutation, model.CodeForbidden},
		{"WriteWithWriteToken", true, "Bearer w-token", ast.Mutation, ""},
		{"WriteWithWrongToken", true, "Bearer nope", ast.Mutation, model.CodeUnauthenticated},
		{"ReadWithWrongToken", true, "Bearer nope", ast.Query, model.CodeUnauthenticated},
		{"NotBearer", true, "Basic abc", ast.Mutation, model.CodeUnauthenticated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := NewAuth([]string{"r-token"}, []string{"w-token"}, tc.readsOpen)
			var ctx context.Context
			h := a.Middleware(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { ctx = r.Context() }))
			req := httptest.NewRequest(http.MethodPost, "/query", nil)
			if tc.header != "" {
				req.Header.Set("Authorization", tc.header)
			}
			h.ServeHTTP(httptest.NewRecorder(), req)
			var got model.Code
			if err := a.check(ctx, tc.op); err != nil {
				got = err.Code
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

package graph

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
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
		{"SchemeAnyCase", true, "bEARER w-token", ast.Mutation, ""},
		{"TwoSpaces", true, "Bearer  w-token", ast.Mutation, model.CodeUnauthenticated},
		{"TrailingSpace", true, "Bearer w-token ", ast.Mutation, model.CodeUnauthenticated},
		{"Tab", true, "Bearer\tw-token", ast.Mutation, model.CodeUnauthenticated},
		{"NoToken", true, "Bearer ", ast.Mutation, model.CodeUnauthenticated},
		{"SchemeOnly", true, "Bearer", ast.Mutation, model.CodeUnauthenticated},
		{"TokenThenMore", true, "Bearer w-token extra", ast.Mutation, model.CodeUnauthenticated},
		{"NoSchemeSpace", true, "Bearerw-token", ast.Mutation, model.CodeUnauthenticated},
		{"BadSpaceOnOpenRead", true, "Bearer  r-token", ast.Query, model.CodeUnauthenticated},
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

func TestAuthHeaderEdges(t *testing.T) {
	a := NewAuth([]string{"r-token"}, []string{"dG9rZW4+/w=="}, true)
	run := func(headers ...string) context.Context {
		var ctx context.Context
		h := a.Middleware(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { ctx = r.Context() }))
		req := httptest.NewRequest(http.MethodPost, "/query", nil)
		for _, v := range headers {
			req.Header.Add("Authorization", v)
		}
		h.ServeHTTP(httptest.NewRecorder(), req)
		return ctx
	}
	if err := a.check(run("Bearer dG9rZW4+/w=="), ast.Mutation); err != nil {
		t.Errorf("a base64 token with padding is a token68: %v", err)
	}
	if err := a.check(run("Bearer r-token", "Bearer r-token"), ast.Query); err == nil || err.Code != model.CodeUnauthenticated {
		t.Errorf("two Authorization headers: got %v, want UNAUTHENTICATED", err)
	}
	if id := ClientID(run("Bearer r-token")); !strings.HasPrefix(id, "token:") || strings.Contains(id, "r-token") {
		t.Errorf("a known token names its client without revealing it: %q", id)
	}
	if id := ClientID(run("Bearer not-ours")); id != "" {
		t.Errorf("an unknown token names no client: %q", id)
	}
}

func TestIsToken68(t *testing.T) {
	for s, want := range map[string]bool{
		"abc": true, "A-b.c_d~e+f/g": true, "YWJj==": true, "a=b": false, "=": false, "": false,
		"tok en": false, "tok,en": false, "токен": false, "tok\x00": false,
	} {
		if got := IsToken68(s); got != want {
			t.Errorf("IsToken68(%q) = %v, want %v", s, got, want)
		}
	}
}

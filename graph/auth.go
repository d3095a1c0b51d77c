package graph

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/innograph/innograph/graph/model"
)

// Role is what a bearer token allows.
type Role int

// Roles, each allowing what the one before it allows.
const (
	RoleNone Role = iota
	RoleRead
	RoleWrite
)

// Auth holds the configured bearer tokens and whether reads need one.
type Auth struct {
	tokens    map[[sha256.Size]byte]Role
	ReadsOpen bool
}

// NewAuth makes an Auth from read and write tokens.
func NewAuth(readTokens, writeTokens []string, readsOpen bool) *Auth {
	a := &Auth{tokens: map[[sha256.Size]byte]Role{}, ReadsOpen: readsOpen}
	for _, t := range readTokens {
		a.tokens[sha256.Sum256([]byte(t))] = RoleRead
	}
	for _, t := range writeTokens {
		a.tokens[sha256.Sum256([]byte(t))] = RoleWrite
	}
	return a
}

// principal is what the request's Authorization header proved.
type principal struct {
	role    Role
	invalid bool   // credentials were sent but are not a token of ours
	client  string // names a known token without revealing it
}

type principalKey struct{}

// Middleware reads the bearer token of each request into its context.
// Comparing SHA-256 digests in constant time keeps token checks free of timing leaks.
func (a *Auth) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p principal
		if values := r.Header.Values("Authorization"); len(values) > 0 {
			p.invalid = true
			if token, ok := bearerToken(values); ok {
				sum := sha256.Sum256([]byte(token))
				for known, role := range a.tokens {
					if subtle.ConstantTimeCompare(sum[:], known[:]) == 1 {
						p = principal{role: role, client: "token:" + hex.EncodeToString(sum[:8])}
					}
				}
			}
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, p)))
	})
}

// bearerToken reads the credentials of RFC 6750 §2.1 strictly: one
// Authorization header, the scheme "Bearer" in any case (RFC 9110 §11.1),
// one space, a token68 and nothing else. The grammar allows several spaces;
// we take exactly one, so that a header has one reading: what a proxy or a
// log sees is what we check.
func bearerToken(values []string) (string, bool) {
	if len(values) != 1 {
		return "", false
	}
	scheme, token, ok := strings.Cut(values[0], " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || !IsToken68(token) {
		return "", false
	}
	return token, true
}

// IsToken68 says whether s is a token68 (RFC 9110 §11.2): letters, digits
// and -._~+/, then optional = padding. Only such tokens can be sent as
// bearer credentials, so configured tokens are checked with it too.
func IsToken68(s string) bool {
	body := strings.TrimRight(s, "=")
	if body == "" {
		return false
	}
	for _, c := range []byte(body) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~+/", c) >= 0) {
			return false
		}
	}
	return true
}

// ClientID names the client of an authenticated request, "" for a request
// without a known token; load shedding keys on it.
func ClientID(ctx context.Context) string {
	p, _ := ctx.Value(principalKey{}).(principal)
	return p.client
}

// check says whether the operation may run, and if not, why.
func (a *Auth) check(ctx context.Context, op ast.Operation) *model.Error {
	p, _ := ctx.Value(principalKey{}).(principal)
	need := RoleRead
	if op == ast.Mutation {
		need = RoleWrite
	} else if a.ReadsOpen && !p.invalid {
		return nil
	}
	switch {
	case p.invalid:
		return model.Errorf(model.CodeUnauthenticated, "the bearer token is not valid")
	case p.role == RoleNone:
		return model.Errorf(model.CodeUnauthenticated, "this operation needs Authorization: Bearer <token>")
	case p.role < need:
		return model.Errorf(model.CodeForbidden, "this token may read but not write")
	}
	return nil
}

// authorize stops an operation the request's token does not allow, before
// any resolver runs, so a refused write changes nothing.
func (a *Auth) authorize(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation == nil {
		return next(ctx)
	}
	if err := a.check(ctx, oc.Operation.Operation); err != nil {
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{Message: err.Message, Extensions: extensions(err)}}})
	}
	return next(ctx)
}

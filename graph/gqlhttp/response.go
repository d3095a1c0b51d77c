package gqlhttp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/innograph/innograph/graph/model"
)

// body is a GraphQL response as sent. Data is left out, not null, when the
// operation never ran (a request error), as the GraphQL spec says.
type body struct {
	Errors     gqlerror.List   `json:"errors,omitempty"`
	Data       json.RawMessage `json:"data,omitempty"`
	Extensions map[string]any  `json:"extensions,omitempty"`
}

// responder writes the one response to a request in the negotiated media type.
type responder struct {
	t     *Transport
	w     http.ResponseWriter
	r     *http.Request
	exec  graphql.GraphExecutor
	media string
}

// refuse answers a request that was not run because of how it was sent. It
// is logged at WARN with at most a short excerpt of the body.
func (o *responder) refuse(f *refusal) {
	attrs := []any{"status", f.status, "code", f.code, "reason", f.message, "method", o.r.Method}
	if len(f.body) > 0 {
		attrs = append(attrs, "bytes", len(f.body), "excerpt", excerpt(f.body))
	}
	o.t.logger.WarnContext(o.r.Context(), "refused request", attrs...)
	if f.allow != "" {
		o.w.Header().Set("Allow", f.allow)
	}
	o.write(f.status, &body{Errors: gqlerror.List{{Message: f.message, Extensions: map[string]any{"code": f.code}}}})
}

// requestErrors answers an operation refused before it ran: the document
// did not parse or validate, a variable did not coerce, or an extension
// (persisted queries, operation limits, complexity) refused it. All take
// the same path and statuses, whatever stage raised them.
func (o *responder) requestErrors(ctx context.Context, errs gqlerror.List) {
	// Capped before presentation, so that a document with a million
	// validation errors is not presented a million times.
	errs = capErrors(errs)
	for _, e := range errs {
		asRequestError(e)
	}
	o.result(ctx, o.exec.DispatchError(ctx, errs))
}

// result answers with the response the executor made. A response without
// data is a request error (e.g. refused by auth); nil means the request's
// context ended before the operation produced anything.
func (o *responder) result(ctx context.Context, resp *graphql.Response) {
	if resp == nil {
		err := ctx.Err()
		resp = &graphql.Response{Errors: gqlerror.List{{Message: fmt.Sprintf("the request ended before the operation ran: %v", err),
			Extensions: map[string]any{"code": model.CodeTimeout}}}}
	}
	status := http.StatusOK
	if resp.Data == nil && o.media == mediaGraphQLResponse {
		status = requestErrorStatus(resp.Errors)
		if status == http.StatusUnauthorized {
			o.w.Header().Set("WWW-Authenticate", "Bearer")
		}
	}
	o.write(status, &body{Errors: capErrors(resp.Errors), Data: resp.Data, Extensions: resp.Extensions})
}

// requestErrorStatus is the status of a response without data under
// application/graphql-response+json, from the code of its first error.
// (Under application/json every GraphQL response is 200.)
func requestErrorStatus(errs gqlerror.List) int {
	code := ""
	if len(errs) > 0 {
		code = fmt.Sprint(errs[0].Extensions["code"])
	}
	switch model.Code(code) {
	case model.CodeUnauthenticated:
		return http.StatusUnauthorized
	case model.CodeForbidden:
		return http.StatusForbidden
	case model.CodeTimeout, model.CodeUnavailable:
		return http.StatusServiceUnavailable
	case model.CodeInternal:
		return http.StatusInternalServerError
	default:
		return http.StatusBadRequest
	}
}

func (o *responder) write(status int, b *body) {
	out, err := encodeBody(b)
	if err != nil {
		o.t.logger.ErrorContext(o.r.Context(), "response not encodable", "err", err)
		status = http.StatusInternalServerError
		out = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`)
	}
	h := o.w.Header()
	h.Set("Content-Type", o.media+"; charset=utf-8")
	h.Add("Vary", "Accept")
	o.w.WriteHeader(status)
	_, _ = o.w.Write(out)
}

// encodeBody writes b as a json.Encoder would (HTML characters left as they
// are, so that messages such as "Bearer <token>" stay readable), except that
// Data is copied as it is: the executor writes it compact, and re-compacting
// it, which encoding/json does with every RawMessage, cost as much as the
// rest of the GraphQL layer for a network of 1,000 nodes
// (docs/performance.md).
func encodeBody(b *body) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	var err error
	member := func(name string, write func()) {
		if buf.Len() > 1 {
			buf.WriteByte(',')
		}
		buf.WriteString(`"` + name + `":`)
		write()
	}
	encode := func(v any) func() {
		return func() {
			if err == nil {
				if err = enc.Encode(v); err == nil {
					buf.Truncate(buf.Len() - 1) // Encode's newline
				}
			}
		}
	}
	buf.WriteByte('{')
	if len(b.Errors) > 0 {
		member("errors", encode(b.Errors))
	}
	if len(b.Data) > 0 {
		member("data", func() { buf.Write(b.Data) })
	}
	if len(b.Extensions) > 0 {
		member("extensions", encode(b.Extensions))
	}
	buf.WriteString("}\n")
	return buf.Bytes(), err
}

// maxErrors bounds the errors of one response.
const maxErrors = 50

// capErrors keeps at most maxErrors errors: the first maxErrors-1 and one
// that says how many more there were, with the code of the first left out.
// Every response passes here, whatever stage produced its errors.
func capErrors(errs gqlerror.List) gqlerror.List {
	if len(errs) <= maxErrors {
		return errs
	}
	keep := maxErrors - 1
	left := len(errs) - keep
	code := errs[keep].Extensions["code"]
	if code == nil {
		code = model.CodeInternal
	}
	capped := append(errs[:keep:keep], &gqlerror.Error{
		Message:    fmt.Sprintf("%d more errors left out; at most %d are reported", left, maxErrors),
		Extensions: map[string]any{"code": code, "omitted": left},
	})
	return capped
}

// asRequestError shapes an error raised before execution. A path belongs to
// field errors only: a variable that did not coerce is named in the message
// and in extensions.variable instead of "path": ["variable", …]. An error
// without a code was raised by the request (a gqlgen or extension check
// that sets none) and is the client's to fix.
func asRequestError(e *gqlerror.Error) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	if len(e.Path) > 1 && e.Path[0] == ast.PathName("variable") {
		name := e.Path[1:].String()
		e.Message = fmt.Sprintf("variable $%s %s", name, e.Message)
		e.Extensions["variable"] = name
	}
	e.Path = nil
	if e.Extensions["code"] == nil {
		e.Extensions["code"] = model.CodeBadUserInput
	}
}

// excerpt is the start of a body for a log line: at most 200 bytes, cut on
// a character boundary and marked with … when cut.
func excerpt(b []byte) string {
	const max = 200
	if len(b) <= max {
		return strings.ToValidUTF8(string(b), "?")
	}
	cut := max - len("…")
	for cut > 0 && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return strings.ToValidUTF8(string(b[:cut]), "?") + "…"
}

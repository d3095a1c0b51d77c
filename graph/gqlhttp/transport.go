// Package gqlhttp is InnoGraph's GraphQL-over-HTTP transport for gqlgen: the
// one place that reads a request off the wire and writes its answer, with
// the media types, status codes and limits of the GraphQL-over-HTTP
// specification as audited by graphql-http (docs/http.md has the table).
package gqlhttp

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/innograph/innograph/graph/model"
)

// Options configure a Transport; zero values take the defaults.
type Options struct {
	// MaxBodyBytes bounds a POST body (default 1 MiB).
	MaxBodyBytes int64
	// BodyTimeout bounds the time a POST body may take to arrive (default 5s).
	// It should be well under the request deadline.
	BodyTimeout time.Duration
	Logger      *slog.Logger
}

// Transport serves GET (queries only), POST and OPTIONS, and refuses every
// other method itself, so gqlgen never answers "transport not supported".
type Transport struct {
	maxBodyBytes int64
	bodyTimeout  time.Duration
	logger       *slog.Logger
}

var _ graphql.Transport = (*Transport)(nil)

// The methods the endpoint serves, for the Allow header.
const allowed = "GET, POST, OPTIONS"

// New makes a Transport.
func New(o Options) *Transport {
	t := &Transport{maxBodyBytes: o.MaxBodyBytes, bodyTimeout: o.BodyTimeout, logger: o.Logger}
	if t.maxBodyBytes <= 0 {
		t.maxBodyBytes = 1 << 20
	}
	if t.bodyTimeout <= 0 {
		t.bodyTimeout = 5 * time.Second
	}
	if t.logger == nil {
		t.logger = slog.Default()
	}
	return t
}

// Supports claims every request: whatever the method or media type, the
// answer should be a GraphQL response with a status the spec names.
func (t *Transport) Supports(*http.Request) bool { return true }

// Do answers one request.
func (t *Transport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	if r.Method == http.MethodOptions {
		w.Header().Set("Allow", allowed)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	media, ok := negotiate(r.Header.Values("Accept"))
	out := &responder{t: t, w: w, r: r, exec: exec, media: media}
	if !ok {
		out.media = mediaJSON
		out.refuse(refuse(http.StatusNotAcceptable, model.CodeBadUserInput,
			"the Accept header allows neither application/graphql-response+json nor application/json"))
		return
	}
	start := graphql.Now()
	var params *graphql.RawParams
	var ids []DocumentID
	var fail *refusal
	switch r.Method {
	case http.MethodGet:
		params, ids, fail = readGET(r)
	case http.MethodPost:
		params, ids, fail = t.readPOST(w, r)
	default:
		fail = refuse(http.StatusMethodNotAllowed, model.CodeBadUserInput, "use GET or POST")
		fail.allow = allowed
	}
	if fail != nil {
		out.refuse(fail)
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	ctx := withDocumentIDs(r.Context(), ids)
	opCtx, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		out.requestErrors(graphql.WithOperationContext(ctx, opCtx), errs)
		return
	}
	if r.Method == http.MethodGet && opCtx.Operation.Operation != ast.Query {
		fail = refuse(http.StatusMethodNotAllowed, model.CodeBadUserInput, "a %s needs POST; GET runs queries only", opCtx.Operation.Operation)
		fail.allow = http.MethodPost
		out.refuse(fail)
		return
	}
	respond, ctx := exec.DispatchOperation(ctx, opCtx)
	out.result(ctx, respond(ctx))
}

package graph

import (
	"context"
	"log/slog"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// Keys of what this package keeps in an operation's graphql.Stats.
const (
	statsMeasure    = "innograph.limits"     // measured, set by operationLimits
	statsDispatched = "innograph.dispatched" // set once the operation passed parse and validation
)

// measured is what operationLimits found, kept for the operation log.
type measured struct {
	Shape
	Refusal *Refusal
	Took    time.Duration
}

// operationLog writes one line per GraphQL operation with where its time
// went: reading the body, measuring it against the limits, parsing,
// validating, executing. An operation that is executed (or refused by auth)
// is logged when its response is ready; one refused before that — by a
// limit, the parser, validation or the complexity limit — never reaches the
// operation interceptors, so the response interceptor logs it instead.
type operationLog struct{ logger *slog.Logger }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
	graphql.ResponseInterceptor
} = operationLog{}

func (operationLog) ExtensionName() string                   { return "OperationLog" }
func (operationLog) Validate(graphql.ExecutableSchema) error { return nil }

func (l operationLog) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	oc.Stats.SetExtension(statsDispatched, true)
	respond := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := respond(ctx)
		if resp != nil {
			l.log(ctx, oc, resp, "")
		}
		return resp
	}
}

func (l operationLog) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if resp == nil || !graphql.HasOperationContext(ctx) {
		return resp
	}
	oc := graphql.GetOperationContext(ctx)
	if oc.Stats.GetExtension(statsDispatched) == nil {
		refused := "invalid"
		if m, ok := oc.Stats.GetExtension(statsMeasure).(measured); ok && m.Refusal != nil {
			refused = m.Refusal.Limit
		} else if len(resp.Errors) > 0 && resp.Errors[0].Extensions["code"] != nil {
			refused, _ = resp.Errors[0].Extensions["code"].(string)
		}
		l.log(ctx, oc, resp, refused)
	}
	return resp
}

func (l operationLog) log(ctx context.Context, oc *graphql.OperationContext, resp *graphql.Response, refused string) {
	now := graphql.Now()
	st := oc.Stats
	name, kind := oc.OperationName, ""
	if oc.Operation != nil {
		name, kind = oc.Operation.Name, string(oc.Operation.Operation)
	}
	attrs := []slog.Attr{
		slog.String("op", name), slog.String("type", kind), slog.Int("errors", len(resp.Errors)),
		slog.Int64("ms", since(st.OperationStart, now).Milliseconds()),
		slog.Duration("read", since(st.Read.Start, st.Read.End)),
	}
	if m, ok := st.GetExtension(statsMeasure).(measured); ok {
		attrs = append(attrs, slog.Duration("measure", m.Took), slog.Int("tokens", m.Tokens),
			slog.Int("depth", m.Depth), slog.Int("height", m.Height))
	}
	validated := st.Validation.End
	if validated.IsZero() {
		// gqlgen records no end when validation fails; the error response follows at once.
		validated = now
	}
	attrs = append(attrs,
		slog.Duration("parse", since(st.Parsing.Start, st.Parsing.End)),
		slog.Duration("validate", since(st.Validation.Start, validated)))
	if refused != "" {
		attrs = append(attrs, slog.String("refused", refused))
	} else {
		attrs = append(attrs, slog.Duration("exec", since(st.Validation.End, now)))
	}
	l.logger.LogAttrs(ctx, slog.LevelInfo, "graphql", attrs...)
}

// since is end-start, or 0 when either was not recorded (a cached document
// is not parsed; a refused one is not validated).
func since(start, end time.Time) time.Duration {
	if start.IsZero() || end.IsZero() {
		return 0
	}
	return end.Sub(start)
}

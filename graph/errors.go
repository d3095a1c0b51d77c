package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/innograph/innograph/graph/model"
)

// presentError is the one exit of errors to clients: a model.Error shows its
// message and code; gqlgen's own parse and validation errors keep theirs;
// anything else is logged and shown as INTERNAL without its text.
func presentError(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		var me *model.Error
		switch {
		case errors.As(err, &me):
			if me.Cause != nil {
				logger.ErrorContext(ctx, "request failed", "code", me.Code, "path", gqlErr.Path.String(), "err", me.Cause)
			}
			gqlErr.Message = me.Message
			gqlErr.Extensions = extensions(me)
		case gqlErr.Extensions["code"] != nil:
			// gqlgen's GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED and the like.
		default:
			logger.ErrorContext(ctx, "unexpected error", "path", gqlErr.Path.String(), "err", err)
			gqlErr.Message = "internal error"
			gqlErr.Extensions = map[string]any{"code": model.CodeInternal}
		}
		return gqlErr
	}
}

func extensions(e *model.Error) map[string]any {
	ext := map[string]any{"code": e.Code}
	if e.Field != "" {
		ext["field"] = e.Field
	}
	return ext
}

// recoverPanic turns a panic in a resolver into INTERNAL, logging the stack.
func recoverPanic(logger *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		logger.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return &model.Error{Code: model.CodeInternal, Message: "internal error"}
	}
}

package neo4jdb

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

// failed translates an error of a statement run under ctx. The driver
// reports an expired deadline in several guises (a connectivity error among
// them), so the context decides first.
func failed(ctx context.Context, op string, err error) error {
	var me *model.Error
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.As(err, &me) {
		return translate(op, fmt.Errorf("%w (%v)", ctxErr, err))
	}
	return translate(op, err)
}

// translate turns a driver error into the model's vocabulary. The driver's
// text stays in Cause, for the server log; clients see only Message.
func translate(op string, err error) error {
	var me *model.Error
	if errors.As(err, &me) {
		return err // already ours, e.g. returned from inside a transaction
	}
	cause := fmt.Errorf("%s: %w", op, err)
	var neoErr *neo4j.Neo4jError
	switch {
	case errors.Is(err, context.DeadlineExceeded), isTimeout(err):
		return &model.Error{Code: model.CodeTimeout, Message: "the query took too long and was stopped", Cause: cause}
	case errors.Is(err, context.Canceled):
		return &model.Error{Code: model.CodeTimeout, Message: "the request was cancelled", Cause: cause}
	case neo4j.IsConnectivityError(err), isPoolExhausted(err):
		return &model.Error{Code: model.CodeUnavailable, Message: "the graph database is unavailable; try again shortly", Cause: cause}
	case errors.As(err, &neoErr) && (neoErr.IsAuthenticationFailed() || neoErr.Classification() == "TransientError"):
		return &model.Error{Code: model.CodeUnavailable, Message: "the graph database is unavailable; try again shortly", Cause: cause}
	}
	return &model.Error{Code: model.CodeInternal, Message: "internal error", Cause: cause}
}

// isTimeout recognises the server stopping a transaction at its timeout.
func isTimeout(err error) bool {
	var neoErr *neo4j.Neo4jError
	if errors.As(err, &neoErr) {
		return strings.HasPrefix(neoErr.Code, "Neo.ClientError.Transaction.TransactionTimedOut") ||
			neoErr.Code == "Neo.TransientError.Transaction.LockClientStopped" && strings.Contains(neoErr.Msg, "timed out")
	}
	return false
}

func isPoolExhausted(err error) bool {
	var ue *neo4j.UsageError
	return errors.As(err, &ue) && strings.Contains(ue.Message, "acquisition timeout")
}

// constraintViolated reports a uniqueness constraint failure and the property it guards.
func constraintViolated(err error) (property string, ok bool) {
	var neoErr *neo4j.Neo4jError
	if !errors.As(err, &neoErr) || neoErr.Code != "Neo.ClientError.Schema.ConstraintValidationFailed" {
		return "", false
	}
	for _, p := range []string{"creditCode", "id"} {
		if strings.Contains(neoErr.Msg, "`"+p+"`") || strings.Contains(neoErr.Msg, "property `"+p) || strings.Contains(neoErr.Msg, "."+p) {
			return p, true
		}
	}
	return "", true
}

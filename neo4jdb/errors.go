package neo4jdb

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"reflect"
	"regexp"
	"slices"
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

// translate is the one place where driver errors become the model's
// vocabulary; every statement's error passes through it. The driver's text
// stays in Cause, for the server log; clients see only Message.
//
// Anything caused by the database being unreachable, overloaded, restarting
// or out of pooled connections is UNAVAILABLE, which tells the client to
// retry; INTERNAL is left for what can only be our own mistake.
func translate(op string, err error) error {
	var me *model.Error
	if errors.As(err, &me) {
		return err // already ours, e.g. returned from inside a transaction
	}
	cause := fmt.Errorf("%s: %w", op, err)
	if prop, value, ok := constraintViolated(err); ok {
		e := model.Invalid(prop, "%s is already used by another node", value)
		if value == "" {
			e.Message = "a value is already used by another node"
		}
		e.Cause = cause
		return e
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded), anyCause(err, isServerTimeout):
		return &model.Error{Code: model.CodeTimeout, Message: "the query took too long and was stopped", Cause: cause}
	case errors.Is(err, context.Canceled):
		return &model.Error{Code: model.CodeTimeout, Message: "the request was cancelled", Cause: cause}
	case anyCause(err, isGone):
		return &model.Error{Code: model.CodeNotFound, Message: "the node or relationship was deleted by a concurrent request", Cause: cause}
	case anyCause(err, isUnavailable):
		return &model.Error{Code: model.CodeUnavailable, Message: "the graph database is unavailable; try again shortly", Cause: cause}
	}
	return &model.Error{Code: model.CodeInternal, Message: "internal error", Cause: cause}
}

// anyCause reports whether test holds for err or any error it wraps,
// including the lists of attempts inside the driver's
// TransactionExecutionLimit and the Inner of its ConnectivityError, which
// do not implement Unwrap.
func anyCause(err error, test func(error) bool) bool {
	if v := reflect.ValueOf(err); !v.IsValid() || v.Kind() == reflect.Pointer && v.IsNil() {
		return false // nothing, or a typed nil that an Unwrap returned
	}
	if test(err) {
		return true
	}
	switch e := err.(type) {
	case *neo4j.TransactionExecutionLimit:
		for _, inner := range e.Errors {
			if anyCause(inner, test) {
				return true
			}
		}
	case *neo4j.ConnectivityError:
		return anyCause(e.Inner, test)
	case interface{ Unwrap() []error }:
		for _, inner := range e.Unwrap() {
			if anyCause(inner, test) {
				return true
			}
		}
	case interface{ Unwrap() error }:
		return anyCause(e.Unwrap(), test)
	}
	return false
}

// isServerTimeout recognises the server stopping a transaction at its timeout.
func isServerTimeout(err error) bool {
	neoErr, ok := err.(*neo4j.Neo4jError)
	return ok && (strings.HasPrefix(neoErr.Code, "Neo.ClientError.Transaction.TransactionTimedOut") ||
		neoErr.Code == "Neo.TransientError.Transaction.LockClientStopped" && strings.Contains(neoErr.Msg, "timed out"))
}

// isGone recognises a statement that reached a node or relationship which a
// concurrent transaction deleted while this one waited for its lock.
func isGone(err error) bool {
	neoErr, ok := err.(*neo4j.Neo4jError)
	return ok && (neoErr.Code == "Neo.ClientError.Statement.EntityNotFound" ||
		strings.Contains(neoErr.Msg, "has been deleted in"))
}

// driverInternals is the package of the driver's connection, pool, routing
// and retry errors. Most of its types are not exported (PoolTimeout,
// PoolOutOfServers, ReadRoutingTableError, CommitFailedDeadError, ...), so
// they are recognised by their package.
var driverInternals = reflect.TypeOf(neo4j.ConnectivityError{}).PkgPath()

// isUnavailable recognises failures of the database or of the way to it:
// refused or dropped connections, an exhausted pool, routing that found no
// server, retries that ran out (the driver retries only such failures),
// transient server errors (database starting, out of memory, deadlocks),
// rejected credentials, and a server that answers the handshake with no
// Bolt version (a Neo4j starting or stopping), which the driver reports as
// a plain error known only by its text.
func isUnavailable(err error) bool {
	var netErr net.Error
	switch e := err.(type) {
	case *neo4j.Neo4jError:
		return e.Classification() == "TransientError" || e.IsRetriable() || e.IsAuthenticationFailed() ||
			e.Code == "Neo.ClientError.Database.DatabaseNotFound"
	case *neo4j.UsageError:
		return false // a misuse of the driver's API: ours
	case *neo4j.TokenExpiredError:
		return true
	}
	if t := reflect.TypeOf(err); t.Kind() == reflect.Pointer && t.Elem().PkgPath() == driverInternals {
		return true
	}
	return errors.As(err, &netErr) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		strings.HasPrefix(err.Error(), noBoltVersion)
}

// noBoltVersion begins the driver's error for a handshake that agreed on no
// version (neo4j-go-driver internal/bolt/connect.go).
const noBoltVersion = "server did not accept any of the requested Bolt versions"

// uniqueProperty finds the property and value in Neo4j's message for a
// uniqueness violation: "Node(3) already exists with label `Enterprise` and
// property `creditCode` = '9135...'".
var uniqueProperty = regexp.MustCompile("property `([A-Za-z]+)` = (.*)$")

// uniqueProps are the properties schema.cypher's constraints make unique
// (id, creditCode).
var uniqueProps = func() []string {
	var out []string
	for _, m := range regexp.MustCompile(`REQUIRE n\.([A-Za-z]+) IS UNIQUE`).FindAllStringSubmatch(schemaCypher, -1) {
		out = append(out, m[1])
	}
	return out
}()

// constraintViolated reports a uniqueness constraint failure anywhere in
// err, the property it guards and the value in conflict. Only the
// properties the schema makes unique are named; the value is the client's own.
func constraintViolated(err error) (property, value string, ok bool) {
	var neoErr *neo4j.Neo4jError
	if !anyCause(err, func(e error) bool {
		n, is := e.(*neo4j.Neo4jError)
		if is && n.Code == "Neo.ClientError.Schema.ConstraintValidationFailed" {
			neoErr = n
		}
		return neoErr != nil
	}) {
		return "", "", false
	}
	if m := uniqueProperty.FindStringSubmatch(neoErr.Msg); m != nil && slices.Contains(uniqueProps, m[1]) {
		return m[1], strings.Trim(m[2], "'\""), true
	}
	return "", "", true
}

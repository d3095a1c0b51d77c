package neo4jdb

import (
	"context"
	"errors"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
)

func TestTranslate(t *testing.T) {
	ours := model.NotFound("node", "x")
	for _, tc := range []struct {
		name string
		err  error
		want model.Code
	}{
		{"ServerTimeout", &neo4j.Neo4jError{Code: "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"}, model.CodeTimeout},
		{"Deadline", context.DeadlineExceeded, model.CodeTimeout},
		{"Connectivity", &neo4j.ConnectivityError{Inner: errors.New("refused")}, model.CodeUnavailable},
		{"PoolExhausted", &neo4j.UsageError{Message: "connection acquisition timeout of 5s reached"}, model.CodeUnavailable},
		{"AuthFailed", &neo4j.Neo4jError{Code: "Neo.ClientError.Security.Unauthorized"}, model.CodeUnavailable},
		{"Transient", &neo4j.Neo4jError{Code: "Neo.TransientError.General.OutOfMemoryError"}, model.CodeUnavailable},
		{"Syntax", &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError", Msg: "secret"}, model.CodeInternal},
		{"Other", errors.New("boom"), model.CodeInternal},
		{"Ours", ours, model.CodeNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := translate("op", tc.err)
			if model.ErrorCode(got) != tc.want {
				t.Errorf("code %s, want %s", model.ErrorCode(got), tc.want)
			}
			var me *model.Error
			if errors.As(got, &me) && tc.want == model.CodeInternal && me.Message != "internal error" {
				t.Errorf("client message %q leaks the cause", me.Message)
			}
		})
	}
	if translate("op", ours) != error(ours) {
		t.Error("our own errors pass through unchanged")
	}
	expired, cancel := context.WithCancel(context.Background())
	cancel()
	if got := failed(expired, "op", &neo4j.ConnectivityError{Inner: errors.New("x")}); model.ErrorCode(got) != model.CodeTimeout {
		t.Errorf("a cancelled request is TIMEOUT whatever the driver said, got %v", got)
	}
}

func TestConstraintViolated(t *testing.T) {
	for msg, want := range map[string]string{
		"Node(12) already exists with label `Node` and property `id` = 'e1'":                              "id",
		"Node(3) already exists with label `Enterprise` and property `creditCode` = '91350100M000100Y43'": "creditCode",
	} {
		prop, ok := constraintViolated(&neo4j.Neo4jError{Code: "Neo.ClientError.Schema.ConstraintValidationFailed", Msg: msg})
		if !ok || prop != want {
			t.Errorf("%q: got %q %v, want %q", msg, prop, ok, want)
		}
	}
	if _, ok := constraintViolated(errors.New("x")); ok {
		t.Error("not a constraint error")
	}
}

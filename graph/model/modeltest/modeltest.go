// Package modeltest reads the API's errors (*model.Error) in tests, the
// same way in every package: the code and field a client would see in
// extensions. It is a package of its own because tests of several
// packages use it, and a test helper cannot be imported from a _test file.
package modeltest

import (
	"errors"
	"testing"

	"github.com/innograph/innograph/graph/model"
)

// Code is the code err reports: "" for no error, INTERNAL for an error that
// is not a *model.Error (as clients see it).
func Code(err error) model.Code {
	if err == nil {
		return ""
	}
	return model.ErrorCode(err)
}

// Field is the argument or field err names, "" when it names none.
func Field(err error) string {
	var e *model.Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// Invalid is the field a BAD_USER_INPUT error names; any other error, or
// none, fails the test.
func Invalid(t testing.TB, err error) string {
	t.Helper()
	if Code(err) != model.CodeBadUserInput {
		t.Fatalf("want a BAD_USER_INPUT error, got %v", err)
	}
	return Field(err)
}

package gqlhttp

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestEncodeBodyAsEncodingJSON holds encodeBody to what a json.Encoder
// without HTML escaping writes for the same body, data that needs no
// compacting included.
func TestEncodeBodyAsEncodingJSON(t *testing.T) {
	fieldErr := &gqlerror.Error{Message: "Bearer <token> & \u2028 \"quoted\"", Path: ast.Path{ast.PathName("network"), ast.PathIndex(3)},
		Extensions: map[string]any{"code": "TIMEOUT"}}
	data := json.RawMessage(`{"network":{"nodes":[{"node":{"id":"a<b>&c","name":"企业\u2028😀\"\\"}}],"truncated":false}}`)
	for name, b := range map[string]*body{
		"Empty":                {},
		"DataOnly":             {Data: data},
		"NullData":             {Data: json.RawMessage(`null`)},
		"ErrorsOnly":           {Errors: gqlerror.List{fieldErr}},
		"EmptyErrorsList":      {Errors: gqlerror.List{}, Data: data},
		"ErrorsDataExtensions": {Errors: gqlerror.List{fieldErr, {Message: "second"}}, Data: data, Extensions: map[string]any{"b": 1, "a": []int{2}}},
		"ExtensionsOnly":       {Extensions: map[string]any{"persistedQuery": map[string]any{"version": 1}}},
	} {
		t.Run(name, func(t *testing.T) {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(b); err != nil {
				t.Fatal(err)
			}
			got, err := encodeBody(b)
			if err != nil || string(got) != want.String() {
				t.Errorf("got %s (%v), encoding/json %s", got, err, want.String())
			}
		})
	}
}

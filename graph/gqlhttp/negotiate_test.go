package gqlhttp

import "testing"

func TestNegotiate(t *testing.T) {
	for _, tc := range []struct {
		accept []string
		want   string // "" for 406
	}{
		{nil, mediaJSON},
		{[]string{"*/*"}, mediaJSON},
		{[]string{"application/*"}, mediaJSON},
		{[]string{"application/json"}, mediaJSON},
		{[]string{"application/graphql-response+json"}, mediaGraphQLResponse},
		// Apollo Client 4 and urql.
		{[]string{"application/graphql-response+json,application/json;q=0.9"}, mediaGraphQLResponse},
		{[]string{"application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed"}, mediaGraphQLResponse},
		{[]string{"application/json, application/graphql-response+json"}, mediaGraphQLResponse},
		{[]string{"application/json;q=1, application/graphql-response+json;q=0.5"}, mediaJSON},
		{[]string{"application/json", "application/graphql-response+json"}, mediaGraphQLResponse},
		{[]string{"application/json, */*"}, mediaJSON},
		{[]string{"application/graphql-response+json;q=0, */*"}, mediaJSON},
		{[]string{"Application/JSON; charset=UTF-8"}, mediaJSON},
		{[]string{"application/graphql-response+json; charset=latin1, application/json"}, mediaJSON},
		{[]string{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}, mediaJSON},
		{[]string{"text/html"}, ""},
		{[]string{"application/json;q=0"}, ""},
		{[]string{"application/json;q=2"}, ""},
		{[]string{";;;"}, ""},
	} {
		got, ok := negotiate(tc.accept)
		if !ok {
			got = ""
		}
		if got != tc.want {
			t.Errorf("Accept %q: got %q, want %q", tc.accept, got, tc.want)
		}
	}
}

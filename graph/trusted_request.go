package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/innograph/innograph/graph/gqlhttp"
)

// documentRefs are the document ids of one operation: the APQ-style
// extensions.persistedQuery.sha256Hash, which every transport decodes, then
// documentId, doc_id and id, which the transport (gqlhttp) read from the
// body or the URL in the same pass as the query, under its body size and
// time limits, and carries in the context.
func documentRefs(ctx context.Context, p *graphql.RawParams) []gqlhttp.DocumentID {
	var out []gqlhttp.DocumentID
	if pq, ok := p.Extensions["persistedQuery"].(map[string]any); ok {
		if h, ok := pq["sha256Hash"].(string); ok && h != "" {
			out = append(out, gqlhttp.DocumentID{Place: apqPlace, ID: h})
		}
	}
	return append(out, gqlhttp.DocumentIDs(ctx)...)
}

// apqPlace is where APQ clients (Apollo, urql) put the hash.
const apqPlace = "extensions.persistedQuery.sha256Hash"

package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
)

// documentRef is a document id a request sent, and where it sent it.
type documentRef struct{ place, id string }

type documentRefsKey struct{}

// Middleware carries the document ids a request names beside the query —
// documentId (GraphQL over HTTP), doc_id (Relay's guide) and id (other Relay
// network layers), in a JSON body or the URL — into its context, where the
// trusted documents extension finds them: gqlgen's transports decode only
// query, operationName, variables and extensions. Without manifests it does
// nothing.
// It reads at most maxBody+1 bytes of a body, so the transport still sees
// (and refuses with 413) a body over the limit.
func (t *TrustedDocuments) Middleware(maxBody int64, next http.Handler) http.Handler {
	if t == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if refs := requestDocumentIDs(r, maxBody); len(refs) > 0 {
			r = r.WithContext(context.WithValue(r.Context(), documentRefsKey{}, refs))
		}
		next.ServeHTTP(w, r)
	})
}

// requestDocumentIDs reads the ids; a POST body is read and put back for the
// transport, which sees the same bytes (or the same read error).
func requestDocumentIDs(r *http.Request, maxBody int64) []documentRef {
	var fields struct {
		DocumentID json.RawMessage `json:"documentId"`
		DocID      json.RawMessage `json:"doc_id"`
		ID         json.RawMessage `json:"id"`
	}
	switch r.Method {
	case http.MethodGet:
		q := r.URL.Query()
		return refs(q.Get("documentId"), q.Get("doc_id"), q.Get("id"))
	case http.MethodPost:
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" || r.Body == nil {
			return nil
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
		r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), r.Body))
		if err != nil || json.Unmarshal(body, &fields) != nil {
			return nil
		}
		return refs(jsonString(fields.DocumentID), jsonString(fields.DocID), jsonString(fields.ID))
	}
	return nil
}

func refs(documentID, docID, id string) []documentRef {
	var out []documentRef
	for _, ref := range []documentRef{{"documentId", documentID}, {"doc_id", docID}, {"id", id}} {
		if ref.id != "" {
			out = append(out, ref)
		}
	}
	return out
}

// jsonString is the string a JSON value holds, or "" for any other value.
func jsonString(raw json.RawMessage) string {
	var s string
	if raw == nil || json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// documentRefs are the ids of one operation: the APQ-style
// extensions.persistedQuery.sha256Hash, which every transport decodes, and
// those Middleware found.
func documentRefs(ctx context.Context, p *graphql.RawParams) []documentRef {
	var out []documentRef
	if pq, ok := p.Extensions["persistedQuery"].(map[string]any); ok {
		if h, ok := pq["sha256Hash"].(string); ok && h != "" {
			out = append(out, documentRef{place: apqPlace, id: h})
		}
	}
	carried, _ := ctx.Value(documentRefsKey{}).([]documentRef)
	return append(out, carried...)
}

// apqPlace is where APQ clients (Apollo, urql) put the hash.
const apqPlace = "extensions.persistedQuery.sha256Hash"

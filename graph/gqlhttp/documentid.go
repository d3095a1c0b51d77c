package gqlhttp

import (
	"context"
	"encoding/json"
)

// DocumentID is a persisted document's id that a request sent beside or in
// place of its query, and the member it came in: documentId (GraphQL over
// HTTP), doc_id (Relay's guide) or id (other Relay network layers). gqlgen's
// RawParams has no room for them, so the transport carries them in the
// operation's context, where an operation-parameter mutator (the trusted
// documents extension) reads them: the body is read and decoded once, under
// the transport's size and time limits.
type DocumentID struct{ Place, ID string }

type documentIDsKey struct{}

// DocumentIDs are the ids the request of ctx sent, in the order documentId,
// doc_id, id; none when it sent none.
func DocumentIDs(ctx context.Context) []DocumentID {
	ids, _ := ctx.Value(documentIDsKey{}).([]DocumentID)
	return ids
}

func withDocumentIDs(ctx context.Context, ids []DocumentID) context.Context {
	if len(ids) == 0 {
		return ctx
	}
	return context.WithValue(ctx, documentIDsKey{}, ids)
}

// documentIDPlaces are the members that may carry a document id.
var documentIDPlaces = [...]string{"documentId", "doc_id", "id"}

// documentIDs keeps the non-empty string values of the document id members,
// looked up by get; any other value (a number, an object) is not an id of
// ours (other tools put their own ids there) and is left out.
func documentIDs(get func(place string) (string, bool)) []DocumentID {
	var out []DocumentID
	for _, place := range documentIDPlaces {
		if id, ok := get(place); ok && id != "" {
			out = append(out, DocumentID{Place: place, ID: id})
		}
	}
	return out
}

// jsonString is the string a JSON value holds; ok is false for any other value.
func jsonString(raw json.RawMessage) (string, bool) {
	var s string
	if raw == nil || json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

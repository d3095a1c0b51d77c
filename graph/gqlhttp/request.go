package gqlhttp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/innograph/innograph/graph/model"
)

// refusal is an HTTP-level failure: the request is not a well-formed
// GraphQL-over-HTTP request, so nothing was parsed or run.
type refusal struct {
	status  int
	code    model.Code
	message string
	allow   string // the Allow header of a 405
	body    []byte // what was read of the body, for a short excerpt in the log
}

func refuse(status int, code model.Code, format string, args ...any) *refusal {
	return &refusal{status: status, code: code, message: fmt.Sprintf(format, args...)}
}

func badRequest(format string, args ...any) *refusal {
	return refuse(http.StatusBadRequest, model.CodeBadUserInput, format, args...)
}

// readGET reads the parameters and document ids of a GET request from its
// URL query.
func readGET(r *http.Request) (*graphql.RawParams, []DocumentID, *refusal) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, nil, badRequest("the URL query string is malformed")
	}
	p := &graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName")}
	for _, obj := range objectParams(p) {
		if s := q.Get(obj.name); s != "" {
			if err := decodeObject([]byte(s), obj.into); err != nil {
				return nil, nil, badRequest("%s must be a URL-encoded JSON object", obj.name)
			}
		}
	}
	ids := documentIDs(func(place string) (string, bool) { return q.Get(place), q.Has(place) })
	return p, ids, needQuery(p, q.Has("documentId") || q.Has("doc_id") || q.Has("id"))
}

// readPOST reads an application/json body within the size and time limits
// and takes the parameters from it, strictly: a JSON object whose query and
// operationName are strings and whose variables and extensions are objects
// (each may be null or absent), and the document ids (documentid.go). Other
// members are ignored, as the spec says.
func (t *Transport) readPOST(w http.ResponseWriter, r *http.Request) (*graphql.RawParams, []DocumentID, *refusal) {
	mt, mtParams, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != mediaJSON {
		return nil, nil, refuse(http.StatusUnsupportedMediaType, model.CodeBadUserInput,
			"send the request body as Content-Type: application/json")
	}
	if cs, set := mtParams["charset"]; set && !strings.EqualFold(cs, "utf-8") {
		return nil, nil, refuse(http.StatusUnsupportedMediaType, model.CodeBadUserInput,
			"the request body must be UTF-8, not %.20q", cs)
	}
	body, fail := t.readBody(w, r)
	if fail != nil {
		return nil, nil, fail
	}
	p, ids, fail := parseBody(body)
	if fail != nil {
		fail.body = body
	}
	return p, ids, fail
}

// readBody reads the whole body, refusing one over MaxBodyBytes (413,
// whether or not it declared its length) or one that does not arrive within
// BodyTimeout (408). The read deadline does not outlive the body: net/http
// clears it when the body is read to its end (and starts watching for the
// client going away), so it cannot cancel the operation that follows
// (TestOperationOutlivesBodyTimeout).
func (t *Transport) readBody(w http.ResponseWriter, r *http.Request) ([]byte, *refusal) {
	tooLarge := refuse(http.StatusRequestEntityTooLarge, model.CodeBadUserInput,
		"the request body is larger than the limit of %d bytes", t.maxBodyBytes)
	if r.ContentLength > t.maxBodyBytes {
		return nil, tooLarge
	}
	rc := http.NewResponseController(w)
	// Not every ResponseWriter can (httptest.ResponseRecorder cannot): then
	// the server's own ReadTimeout is the bound.
	_ = rc.SetReadDeadline(time.Now().Add(t.bodyTimeout))
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, t.maxBodyBytes))
	var tooMany *http.MaxBytesError
	var netErr net.Error
	switch {
	case err == nil:
		return body, nil
	case errors.As(err, &tooMany):
		return nil, tooLarge
	case errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout()):
		f := refuse(http.StatusRequestTimeout, model.CodeTimeout,
			"the request body did not arrive within %s", t.bodyTimeout)
		f.body = body
		return nil, f
	default:
		f := badRequest("the request body could not be read")
		f.body = body
		return nil, f
	}
}

// parseBody decodes a POST body into request parameters and document ids.
func parseBody(body []byte) (*graphql.RawParams, []DocumentID, *refusal) {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return nil, nil, badRequest("batched requests are not supported: send one JSON object per request")
	}
	var members map[string]json.RawMessage
	err := json.Unmarshal(body, &members)
	var syntax *json.SyntaxError
	switch {
	case errors.As(err, &syntax):
		return nil, nil, badRequest("the request body is not valid JSON")
	case err != nil || members == nil:
		return nil, nil, badRequest("the request body must be a JSON object")
	}
	p := &graphql.RawParams{}
	for _, str := range []struct {
		name string
		into *string
	}{{"query", &p.Query}, {"operationName", &p.OperationName}} {
		if v, set := members[str.name]; set && !isNull(v) {
			if err := json.Unmarshal(v, str.into); err != nil {
				return nil, nil, badRequest("%s must be a string", str.name)
			}
		}
	}
	for _, obj := range objectParams(p) {
		if v, set := members[obj.name]; set && !isNull(v) {
			if err := decodeObject(v, obj.into); err != nil {
				return nil, nil, badRequest("%s must be a JSON object", obj.name)
			}
		}
	}
	_, documentID := members["documentId"]
	_, docID := members["doc_id"]
	_, id := members["id"]
	ids := documentIDs(func(place string) (string, bool) { return jsonString(members[place]) })
	return p, ids, needQuery(p, documentID || docID || id)
}

// objectParams are the parameters whose values are JSON objects.
func objectParams(p *graphql.RawParams) []struct {
	name string
	into *map[string]any
} {
	return []struct {
		name string
		into *map[string]any
	}{{"variables", &p.Variables}, {"extensions", &p.Extensions}}
}

// needQuery refuses a request without a document, unless an extension (an
// automatic persisted query's hash) or a persisted document's id (documentId,
// doc_id or id, resolved by the trusted documents extension) stands for one.
func needQuery(p *graphql.RawParams, hasDocumentID bool) *refusal {
	if p.Query == "" && len(p.Extensions) == 0 && !hasDocumentID {
		return badRequest("the request has no query")
	}
	return nil
}

func isNull(v json.RawMessage) bool { return string(v) == "null" }

// decodeObject decodes a JSON object, keeping numbers as json.Number as
// gqlgen expects; anything but an object is an error.
func decodeObject(v []byte, into *map[string]any) error {
	if t := bytes.TrimLeft(v, " \t\r\n"); len(t) == 0 || t[0] != '{' {
		return errors.New("not a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.UseNumber()
	if err := dec.Decode(into); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("data after the JSON object")
	}
	return nil
}

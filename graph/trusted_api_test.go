package graph_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/edge"
	"github.com/innograph/innograph/graph"
)

// The sample manifests hold the same two operations (a page of enterprises,
// a node's name), as relay-compiler and GraphQL Code Generator write them.
const (
	relayManifest   = "testdata/trusted/relay-persisted-queries.json"
	codegenManifest = "testdata/trusted/codegen-persisted-documents.json"
	relayList       = "60998a10ab643d884bdd51cb32ce749e"                                 // MD5
	relayNode       = "0d34f9b42c76a8ca32fcaf865f9fb2e4"                                 // MD5
	codegenList     = "0988df99b5a89ee85518e809b3d411726894122317aced8d0d7206d1e2706c4f" // SHA-256
	codegenNode     = "6aa7e1baec8cf6d47c71b3a37fd992c66d696b07b47cfba135f8aa4670f1530d" // SHA-256
)

const twoEnterprises = `{"type":"Enterprise","id":"A","name":"甲"}
{"type":"Enterprise","id":"B","name":"乙"}`

func apq(hash string) map[string]any {
	return map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}
}

func sha256Hex(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// manifestText is a document of a sample manifest, as its file has it.
func manifestText(t *testing.T, file, id string) string {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(raw, &m); err != nil || m[id] == "" {
		t.Fatalf("%s has no %s: %v", file, id, err)
	}
	return m[id]
}

// trusted serves the persisted document manifests files, enforced or not,
// as INNOGRAPH_TRUSTED_DOCUMENTS and _MODE do.
func trusted(t *testing.T, enforce bool, files ...string) apitest.Option {
	t.Helper()
	docs, err := graph.LoadTrustedDocuments(enforce, files...)
	if err != nil {
		t.Fatal(err)
	}
	return func(o *edge.Options) { o.GraphQL.Trusted = docs }
}

func TestTrustedDocumentsEnforced(t *testing.T) {
	a := apitest.New(t, trusted(t, true, relayManifest, codegenManifest))
	a.LoadGraph(twoEnterprises)

	t.Run("ManifestDocumentsRun", func(t *testing.T) {
		for _, tc := range []struct {
			name    string
			request map[string]any
			want    string
		}{
			{"RelayDocID", map[string]any{"doc_id": relayList, "variables": map[string]any{"first": 10}}, `"totalCount":2`},
			{"RelayID", map[string]any{"id": relayNode, "query": nil, "variables": map[string]any{"id": "A"}}, `"name":"甲"`},
			{"APQHash", map[string]any{"extensions": apq(codegenList), "variables": map[string]any{"first": 1}}, `"totalCount":2`},
			{"DocumentID", map[string]any{"documentId": "sha256:" + codegenNode, "variables": map[string]any{"id": "B"}}, `"name":"乙"`},
			{"FullTextOfAManifestDocument", map[string]any{"query": manifestText(t, codegenManifest, codegenNode),
				"variables": map[string]any{"id": "A"}}, `"name":"甲"`},
		} {
			t.Run(tc.name, func(t *testing.T) {
				res := a.Post("", tc.request)
				if len(res.Errors) > 0 || !strings.Contains(string(res.Data), tc.want) {
					t.Errorf("want data with %s, got %s %+v", tc.want, res.Data, res.Errors)
				}
			})
		}
	})

	t.Run("GET", func(t *testing.T) {
		res, err := http.Get(a.URL + "/query?documentId=" + codegenNode + "&variables=" + url.QueryEscape(`{"id":"B"}`))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out apitest.Response
		if err := json.NewDecoder(res.Body).Decode(&out); err != nil || len(out.Errors) > 0 || !strings.Contains(string(out.Data), `"name":"乙"`) {
			t.Errorf("got %s %+v %v", out.Data, out.Errors, err)
		}
	})

	t.Run("EverythingElseIsRefusedUnrun", func(t *testing.T) {
		stranger := `{ enterprises(first: 5) { totalCount } }`
		for _, tc := range []struct {
			name    string
			token   string
			request map[string]any
			code    string
		}{
			{"UnknownDocID", "", map[string]any{"doc_id": strings.Repeat("0", 32)}, "NOT_FOUND"},
			{"UnknownAPQHash", "", map[string]any{"extensions": apq(sha256Hex(stranger))}, "NOT_FOUND"},
			{"UnknownDocumentID", "", map[string]any{"documentId": "sha256:" + strings.Repeat("a", 64)}, "NOT_FOUND"},
			{"ArbitraryQuery", "", map[string]any{"query": stranger}, "FORBIDDEN"},
			{"ArbitraryMutation", apitest.WriteToken, map[string]any{"query": `mutation { createEnterprise(input: {name: "丙"}) { id } }`}, "FORBIDDEN"},
			{"APQRegistration", "", map[string]any{"query": stranger, "extensions": apq(sha256Hex(stranger))}, "FORBIDDEN"},
			{"HashOfTheRefusedRegistration", "", map[string]any{"extensions": apq(sha256Hex(stranger))}, "NOT_FOUND"},
			{"Introspection", "", map[string]any{"query": `{ __schema { queryType { name } } }`}, "FORBIDDEN"},
			{"AManifestDocumentReformatted", "", map[string]any{"query": manifestText(t, codegenManifest, codegenList) + " "}, "FORBIDDEN"},
			{"TwoDifferentIDs", "", map[string]any{"doc_id": relayList, "extensions": apq(codegenList)}, "BAD_USER_INPUT"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				a.Counter.Reset()
				res := a.Post(tc.token, tc.request)
				if len(res.Errors) != 1 || res.Errors[0].Extensions["code"] != tc.code || string(res.Data) != "" && string(res.Data) != "null" {
					t.Errorf("want one %s error and no data, got %s %+v", tc.code, res.Data, res.Errors)
				}
				if n := a.Counter.Count(); n != 0 {
					t.Errorf("a refused request sent %d statements to Neo4j", n)
				}
			})
		}
		var out struct{ Enterprises struct{ TotalCount int } }
		res := a.Post("", map[string]any{"doc_id": relayList})
		if err := json.Unmarshal(res.Data, &out); err != nil || out.Enterprises.TotalCount != 2 {
			t.Errorf("the graph changed: %s %+v", res.Data, res.Errors)
		}
	})
}

// TestAPQWhenNotEnforced: off, with or without manifests, clients may still
// register documents by hash; manifest ids resolve beside them.
func TestAPQWhenNotEnforced(t *testing.T) {
	for name, manifests := range map[string][]string{
		"NoManifest":   nil,
		"ManifestsOff": {codegenManifest, relayManifest},
	} {
		t.Run(name, func(t *testing.T) {
			var opts []apitest.Option
			if manifests != nil {
				opts = append(opts, trusted(t, false, manifests...))
			}
			a := apitest.New(t, opts...)
			a.LoadGraph(twoEnterprises)
			query := `{ enterprises(first: 3) { totalCount } }`
			hash := sha256Hex(query)
			if res := a.Post("", map[string]any{"extensions": apq(hash)}); len(res.Errors) != 1 ||
				res.Errors[0].Extensions["code"] != "PERSISTED_QUERY_NOT_FOUND" {
				t.Fatalf("an unregistered hash: %+v", res.Errors)
			}
			for _, req := range []map[string]any{
				{"query": query, "extensions": apq(hash)}, // registers
				{"extensions": apq(hash)},
			} {
				if res := a.Post("", req); len(res.Errors) > 0 || !strings.Contains(string(res.Data), `"totalCount":2`) {
					t.Errorf("%v: %s %+v", req, res.Data, res.Errors)
				}
			}
			if manifests == nil {
				return
			}
			// A manifest id that is no SHA-256 (Relay's MD5, Code Generator's
			// default SHA-1) where APQ puts its hash: APQ must not re-check it.
			for _, req := range []map[string]any{
				{"documentId": codegenNode, "variables": map[string]any{"id": "A"}},
				{"extensions": apq(relayNode), "variables": map[string]any{"id": "A"}},
			} {
				if res := a.Post("", req); len(res.Errors) > 0 || !strings.Contains(string(res.Data), `"name":"甲"`) {
					t.Errorf("manifest id %v: %s %+v", req, res.Data, res.Errors)
				}
			}
		})
	}
}

// TestDocumentIDUnderTheBodyLimits: a request that sends a document id is
// read once, by the transport, under INNOGRAPH_BODY_TIMEOUT and
// INNOGRAPH_MAX_BODY_BYTES. A middleware used to read the body first for the
// id, without the deadline, and hand the bytes on: a slow body with an id
// was answered 400 when the client gave up, not 408 at the body timeout, and
// the body was read to its end twice.
func TestDocumentIDUnderTheBodyLimits(t *testing.T) {
	a := apitest.New(t, trusted(t, true, relayManifest, codegenManifest), func(o *edge.Options) {
		o.GraphQL.BodyTimeout, o.RequestTimeout, o.GraphQL.MaxBodyBytes = 300*time.Millisecond, 15*time.Second, 1024
	})
	a.LoadGraph(twoEnterprises)

	t.Run("SlowBody", func(t *testing.T) {
		body := &apitest.StalledBody{Start: []byte(`{"doc_id":"` + relayList + `","variables":`), Stall: 5 * time.Second}
		start := time.Now()
		res := apitest.Send(t, a.Request(http.MethodPost, apitest.AsGraphQL, apitest.AsJSON, "", body))
		if res.Status != http.StatusRequestTimeout || res.Code() != "TIMEOUT" || time.Since(start) > 3*time.Second {
			t.Errorf("after %s: %d %s", time.Since(start), res.Status, res.Raw)
		}
	})
	t.Run("OversizedBody", func(t *testing.T) {
		res := a.PostJSON(apitest.AsGraphQL, "", `{"doc_id":"`+relayList+`","pad":"`+strings.Repeat("a", 2000)+`"}`)
		if res.Status != http.StatusRequestEntityTooLarge || res.Code() != "BAD_USER_INPUT" {
			t.Errorf("%d %s", res.Status, res.Raw)
		}
	})
	t.Run("ReadOnce", func(t *testing.T) {
		body := &endCounter{r: strings.NewReader(`{"doc_id":"` + relayList + `","variables":{"first":10}}`)}
		req := httptest.NewRequest(http.MethodPost, "/query", nil)
		req.Body = body
		req.Header.Set("Content-Type", apitest.AsJSON)
		rec := httptest.NewRecorder()
		a.Handler.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"totalCount":2`) || body.ends != 1 {
			t.Errorf("the body was read to its end %d times; %d %s", body.ends, rec.Code, rec.Body)
		}
	})
}

// endCounter is a request body that counts the reads finding it at its end.
type endCounter struct {
	r    io.Reader
	ends int
}

func (e *endCounter) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF {
		e.ends++
	}
	return n, err
}

func (e *endCounter) Close() error { return nil }

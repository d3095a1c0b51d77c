package graph

import (
	"bytes"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	relaySample   = "testdata/trusted/relay-persisted-queries.json"
	codegenSample = "testdata/trusted/codegen-persisted-documents.json"
	goodDoc       = `query One { node(id: "x") { id } }`
)

func sha256Of(s string) string { sum := sha256.Sum256([]byte(s)); return hex.EncodeToString(sum[:]) }
func sha1Of(s string) string   { sum := sha1.Sum([]byte(s)); return hex.EncodeToString(sum[:]) }
func md5Of(s string) string    { sum := md5.Sum([]byte(s)); return hex.EncodeToString(sum[:]) }

// writeManifest writes v as JSON into a temporary file.
func writeManifest(t testing.TB, v any) string {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "manifest.json")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadSampleManifests(t *testing.T) {
	docs, err := LoadTrustedDocuments(true, relaySample, codegenSample)
	if err != nil {
		t.Fatal(err)
	}
	if docs.Len() != 4 || !docs.Enforce {
		t.Errorf("want 4 enforced documents, got %d (enforce %v)", docs.Len(), docs.Enforce)
	}
}

func TestManifestIDs(t *testing.T) {
	for _, tc := range []struct{ name, id string }{
		{"SHA256", sha256Of(goodDoc)},
		{"PrefixedSHA256", "sha256:" + sha256Of(goodDoc)},
		{"SHA1", sha1Of(goodDoc)},
		{"MD5", md5Of(goodDoc)},
		{"Custom", "x-app:one-v2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := LoadTrustedDocuments(true, writeManifest(t, map[string]string{tc.id: goodDoc}))
			if err != nil {
				t.Fatal(err)
			}
			if docs.byID[documentKey(tc.id)] != goodDoc {
				t.Errorf("%s does not resolve", tc.id)
			}
		})
	}
	t.Run("ApolloManifest", func(t *testing.T) {
		path := writeManifest(t, map[string]any{"format": "apollo-persisted-query-manifest", "version": 1,
			"operations": []map[string]string{{"id": sha256Of(goodDoc), "name": "One", "type": "query", "body": goodDoc}}})
		docs, err := LoadTrustedDocuments(true, path)
		if err != nil || docs.byID[sha256Of(goodDoc)] != goodDoc {
			t.Errorf("%v %v", docs, err)
		}
	})
}

// TestBadManifestsAreRefused: every bad entry stops the start, named by file
// and id, whatever else the manifest holds.
func TestBadManifestsAreRefused(t *testing.T) {
	other := `query Two { node(id: "y") { id } }`
	for _, tc := range []struct {
		name     string
		manifest any
		want     string
	}{
		{"WrongSHA256", map[string]string{sha256Of(other): goodDoc}, "is not the hash of its document"},
		{"WrongPrefixedSHA256", map[string]string{"sha256:" + sha256Of(other): goodDoc}, "is not the hash of its document"},
		{"WrongMD5", map[string]string{md5Of(other): goodDoc}, "is not the hash of its document"},
		{"WrongSHA1", map[string]string{sha1Of(other): goodDoc}, "is not the hash of its document"},
		{"DoesNotParse", map[string]string{"bad": "query {"}, "does not parse"},
		{"UnknownField", map[string]string{"bad": `query Bad { nope }`}, `query Bad does not validate against the schema: document:1:13: Cannot query field "nope"`},
		{"FragmentOnly", map[string]string{"bad": `fragment F on Enterprise { id }`}, "does not validate"},
		{"EmptyDocument", map[string]string{"bad": " "}, "empty id or document"},
		{"NotAnObject", []string{goodDoc}, "want a JSON object of document id to document text"},
		{"NotStrings", map[string]any{"bad": map[string]string{"query": goodDoc}}, "want a JSON object"},
		{"Empty", map[string]string{}, "has no documents"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeManifest(t, tc.manifest)
			_, err := LoadTrustedDocuments(true, codegenSample, path)
			if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want an error naming %s with %q, got %v", path, tc.want, err)
			}
		})
	}
	t.Run("SameIDOtherDocument", func(t *testing.T) {
		a := writeManifest(t, map[string]string{"one": goodDoc})
		b := writeManifest(t, map[string]string{"one": other})
		if _, err := LoadTrustedDocuments(false, a, b); err == nil || !strings.Contains(err.Error(), `entry "one": another manifest`) {
			t.Errorf("got %v", err)
		}
	})
	t.Run("MissingFile", func(t *testing.T) {
		if _, err := LoadTrustedDocuments(false, "testdata/trusted/nope.json"); err == nil || !strings.Contains(err.Error(), "nope.json") {
			t.Errorf("got %v", err)
		}
	})
}

func TestRequestDocumentIDs(t *testing.T) {
	docs, err := LoadTrustedDocuments(true, codegenSample)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name        string
		method, url string
		contentType string
		body        string
		want        []documentRef
	}{
		{"DocumentID", "POST", "/query", "application/json", `{"documentId":"sha256:ab","variables":{}}`, []documentRef{{"documentId", "sha256:ab"}}},
		{"RelayDocID", "POST", "/query", "application/json; charset=utf-8", `{"doc_id":"ab"}`, []documentRef{{"doc_id", "ab"}}},
		{"AllThree", "POST", "/query", "application/json", `{"id":"c","doc_id":"b","documentId":"a"}`,
			[]documentRef{{"documentId", "a"}, {"doc_id", "b"}, {"id", "c"}}},
		{"NumberID", "POST", "/query", "application/json", `{"id":7,"query":"{ __typename }"}`, nil},
		{"Batch", "POST", "/query", "application/json", `[{"doc_id":"ab"}]`, nil},
		{"NotJSON", "POST", "/query", "application/graphql", `{ __typename }`, nil},
		{"GET", "GET", "/query?documentId=sha256%3Aab&variables=%7B%7D", "", "", []documentRef{{"documentId", "sha256:ab"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []documentRef
			var seen []byte
			h := docs.Middleware(1<<20, http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
				got, _ = r.Context().Value(documentRefsKey{}).([]documentRef)
				seen, _ = io.ReadAll(r.Body)
			}))
			req := httptest.NewRequest(tc.method, tc.url, strings.NewReader(tc.body))
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			h.ServeHTTP(httptest.NewRecorder(), req)
			if len(got) != len(tc.want) || len(got) > 0 && !equalRefs(got, tc.want) {
				t.Errorf("ids %v, want %v", got, tc.want)
			}
			if !bytes.Equal(seen, []byte(tc.body)) {
				t.Errorf("the handler read %q, not the body sent", seen)
			}
		})
	}
}

func equalRefs(a, b []documentRef) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestOversizedBodyKeepsItsError: the transport still sees the body
// limit's error after Middleware read the body.
func TestOversizedBodyKeepsItsError(t *testing.T) {
	docs, err := LoadTrustedDocuments(true, codegenSample)
	if err != nil {
		t.Fatal(err)
	}
	var readErr error
	h := docs.Middleware(1<<20, http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		_, readErr = io.ReadAll(r.Body)
	}))
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/query", strings.NewReader(`{"doc_id":"`+strings.Repeat("a", 100)+`"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Body = http.MaxBytesReader(rec, req.Body, 10)
	h.ServeHTTP(rec, req)
	var tooLarge *http.MaxBytesError
	if readErr == nil || !errors.As(readErr, &tooLarge) {
		t.Errorf("want the body limit's error, got %v", readErr)
	}
}

// BenchmarkTrustedDocuments measures what trusted documents add to the
// whole handler on an operation that reads nothing (no loader, no store):
// the same document sent as text without manifests, as text and by id with
// the manifests (the two samples and this one) enforced.
func BenchmarkTrustedDocuments(b *testing.B) {
	const text = `query Here { here: __typename }`
	id := sha256Of(text)
	docs, err := LoadTrustedDocuments(true, codegenSample, relaySample, writeManifest(b, map[string]string{id: text}))
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name    string
		trusted *TrustedDocuments
		request map[string]any
	}{
		{"TextNoManifests", nil, map[string]any{"query": text}},
		{"TextEnforced", docs, map[string]any{"query": text}},
		{"DocumentIDEnforced", docs, map[string]any{"documentId": "sha256:" + id}},
		{"APQHashEnforced", docs, map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": id}}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			auth := NewAuth(nil, nil, true)
			h := auth.Middleware(bc.trusted.Middleware(1<<20, NewHandler(Options{Store: &stubStore{}, Auth: auth, ComplexityLimit: 50000,
				Trusted: bc.trusted, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})))
			body, _ := json.Marshal(bc.request)
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(string(body)))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if !strings.Contains(rec.Body.String(), `"here":"Query"`) {
					b.Fatal(rec.Body.String())
				}
			}
		})
	}
}

package graph

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkTrustedDocuments measures what trusted documents add to the
// whole handler on an operation that reads nothing (no loader, no store):
// the same document sent as text without manifests, as text and by id with
// the manifests (the two samples and this one) enforced.
func BenchmarkTrustedDocuments(b *testing.B) {
	const text = `query Here { here: __typename }`
	id := sha256Of(text)
	path := filepath.Join(b.TempDir(), "manifest.json")
	raw, _ := json.Marshal(map[string]string{id: text})
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		b.Fatal(err)
	}
	docs, err := LoadTrustedDocuments(true, codegenSample, relaySample, path)
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
			h := auth.Middleware(bc.trusted.Middleware(NewHandler(Options{Store: &stubStore{}, Auth: auth, ComplexityLimit: 50000,
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

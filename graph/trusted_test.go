package graph

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
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

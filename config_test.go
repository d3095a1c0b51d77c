package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func envFrom(m map[string]string) func(string) string {
	return func(name string) string { return m[name] }
}

func TestLoadConfigDefaults(t *testing.T) {
	c, err := loadConfig(envFrom(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "localhost:8080" || c.Neo4j.URI != "bolt://127.0.0.1:7687" || !c.ReadsOpen ||
		c.Neo4j.ReadTimeout != 5*time.Second || c.RequestTimeout != 15*time.Second || len(c.WriteTokens) != 0 {
		t.Errorf("defaults: %+v", c)
	}
}

func TestLoadConfigValues(t *testing.T) {
	file := filepath.Join(t.TempDir(), "tokens")
	if err := os.WriteFile(file, []byte("# team tokens\nwrite w-file\nread r-file\n\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := loadConfig(envFrom(map[string]string{
		"NEO4J_URI": "neo4j+s://example.databases.neo4j.io", "INNOGRAPH_WRITE_TOKENS": "a, b,",
		"INNOGRAPH_TOKENS_FILE": file, "INNOGRAPH_READS_OPEN": "false", "NEO4J_READ_TIMEOUT": "2s",
		"INNOGRAPH_CORS_ORIGINS": "https://app.example.org",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Neo4j.URI != "neo4j+s://example.databases.neo4j.io" || c.ReadsOpen || c.Neo4j.ReadTimeout != 2*time.Second {
		t.Errorf("values: %+v", c)
	}
	if strings.Join(c.WriteTokens, ",") != "a,b,w-file" || strings.Join(c.ReadTokens, ",") != "r-file" {
		t.Errorf("tokens: write %v read %v", c.WriteTokens, c.ReadTokens)
	}
	if len(c.CORSOrigins) != 1 || c.CORSOrigins[0] != "https://app.example.org" {
		t.Errorf("origins %v", c.CORSOrigins)
	}
}

func TestLoadConfigErrors(t *testing.T) {
	_, err := loadConfig(envFrom(map[string]string{
		"NEO4J_MAX_POOL_SIZE": "lots", "INNOGRAPH_READS_OPEN": "maybe", "NEO4J_WRITE_TIMEOUT": "30s",
		"INNOGRAPH_TOKENS_FILE": "/no/such/file",
	}))
	if err == nil {
		t.Fatal("want an error")
	}
	for _, name := range []string{"NEO4J_MAX_POOL_SIZE", "INNOGRAPH_READS_OPEN", "NEO4J_WRITE_TIMEOUT", "INNOGRAPH_TOKENS_FILE"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error does not name %s: %v", name, err)
		}
	}
}

func TestLoadConfigTrustedDocuments(t *testing.T) {
	c, err := loadConfig(envFrom(map[string]string{
		"INNOGRAPH_TRUSTED_DOCUMENTS":      "graph/testdata/trusted/relay-persisted-queries.json, graph/testdata/trusted/codegen-persisted-documents.json",
		"INNOGRAPH_TRUSTED_DOCUMENTS_MODE": "enforce",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Trusted == nil || !c.Trusted.Enforce || c.Trusted.Len() != 4 {
		t.Errorf("trusted documents: %+v", c.Trusted)
	}
	if c, err := loadConfig(envFrom(nil)); err != nil || c.Trusted != nil {
		t.Errorf("by default there are no trusted documents: %+v %v", c.Trusted, err)
	}

	bad := filepath.Join(t.TempDir(), "persisted.json")
	if err := os.WriteFile(bad, []byte(`{"0123456789abcdef0123456789abcdef": "{ __typename }"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"INNOGRAPH_TRUSTED_DOCUMENTS_MODE": "enforce"}, "INNOGRAPH_TRUSTED_DOCUMENTS_MODE=enforce needs manifests"},
		{map[string]string{"INNOGRAPH_TRUSTED_DOCUMENTS_MODE": "strict"}, `INNOGRAPH_TRUSTED_DOCUMENTS_MODE="strict" is neither off nor enforce`},
		{map[string]string{"INNOGRAPH_TRUSTED_DOCUMENTS": bad}, bad + `: entry "0123456789abcdef0123456789abcdef": the id is not the hash`},
	} {
		if _, err := loadConfig(envFrom(tc.env)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: want an error with %q, got %v", tc.env, tc.want, err)
		}
	}
}

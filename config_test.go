package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/innograph/innograph/graph"
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
		c.Neo4j.ReadTimeout != 5*time.Second || c.RequestTimeout != 15*time.Second || len(c.WriteTokens) != 0 ||
		c.BodyTimeout != 5*time.Second || c.MaxBodyBytes != 1<<20 {
		t.Errorf("defaults: %+v", c)
	}
	if c.Shed.Rate <= 0 || c.Shed.Burst <= 0 || c.Shed.Concurrency <= 0 || c.Shed.Hold != time.Second {
		t.Errorf("load shedding is on by default: %+v", c.Shed)
	}
	off, err := loadConfig(envFrom(map[string]string{"INNOGRAPH_CLIENT_RATE": "0", "INNOGRAPH_CLIENT_CONCURRENCY": "0"}))
	if err != nil || off.Shed.Enabled() {
		t.Errorf("0 and 0 turn load shedding off: %+v %v", off.Shed, err)
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
		"INNOGRAPH_CORS_ORIGINS": "https://app.example.org", "INNOGRAPH_CORS_HEADERS": "X-Trace-Id",
		"INNOGRAPH_BODY_TIMEOUT": "2s", "INNOGRAPH_CLIENT_HOLD": "0",
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
	if len(c.CORSHeaders) != 1 || c.CORSHeaders[0] != "X-Trace-Id" || c.BodyTimeout != 2*time.Second || c.Shed.Hold != 0 {
		t.Errorf("CORS headers %v, body timeout %s, hold %s", c.CORSHeaders, c.BodyTimeout, c.Shed.Hold)
	}
}

func TestLoadConfigErrors(t *testing.T) {
	_, err := loadConfig(envFrom(map[string]string{
		"NEO4J_MAX_POOL_SIZE": "lots", "INNOGRAPH_READS_OPEN": "maybe", "NEO4J_WRITE_TIMEOUT": "30s",
		"INNOGRAPH_TOKENS_FILE": "/no/such/file", "INNOGRAPH_WRITE_TOKENS": "has space",
		"INNOGRAPH_CLIENT_RATE": "-1", "INNOGRAPH_CLIENT_CONCURRENCY": "many", "INNOGRAPH_BODY_TIMEOUT": "20s",
		"INNOGRAPH_CLIENT_HOLD": "-1s",
	}))
	if err == nil {
		t.Fatal("want an error")
	}
	for _, name := range []string{"NEO4J_MAX_POOL_SIZE", "INNOGRAPH_READS_OPEN", "NEO4J_WRITE_TIMEOUT", "INNOGRAPH_TOKENS_FILE", "INNOGRAPH_WRITE_TOKENS",
		"INNOGRAPH_CLIENT_RATE", "INNOGRAPH_CLIENT_CONCURRENCY", "INNOGRAPH_BODY_TIMEOUT", "INNOGRAPH_CLIENT_HOLD"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error does not name %s: %v", name, err)
		}
	}
}

func TestLoadConfigHoldShorterThanRequest(t *testing.T) {
	_, err := loadConfig(envFrom(map[string]string{"INNOGRAPH_CLIENT_HOLD": "15s"}))
	if err == nil || !strings.Contains(err.Error(), "INNOGRAPH_CLIENT_HOLD must be shorter than INNOGRAPH_REQUEST_TIMEOUT") {
		t.Errorf("a hold as long as the request deadline: %v", err)
	}
}

func TestLoadConfigLimits(t *testing.T) {
	c, err := loadConfig(envFrom(nil))
	if err != nil || c.Limits != graph.DefaultLimits {
		t.Fatalf("defaults: %+v %v", c.Limits, err)
	}
	c, err = loadConfig(envFrom(map[string]string{"INNOGRAPH_MAX_DEPTH": "20", "INNOGRAPH_MAX_TOKENS": "500",
		"INNOGRAPH_MAX_HEIGHT": "100", "INNOGRAPH_MAX_ALIASES": "3", "INNOGRAPH_MAX_ROOT_FIELDS": "4"}))
	if err != nil || c.Limits != (graph.Limits{Tokens: 500, Depth: 20, Height: 100, Aliases: 3, RootFields: 4}) {
		t.Errorf("values: %+v %v", c.Limits, err)
	}
	if _, err := loadConfig(envFrom(map[string]string{"INNOGRAPH_MAX_HEIGHT": "0"})); err == nil || !strings.Contains(err.Error(), "INNOGRAPH_MAX_HEIGHT") {
		t.Errorf("a zero limit: %v", err)
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

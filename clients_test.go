package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestApolloClient runs the Apollo Client setup that docs/clients.md
// documents (test/apollo-client, pinned in its lockfile) against the whole
// stack with the sample graph: possibleTypes, relayStylePagination both
// ways, errorPolicy "all" with a failing root field, and the retry link
// against a second server that sheds load at one request a second.
func TestApolloClient(t *testing.T) {
	dir := nodeProject(t, "apollo-client", "@apollo/client")
	a := newAPI(t)
	shed := newAPIWith(t, map[string]string{"INNOGRAPH_CLIENT_RATE": "1", "INNOGRAPH_CLIENT_BURST": "1"}, io.Discard)
	a.loadSampleGraph() // after both servers cleared the graph; they share it
	cmd := exec.CommandContext(t.Context(), "node", filepath.Join(dir, "client.test.mjs"))
	cmd.Env = append(os.Environ(), "INNOGRAPH_URL="+a.url+"/query", "INNOGRAPH_SHED_URL="+shed.url+"/query")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("Apollo Client test: %v\n%s", err, out)
	}
}

// nodeProject returns test/<name>, a Node project whose dependencies
// `make test` installs from its lockfile. Without node or the installed
// module the test is skipped, or fails under INNOGRAPH_TEST_REQUIRE_DB=1.
func nodeProject(t *testing.T, name, module string) string {
	t.Helper()
	dir := filepath.Join("test", name)
	_, noNode := exec.LookPath("node")
	_, noModules := os.Stat(filepath.Join(dir, "node_modules", module))
	if noNode != nil || noModules != nil {
		if os.Getenv("INNOGRAPH_TEST_REQUIRE_DB") == "1" {
			t.Fatalf("%s needs node and `make %s/node_modules`", dir, dir)
		}
		t.Skipf("no node or %s/node_modules", dir)
	}
	return dir
}

package edge_test

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/edge"
)

// TestApolloClient runs the Apollo Client setup that docs/clients.md
// documents (test/apollo-client, pinned in its lockfile) against the whole
// stack with the sample graph: possibleTypes, relayStylePagination both
// ways, errorPolicy "all" with a failing root field, and the retry link
// against a second server that sheds load at one request a second.
func TestApolloClient(t *testing.T) {
	dir := nodeProject(t, "apollo-client", "@apollo/client")
	a := apitest.New(t)
	shed := apitest.New(t, func(o *edge.Options) { o.Shed.Rate, o.Shed.Burst = 1, 1 })
	a.LoadSample() // after both servers cleared the graph; they share it
	cmd := exec.CommandContext(t.Context(), "node", filepath.Join(dir, "client.test.mjs"))
	cmd.Env = append(os.Environ(), "INNOGRAPH_URL="+a.URL+"/query", "INNOGRAPH_SHED_URL="+shed.URL+"/query")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("Apollo Client test: %v\n%s", err, out)
	}
}

// nodeProject returns test/<name>, a Node project whose dependencies
// `make test` installs from its lockfile. Without node or the installed
// module the test is skipped, or fails under INNOGRAPH_TEST_REQUIRE_DB=1.
func nodeProject(t *testing.T, name, module string) string {
	t.Helper()
	dir := filepath.Join("..", "test", name)
	_, noNode := exec.LookPath("node")
	_, noModules := os.Stat(filepath.Join(dir, "node_modules", module))
	if noNode != nil || noModules != nil {
		if os.Getenv("INNOGRAPH_TEST_REQUIRE_DB") == "1" {
			t.Fatalf("%s needs node and `make test/%s/node_modules`", dir, name)
		}
		t.Skipf("no node or %s/node_modules", dir)
	}
	return dir
}

// TestClientsDocQuotesTheTestedSetup: the Apollo Client setup that
// docs/clients.md shows is test/apollo-client/client.mjs, which
// TestApolloClient runs (all of it but its first comment line).
func TestClientsDocQuotesTheTestedSetup(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "clients.md"))
	if err != nil {
		t.Fatal(err)
	}
	setup, err := os.ReadFile(filepath.Join("..", "test", "apollo-client", "client.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	_, code, _ := strings.Cut(string(setup), "\n")
	if !strings.Contains(string(doc), "```js\n"+code+"```\n") {
		t.Error("docs/clients.md does not show test/apollo-client/client.mjs as it is; paste it again")
	}
}

// TestCORSExposesRetryAfter: a browser client may read Retry-After, so it
// can honour load shedding's 429 (docs/clients.md, "Errors and retries").
func TestCORSExposesRetryAfter(t *testing.T) {
	a := apitest.New(t, func(o *edge.Options) { o.Shed.Rate, o.Shed.Burst = 0.1, 1 })
	var statuses []int
	for range 2 {
		req, _ := http.NewRequest(http.MethodPost, a.URL+"/query", strings.NewReader(`{"query":"{ __typename }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Origin", "http://localhost:5173")
		res := sendNoBody(t, req)
		statuses = append(statuses, res.StatusCode)
		if got := res.Header.Get("Access-Control-Expose-Headers"); got != "Retry-After" {
			t.Errorf("status %d: Access-Control-Expose-Headers %q, want Retry-After", res.StatusCode, got)
		}
	}
	if statuses[1] != http.StatusTooManyRequests {
		t.Errorf("statuses %v: the second request within a second should be shed (one request in 10 s)", statuses)
	}
}

package edge

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
)

// TestExplorePage serves the explorer from the binary alone: the page, and
// every same-origin file it references, with a policy that keeps the page
// on its own origin. (test/browser drives it in Chromium.)
func TestExplorePage(t *testing.T) {
	srv := newTestServer(t, new(atomic.Bool))
	get := func(path string) (*http.Response, string) {
		t.Helper()
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	for _, path := range []string{"/explore", "/explore/"} {
		res, page := get(path)
		if res.StatusCode != http.StatusOK || !strings.Contains(page, `<div id="cy"`) {
			t.Fatalf("GET %s: %d %.200s", path, res.StatusCode, page)
		}
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("GET %s: policy %q", path, csp)
		}
		if !strings.Contains(page, `href="/"`) {
			t.Errorf("GET %s: no link to the playground", path)
		}
		refs := regexp.MustCompile(`(?:src|href)="(/[^"]*)"`).FindAllStringSubmatch(page, -1)
		if len(refs) < 3 {
			t.Fatalf("GET %s: references %v", path, refs)
		}
		for _, m := range refs {
			if m[1] == "/" {
				continue
			}
			if res, body := get(m[1]); res.StatusCode != http.StatusOK || len(body) == 0 {
				t.Errorf("%s references %s: %d", path, m[1], res.StatusCode)
			}
		}
	}
	if res, _ := get("/explore/THIRD_PARTY_LICENSES.txt"); res.StatusCode != http.StatusOK {
		t.Errorf("the bundled packages' licences: %d", res.StatusCode)
	}
	if res, _ := get("/explore/missing.js"); res.StatusCode != http.StatusNotFound {
		t.Errorf("a missing asset: %d", res.StatusCode)
	}
}

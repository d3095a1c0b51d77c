package edge

import (
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/99designs/gqlgen/graphql/playground"
	"golang.org/x/net/html"
)

func TestPlayground(t *testing.T) {
	srv := newTestServer(t, new(atomic.Bool))
	res, err := http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(page), `id="graphiql"`) || !strings.Contains(string(page), playgroundAssetsPath) {
		t.Error("GET / should serve the GraphiQL playground")
	}
	if res.Request.URL.Query().Get("query") != FirstQuery {
		t.Errorf("the playground should open with a chain, got %s", res.Request.URL)
	}
}

// TestPlaygroundSameOrigin walks everything the playground page loads (its
// stylesheet, script, Monaco's workers and what they reference) and fails
// on any absolute URL a browser would fetch: the playground must work on a
// network without the internet. Each file must be served with its content
// type, and a content-hashed one with a year's cache lifetime.
func TestPlaygroundSameOrigin(t *testing.T) {
	srv := newTestServer(t, new(atomic.Bool))
	page := srv.URL + "/?query=%7B__typename%7D"
	seen := map[string]bool{page: true}
	queue := []string{page}
	kinds := map[string]int{}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		res, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", u, res.StatusCode)
			continue
		}
		kind := contentKind(res.Header.Get("Content-Type"))
		kinds[kind]++
		if strings.HasPrefix(res.Request.URL.Path, playgroundAssetsPath) {
			if res.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("%s: no nosniff", u)
			}
			cache := res.Header.Get("Cache-Control")
			if hashedName.MatchString(u) != strings.Contains(cache, "immutable") {
				t.Errorf("%s: Cache-Control %q", u, cache)
			}
		}
		for _, ref := range fetchedRefs(kind, body) {
			switch {
			case isAbsolute(ref):
				t.Errorf("%s loads %s from another origin", u, ref)
			case kind == "js" && !strings.HasPrefix(ref, playgroundAssetsPath):
				// the patterns also catch expressions (import(x), fetch(y)): a
				// string that is no absolute URL stays on the page's origin
			case strings.HasPrefix(ref, "data:") || strings.HasPrefix(ref, "#"):
			default:
				abs, err := res.Request.URL.Parse(ref)
				if err != nil {
					t.Errorf("%s references %q: %v", u, ref, err)
				} else if !seen[abs.String()] {
					seen[abs.String()] = true
					queue = append(queue, abs.String())
				}
			}
		}
	}
	// The page, its script and stylesheet, three workers: a crawl that found
	// less did not look where the browser does.
	if kinds["html"] != 1 || kinds["css"] < 1 || kinds["js"] < 4 {
		t.Errorf("loaded %v; want the page, its stylesheet, its script and Monaco's three workers", kinds)
	}
}

// TestFetchedRefsFindsCDNs holds the check above to the page it replaced
// (gqlgen's GraphiQL, loaded from a CDN) and to the ways CSS and scripts
// load files, without flagging the absolute URLs that are never fetched.
func TestFetchedRefsFindsCDNs(t *testing.T) {
	rec := httptest.NewRecorder()
	playground.Handler("InnoGraph", "/query")(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if refs := external(fetchedRefs("html", rec.Body.Bytes())); len(refs) < 3 {
		t.Errorf("gqlgen's CDN page: found %v, want its React, GraphiQL script and stylesheet", refs)
	}
	for _, tc := range []struct {
		kind, text string
		fetched    bool
	}{
		{"html", `<script src="https://cdn.example/x.js"></script>`, true},
		{"html", `<link rel="stylesheet" href="//cdn.example/x.css">`, true},
		{"html", `<img srcset="a.png 1x, https://cdn.example/b.png 2x">`, true},
		{"html", `<style>@import url(https://fonts.example/f.css);</style>`, true},
		{"html", `<script>import("https://esm.example/m.js")</script>`, true},
		{"html", `<a href="https://github.com/graphql/graphiql">GraphiQL</a>`, false},
		{"css", `@import "https://fonts.example/f.css";`, true},
		{"css", `@import"https://fonts.example/f.css";`, true}, // as esbuild minifies it
		{"css", `.a{background:url( 'https://img.example/a.png' )}`, true},
		{"css", `/* https://example.com/licence */ .a{background:url(data:font/woff2;base64,AAAA)}`, false},
		{"js", `import x from"https://esm.example/worker.js?worker";`, true},
		{"js", `new Worker("https://cdn.example/w.js")`, true},
		{"js", `self.importScripts('https://cdn.example/w.js')`, true},
		{"js", `fetch(` + "`https://api.example/q`" + `)`, true},
		{"js", `e.src="https://cdn.example/s.js"`, true},
		{"js", `document.createElementNS("http://www.w3.org/2000/svg","svg")`, false},
		{"js", `jsx("a",{href:"https://github.com/graphql/graphiql"})`, false},
		{"js", `{$schema:"http://json-schema.org/draft-04/schema#"}`, false},
	} {
		if got := len(external(fetchedRefs(tc.kind, []byte(tc.text)))) > 0; got != tc.fetched {
			t.Errorf("%s %s: fetched %v, want %v", tc.kind, tc.text, got, tc.fetched)
		}
	}
}

func TestPlaygroundAssetsNotFound(t *testing.T) {
	srv := newTestServer(t, new(atomic.Bool))
	for _, p := range []string{"", "missing-ABCDEFGH.js", "../playground.go", "index.html"} {
		if got := statusOf(t, srv.URL+playgroundAssetsPath+p); got != http.StatusNotFound {
			t.Errorf("%q: status %d, want 404", p, got)
		}
	}
	res, err := http.Get(srv.URL + playgroundAssetsPath + "LICENSES.txt")
	if err != nil {
		t.Fatal(err)
	}
	licences, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, pkg := range []string{"graphiql@", "react@", "react-dom@", "monaco-editor@", "graphql@"} {
		if !strings.Contains(string(licences), "\n"+pkg) {
			t.Errorf("LICENSES.txt lacks %s", pkg)
		}
	}
}

func contentKind(ctype string) string {
	mt, _, _ := mime.ParseMediaType(ctype)
	switch mt {
	case "text/html":
		return "html"
	case "text/css":
		return "css"
	case "text/javascript":
		return "js"
	}
	return mt
}

func external(refs []string) []string {
	return slices.DeleteFunc(refs, func(ref string) bool { return !isAbsolute(ref) })
}

// absoluteURL matches a URL that names its host: one a browser would fetch
// from wherever that is.
var absoluteURL = regexp.MustCompile(`^(?i:(?:https?|wss?):)?//`)

func isAbsolute(ref string) bool { return absoluteURL.MatchString(strings.TrimSpace(ref)) }

var (
	cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)
	// url(x), url('x'), @import "x"
	cssRef = regexp.MustCompile(`url\(\s*['"]?([^'")\s]+)|@import\s*['"]([^'"]+)`)
	// The ways a script loads another file: import("x"), import x from "x",
	// new Worker("x"), importScripts("x"), fetch("x"), el.src = "x"; and the
	// playground's own asset paths, which its script hands to new Worker.
	jsRef = regexp.MustCompile(`(?:\bimport|\bimportScripts|\bfetch|\bWorker|\bSharedWorker|\bEventSource|\bWebSocket|\bsendBeacon)\s*\(\s*["'` + "`" + `]([^"'` + "`" + `]+)` +
		`|\b(?:from|import)\s*["'` + "`" + `]([^"'` + "`" + `]+)` +
		`|\.src\s*=\s*["'` + "`" + `]([^"'` + "`" + `]+)` +
		`|"(` + regexp.QuoteMeta(playgroundAssetsPath) + `[^"]+)"`)
)

// fetchedRefs returns the URLs a browser would fetch from a document of the
// given kind ("html", "css" or "js"): not links a user may follow, nor the
// namespace and schema URIs scripts compare strings with.
func fetchedRefs(kind string, body []byte) []string {
	var refs []string
	matches := func(re *regexp.Regexp, text string) {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			for _, g := range m[1:] {
				if g != "" {
					refs = append(refs, g)
				}
			}
		}
	}
	switch kind {
	case "css":
		matches(cssRef, cssComment.ReplaceAllString(string(body), ""))
	case "js":
		matches(jsRef, string(body))
		matches(cssRef, string(body)) // stylesheets injected by scripts
	case "html":
		z := html.NewTokenizer(strings.NewReader(string(body)))
		var inside string // the raw-text element being read: script or style
		for {
			switch z.Next() {
			case html.ErrorToken:
				return refs
			case html.TextToken:
				switch inside {
				case "script":
					refs = append(refs, fetchedRefs("js", z.Text())...)
				case "style":
					refs = append(refs, fetchedRefs("css", z.Text())...)
				}
			case html.EndTagToken:
				inside = ""
			case html.StartTagToken, html.SelfClosingTagToken:
				tok := z.Token()
				inside = tok.Data
				for _, a := range tok.Attr {
					switch {
					case a.Key == "src" || a.Key == "poster" || a.Key == "data",
						a.Key == "href" && tok.Data == "link":
						refs = append(refs, a.Val)
					case a.Key == "srcset":
						for _, candidate := range strings.Split(a.Val, ",") {
							if f := strings.Fields(candidate); len(f) > 0 {
								refs = append(refs, f[0])
							}
						}
					case a.Key == "style":
						refs = append(refs, fetchedRefs("css", []byte(a.Val))...)
					}
				}
			}
		}
	}
	return refs
}

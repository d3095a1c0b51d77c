package edge

import (
	"embed"
	"io/fs"
	"net/http"
)

// The explorer (web/explorer, built by `make explorer`) is committed built,
// so that `go build` alone makes a binary whose pages work offline; `make
// check` rebuilds it from its sources and lockfile and compares.
//
//go:embed explore
var exploreFiles embed.FS

// exploreCSP lets the explorer's page load and call only its own origin.
const exploreCSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// exploreHandler serves the explorer's page at /explore (and /explore/) and
// its files under /explore/.
func exploreHandler() http.Handler {
	files, err := fs.Sub(exploreFiles, "explore")
	if err != nil {
		panic(err) // the embed pattern above guarantees the directory
	}
	page, err := fs.ReadFile(files, "index.html")
	if err != nil {
		panic(err)
	}
	others := assets("/explore/", files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", exploreCSP)
		if r.URL.Path != "/explore" && r.URL.Path != "/explore/" {
			others.ServeHTTP(w, r)
			return
		}
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		h.Set("X-Content-Type-Options", "nosniff")
		w.Write(page)
	})
}

package edge

import (
	"embed"
	"io/fs"
	"net/http"
)

// The explorer (web/explorer, built by `make web`) is committed built, so
// that `go build` alone makes a binary whose pages work offline; `make
// check` rebuilds it from its sources and lockfile and compares.
//
//go:embed explore
var exploreFiles embed.FS

// exploreCSP lets the explorer's pages load and call only their own origin.
const exploreCSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// exploreHandler serves the explorer's page at /explore and its assets
// under /explore/.
func exploreHandler() http.Handler {
	sub, err := fs.Sub(exploreFiles, "explore")
	if err != nil {
		panic(err) // the directory is embedded at build time
	}
	files := http.StripPrefix("/explore/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", exploreCSP)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-cache")
		if r.URL.Path == "/explore" {
			http.ServeFileFS(w, r, sub, "index.html")
			return
		}
		files.ServeHTTP(w, r)
	})
}

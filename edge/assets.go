package edge

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// assetTypes are the content types of the files a web build contains; a
// file of another kind is not served (TestPlaygroundSameOrigin fails first).
var assetTypes = map[string]string{
	".js":  "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".ttf": "font/ttf",
	".svg": "image/svg+xml",
	".txt": "text/plain; charset=utf-8",
}

// hashedName matches esbuild's content-hashed file names (name-HASH.ext):
// their content never changes, so browsers may keep them for a year.
var hashedName = regexp.MustCompile(`-[A-Z2-7]{8}\.[a-z0-9]+$`)

// assets serves the regular files of fsys under prefix with their content
// type and cache lifetime, gzipped for clients that accept it: the
// playground's script is 5 MB, 1.4 MB gzipped, and an intranet may be slow.
func assets(prefix string, fsys fs.FS) http.Handler {
	files := http.FileServerFS(fsys)
	var gzipped sync.Map // file name → *gzipOnce
	return http.StripPrefix(prefix, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := r.URL.Path
		ctype, ok := assetTypes[path.Ext(name)]
		if info, err := fs.Stat(fsys, name); !ok || err != nil || !info.Mode().IsRegular() {
			http.NotFound(w, r) // also no directory listings
			return
		}
		h := w.Header()
		h.Set("Content-Type", ctype)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Add("Vary", "Accept-Encoding")
		if hashedName.MatchString(name) {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		if !acceptsGzip(r.Header.Get("Accept-Encoding")) {
			files.ServeHTTP(w, r)
			return
		}
		g, _ := gzipped.LoadOrStore(name, new(gzipOnce))
		body, err := g.(*gzipOnce).get(fsys, name)
		if err != nil {
			http.Error(w, "cannot read "+name, http.StatusInternalServerError)
			return
		}
		h.Set("Content-Encoding", "gzip")
		h.Set("Content-Length", strconv.Itoa(len(body)))
		if r.Method != http.MethodHead {
			w.Write(body)
		}
	}))
}

// gzipOnce compresses a file on its first request and keeps the result:
// no start-up cost, and a page's few files are compressed once each.
type gzipOnce struct {
	once sync.Once
	body []byte
	err  error
}

func (g *gzipOnce) get(fsys fs.FS, name string) ([]byte, error) {
	g.once.Do(func() {
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			g.err = err
			return
		}
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(raw) // writes to a bytes.Buffer do not fail
		zw.Close()
		g.body = buf.Bytes()
	})
	return g.body, g.err
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip (and
// does not refuse it with q=0).
func acceptsGzip(accept string) bool {
	for _, coding := range strings.Split(accept, ",") {
		name, params, _ := strings.Cut(coding, ";")
		if strings.TrimSpace(name) != "gzip" {
			continue
		}
		q, found := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q=")
		if !found {
			return true
		}
		v, err := strconv.ParseFloat(q, 64)
		return err == nil && v > 0
	}
	return false
}

package edge

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"net/http"
	"sync/atomic"
	"testing"
)

func TestAcceptsGzip(t *testing.T) {
	for accept, want := range map[string]bool{
		"":                        false,
		"gzip":                    true,
		"gzip, deflate, br, zstd": true,
		"br;q=1.0, gzip;q=0.8":    true,
		"deflate, gzip;q=0":       false,
		"gzip; q=0.000":           false,
		"identity":                false,
		"x-gzip2":                 false,
	} {
		if got := acceptsGzip(accept); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", accept, got, want)
		}
	}
}

// TestAssetsGzip: a client that accepts gzip gets the file gzipped, one that
// does not gets it as it is; both bodies are the embedded file.
func TestAssetsGzip(t *testing.T) {
	srv := newTestServer(t, new(atomic.Bool))
	files, _ := fs.Sub(playgroundFiles, "playground/assets")
	names, _ := fs.Glob(files, "playground-*.js")
	if len(names) != 1 {
		t.Fatalf("want one playground script, found %v", names)
	}
	raw, _ := fs.ReadFile(files, names[0])
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}} // sees the encoding
	for _, tc := range []struct {
		accept, encoding string
	}{
		{"gzip, deflate, br", "gzip"},
		{"gzip;q=0, br", ""},
		{"", ""},
	} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+playgroundAssetsPath+names[0], nil)
		req.Header.Set("Accept-Encoding", tc.accept)
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if got := res.Header.Get("Content-Encoding"); got != tc.encoding {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", tc.accept, got, tc.encoding)
		}
		if res.Header.Get("Vary") == "" {
			t.Errorf("Accept-Encoding %q: no Vary", tc.accept)
		}
		if tc.encoding == "gzip" {
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if body, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(body, raw) {
			t.Errorf("Accept-Encoding %q: body differs from the embedded file", tc.accept)
		}
	}
}

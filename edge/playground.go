package edge

import (
	"embed"
	"io/fs"
	"net/http"
	"net/url"
)

// FirstQuery is what the playground shows on a first visit: the question the
// product exists for, asked of the sample graph.
const FirstQuery = `# Through whom is 蒙龙机械 connected to the Bayannur water-research institute?
# factsOnly: true walks only links that a source document states; drop it
# to see the illustrative links too. Press ▶ to run; see README.md for more chains.
{
  chain(from: "ent-menglong", to: "uni-bayannur-water-institute", maxHops: 4, factsOnly: true) {
    exhausted
    chains {
      length
      start { id name }
      steps {
        kind
        direction
        node { __typename id name }
        relationship {
          ... on Participation { participationRole: role source synthetic }
          ... on Membership { memberRole: role since source synthetic }
          ... on Development { developmentRole: role year source synthetic }
          ... on Collaboration { kind title since source synthetic }
        }
      }
    }
  }
}
`

// playgroundFiles is GraphiQL as web/graphiql builds it (make graphiql):
// index.html and assets/ (scripts, Monaco's workers, styles, fonts and the
// bundled packages' licences). It is committed, so `go build` alone makes a
// binary whose playground works without the internet.
//
//go:embed playground
var playgroundFiles embed.FS

// playgroundAssetsPath is where the assets are served; build.mjs writes the
// same prefix into the page and the scripts.
const playgroundAssetsPath = "/assets/graphiql/"

// playgroundHandler serves GraphiQL with its state kept in the URL, so a
// query can be shared as a link; a bare visit opens with FirstQuery.
func playgroundHandler() http.Handler {
	page, err := playgroundFiles.ReadFile("playground/index.html")
	if err != nil {
		panic(err) // the embed pattern above guarantees the file
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.RawQuery == "" {
			http.Redirect(w, r, "/?"+url.Values{"query": {FirstQuery}}.Encode(), http.StatusFound)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-cache") // it names the assets of this build
		h.Set("X-Content-Type-Options", "nosniff")
		w.Write(page)
	})
}

// playgroundAssets serves the files under playground/assets at
// playgroundAssetsPath.
func playgroundAssets() http.Handler {
	files, err := fs.Sub(playgroundFiles, "playground/assets")
	if err != nil {
		panic(err)
	}
	return assets(playgroundAssetsPath, files)
}

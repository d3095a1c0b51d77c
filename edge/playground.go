package edge

import (
	"net/http"
	"net/url"

	"github.com/99designs/gqlgen/graphql/playground"
)

// FirstQuery is what the playground shows on a first visit: the question the
// product exists for, asked of the sample graph.
const FirstQuery = `# Through whom is 科河种业 connected to the CAAS Grassland Research Institute?
# Press ▶ to run; see README.md for more chains.
{
  chain(from: "ent-kehe-seed", to: "uni-caas-grassland", maxHops: 4) {
    exhausted
    chains {
      length
      start { id name }
      steps {
        kind
        direction
        node { __typename id name }
        relationship {
          ... on Membership { memberRole: role since source synthetic }
          ... on Development { developmentRole: role year source synthetic }
          ... on Collaboration { kind title since source synthetic }
        }
      }
    }
  }
}
`

// playgroundHandler serves GraphiQL with its state kept in the URL, so a
// query can be shared as a link; a bare visit opens with FirstQuery.
func playgroundHandler() http.Handler {
	graphiql := playground.Handler("InnoGraph", "/query", playground.WithGraphiqlPersistStateInURL(true))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.RawQuery == "" {
			http.Redirect(w, r, "/?"+url.Values{"query": {FirstQuery}}.Encode(), http.StatusFound)
			return
		}
		graphiql(w, r)
	})
}

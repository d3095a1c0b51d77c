package gqlhttp

import (
	"mime"
	"strconv"
	"strings"
)

// The media types a response can be encoded in.
const (
	mediaGraphQLResponse = "application/graphql-response+json"
	mediaJSON            = "application/json"
)

// negotiate picks the response media type from the request's Accept header
// values: the supported type with the highest q, and on a tie
// application/graphql-response+json if the client named it. A missing
// header, or one that reaches our types only through wildcards, means
// application/json: that is what legacy clients expect and what the
// graphql-http audit asks for (80D8, 47DE). ok is false when the header
// accepts neither type (406).
func negotiate(accept []string) (media string, ok bool) {
	if len(accept) == 0 {
		return mediaJSON, true
	}
	gr, js := match{}, match{}
	for _, value := range accept {
		for part := range strings.SplitSeq(value, ",") {
			mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
			if err != nil {
				continue
			}
			if cs, set := params["charset"]; set && !strings.EqualFold(cs, "utf-8") {
				continue // we answer in UTF-8 only
			}
			q := 1.0
			if s, set := params["q"]; set {
				if q, err = strconv.ParseFloat(s, 64); err != nil || q < 0 || q > 1 {
					continue
				}
			}
			gr.offer(mt, mediaGraphQLResponse, q)
			js.offer(mt, mediaJSON, q)
		}
	}
	switch {
	case gr.q == 0 && js.q == 0:
		return "", false
	case gr.q > js.q || (gr.q == js.q && gr.specificity == exact):
		return mediaGraphQLResponse, true
	default:
		return mediaJSON, true
	}
}

// Specificity of an Accept entry for a media type: the most specific entry
// that matches decides the type's q (RFC 9110, section 12.5.1).
const (
	none = iota
	anyType
	anySubtype
	exact
)

type match struct {
	q           float64
	specificity int
}

func (m *match) offer(entry, media string, q float64) {
	s := none
	switch {
	case entry == media:
		s = exact
	case entry == "application/*":
		s = anySubtype
	case entry == "*/*":
		s = anyType
	}
	if s > m.specificity || (s == m.specificity && s != none && q > m.q) {
		m.q, m.specificity = q, s
	}
}

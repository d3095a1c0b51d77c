package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
)

// class is what a client may conclude from an answer.
type class string

const (
	classOK          class = "OK"          // 200 and no errors: the write is acknowledged
	classRefused     class = "REFUSED"     // a definite client-side refusal: nothing changed
	classUnavailable class = "UNAVAILABLE" // retryable: the outcome of a write is unknown
	classTimeout     class = "TIMEOUT"     // retryable: the outcome of a write is unknown
	classInternal    class = "INTERNAL"    // the server's own bug, by the vocabulary's rule
	classTransport   class = "TRANSPORT"   // no HTTP answer at all (refused, reset, client timeout)
	classMalformed   class = "MALFORMED"   // an HTTP answer that is not a GraphQL response
)

// outcome is one request as the battery saw it.
type outcome struct {
	Start   time.Time
	Latency time.Duration
	Status  int      // HTTP status; 0 when there was no answer
	Codes   []string // extensions.code of every error, in order
	Errors  int      // number of errors in the response
	Bytes   int      // size of the response body
	Err     string   // transport error, if any
	Data    json.RawMessage
}

// End is when the answer arrived.
func (o outcome) End() time.Time { return o.Start.Add(o.Latency) }

// Code is the first error code, "" when there is none.
func (o outcome) Code() string {
	if len(o.Codes) == 0 {
		return ""
	}
	return o.Codes[0]
}

// refusalCodes are the codes that promise nothing was changed.
var refusalCodes = map[string]bool{
	"BAD_USER_INPUT": true, "NOT_FOUND": true, "UNAUTHENTICATED": true, "FORBIDDEN": true,
	"GRAPHQL_PARSE_FAILED": true, "GRAPHQL_VALIDATION_FAILED": true, "COMPLEXITY_LIMIT_EXCEEDED": true,
	"PERSISTED_QUERY_NOT_FOUND": true, "BAD_REQUEST": true,
}

// classify decides what an outcome means to a client. The first error's
// code decides; a response without a code is MALFORMED, since the
// vocabulary promises one on every error.
func classify(o outcome) class {
	switch {
	case o.Err != "" && o.Status == 0:
		return classTransport
	case o.Status == 200 && o.Errors == 0 && o.Err == "":
		return classOK
	case o.Errors == 0:
		if o.Status == 413 || o.Status == 429 || (o.Status >= 400 && o.Status < 500) {
			return classRefused
		}
		return classMalformed
	}
	switch code := o.Code(); {
	case code == "UNAVAILABLE":
		return classUnavailable
	case code == "TIMEOUT":
		return classTimeout
	case code == "INTERNAL":
		return classInternal
	case refusalCodes[code], strings.HasPrefix(code, "MAX_"), strings.HasSuffix(code, "_LIMIT_EXCEEDED"):
		return classRefused
	}
	return classMalformed
}

// unknownOutcome says whether a write's effect cannot be known from its
// answer, so the client must retry it to learn.
func (c class) unknownOutcome() bool {
	return c != classOK && c != classRefused
}

// histogram counts labels and prints them as "A×3 B×1", most frequent first.
type histogram map[string]int

func (h histogram) add(label string) { h[label]++ }

func (h histogram) total() int {
	n := 0
	for _, c := range h {
		n += c
	}
	return n
}

func (h histogram) String() string {
	if len(h) == 0 {
		return "none"
	}
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if h[keys[i]] != h[keys[j]] {
			return h[keys[i]] > h[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s×%d", k, h[k])
	}
	return strings.Join(parts, " ")
}

package model

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stored text must read the same everywhere it is shown: in a browser, a
// terminal, a CSV export or a log line. So text may not carry characters that
// change how other text is displayed or parsed rather than being text
// themselves. Refused in every string field, list items and ids included:
//
//   - control characters (Unicode category Cc: NUL, ESC and the ANSI escape
//     sequences it starts, DEL, the C1 controls), except newline and tab in a
//     field whose rule is Multiline;
//   - bidirectional formatting characters (the Bidi_Control property: the
//     embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069 and
//     the marks U+200E, U+200F and U+061C). The marks are refused too: names
//     here are Chinese or Latin, which need no marks, and an invisible mark
//     lets two different names look the same;
//   - the line and paragraph separators U+2028 and U+2029 (a multi-line field
//     uses newline) and the noncharacters such as U+FFFE;
//   - bytes that are not UTF-8.
var notText = []*unicode.RangeTable{unicode.Cc, unicode.Bidi_Control, unicode.Zl, unicode.Zp, unicode.Noncharacter_Code_Point}

// checkText returns why s may not be stored, or "". A multi-line field takes
// CRLF line ends as LF; it returns the text to store.
func checkText(s string, multiline bool) (string, string) {
	if !utf8.ValidString(s) {
		return "", "is not valid UTF-8"
	}
	if multiline {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsOneOf(notText, r) {
			return "", "contains " + describe(r)
		}
	}
	return s, ""
}

// describe names a refused character without echoing it.
func describe(r rune) string {
	switch {
	case r == '\n' || r == '\r' || r == '\t':
		return fmt.Sprintf("a line break or tab (%U), and the field is one line", r)
	case unicode.Is(unicode.Bidi_Control, r):
		return fmt.Sprintf("the bidirectional formatting character %U, which is not allowed", r)
	case unicode.Is(unicode.Cc, r):
		return fmt.Sprintf("the control character %U, which is not allowed", r)
	}
	return fmt.Sprintf("%U, which is not allowed in text", r)
}

package model_test

import (
	"strings"
	"testing"

	. "github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/graph/model/modeltest"
)

func TestStoredTextIsClean(t *testing.T) {
	ent := NodeSpecs[NodeKindEnterprise]
	for _, tc := range []struct {
		name  string
		raw   map[string]any
		field string // "" means accepted
	}{
		{"ChineseAndLatin", map[string]any{"name": "科河种业 Kehe Seed Co., Ltd."}, ""},
		{"EmojiWithJoiner", map[string]any{"name": "x", "nameEn": "👩‍🔬 lab"}, ""},
		{"NUL", map[string]any{"name": "科河\x00种业"}, "name"},
		{"ANSIEscape", map[string]any{"name": "\x1b[31mred\x1b[0m"}, "name"},
		{"DEL", map[string]any{"name": "a\x7fb"}, "name"},
		{"C1Control", map[string]any{"name": "a\u0085b"}, "name"},
		{"BidiOverride", map[string]any{"name": "abc\u202Efdp.exe"}, "name"},
		{"BidiEmbedding", map[string]any{"name": "a\u202Ab"}, "name"},
		{"BidiIsolate", map[string]any{"name": "a\u2066b\u2069"}, "name"},
		{"RightToLeftMark", map[string]any{"name": "a\u200Fb"}, "name"},
		{"ArabicLetterMark", map[string]any{"name": "a\u061Cb"}, "name"},
		{"LineSeparator", map[string]any{"name": "a\u2028b"}, "name"},
		{"Noncharacter", map[string]any{"name": "a\uFFFEb"}, "name"},
		{"InvalidUTF8", map[string]any{"name": "a\xffb"}, "name"},
		{"NewlineInName", map[string]any{"name": "two\nlines"}, "name"},
		{"TabInName", map[string]any{"name": "a\tb"}, "name"},
		{"SurroundingNewlinesTrimmed", map[string]any{"name": "\n科河种业\t\n"}, ""},
		{"NewlineInNameEn", map[string]any{"name": "x", "nameEn": "a\nb"}, "nameEn"},
		{"ControlInAlias", map[string]any{"name": "x", "aliases": []any{"ok", "b\x1bad"}}, "aliases"},
		{"BidiInRegion", map[string]any{"name": "x", "region": "北京\u202E"}, "region"},
		{"ControlInIndustry", map[string]any{"name": "x", "industry": "a\x01"}, "industry"},
		{"NewlineAndTabInSource", map[string]any{"name": "x", "source": "report.txt\n\tpage 3"}, ""},
		{"NULInSource", map[string]any{"name": "x", "source": "a\x00b"}, "source"},
		{"BidiInSource", map[string]any{"name": "x", "source": "a\u2067b\nc"}, "source"},
		{"LoneCarriageReturnInSource", map[string]any{"name": "x", "source": "a\rb"}, "source"},
		{"ControlInID", map[string]any{"id": "ent-\x00", "name": "x"}, "id"},
		{"BidiInID", map[string]any{"id": "ent-\u202E1", "name": "x"}, "id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ent.Validate(tc.raw, Create)
			if tc.field == "" {
				if err != nil {
					t.Fatalf("refused clean text: %v", err)
				}
				return
			}
			if got := modeltest.Invalid(t, err); got != tc.field {
				t.Errorf("error names field %q, want %q (%v)", got, tc.field, err)
			}
			if strings.ContainsAny(err.Error(), "\x00\x1b\u202E\u202A\u2066\u200F\u061C\u2028\uFFFE\xff") {
				t.Errorf("the message echoes the refused character: %q", err.Error())
			}
		})
	}
}

func TestRelationTextIsClean(t *testing.T) {
	for _, tc := range []struct {
		name  string
		kind  RelationKind
		raw   map[string]any
		field string
	}{
		{"TitleWithNewline", RelationKindCollaboration, map[string]any{"fromId": "a", "toId": "b", "kind": "JOINT_LAB", "title": "a\nb"}, "title"},
		{"TitleWithBidi", RelationKindCollaboration, map[string]any{"fromId": "a", "toId": "b", "kind": "JOINT_LAB", "title": "\u202Eb"}, "title"},
		{"SourceWithNUL", RelationKindTransfer, map[string]any{"resultId": "r", "enterpriseId": "e", "mode": "LICENCE", "source": "x\x00"}, "source"},
		{"EndIDWithControl", RelationKindMembership, map[string]any{"memberId": "ent-1\x1b", "allianceId": "all-1"}, "memberId"},
		{"EndIDWithBidi", RelationKindMembership, map[string]any{"memberId": "ent-1", "allianceId": "all\u2066-1"}, "allianceId"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, _, err := RelationSpecs[tc.kind].Validate(tc.raw, Create)
			if got := modeltest.Invalid(t, err); got != tc.field {
				t.Errorf("error names field %q, want %q (%v)", got, tc.field, err)
			}
		})
	}
	t.Run("SourceCRLFStoredAsLF", func(t *testing.T) {
		_, _, props, err := RelationSpecs[RelationKindMembership].Validate(
			map[string]any{"memberId": "m", "allianceId": "a", "source": "one\r\ntwo"}, Create)
		if err != nil || props["source"] != "one\ntwo" {
			t.Errorf("got %q, %v", props["source"], err)
		}
	})
}

func TestPatchTextIsClean(t *testing.T) {
	_, _, err := NodeSpecs[NodeKindPark].Validate(map[string]any{"name": "园区\x00"}, Patch)
	if got := modeltest.Invalid(t, err); got != "name" {
		t.Errorf("error names field %q, want name", got)
	}
}

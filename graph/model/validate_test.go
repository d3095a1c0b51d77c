package model_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	. "github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/graph/model/modeltest"
)

func TestNodeSpecValidateCreate(t *testing.T) {
	spec := NodeSpecs[NodeKindEnterprise]
	t.Run("OK", func(t *testing.T) {
		id, props, err := spec.Validate(map[string]any{
			"id": " ent-1 ", "name": "  科河种业 ", "founded": json.Number("2001"),
			"aliases": []any{"科河", "科河", " "},
			"region":  "", "certifications": []any{},
		}, Create)
		if err != nil {
			t.Fatal(err)
		}
		if id != "ent-1" || props["name"] != "科河种业" || props["founded"] != int64(2001) {
			t.Errorf("got id %q props %v", id, props)
		}
		if got := props["aliases"].([]string); len(got) != 1 || got[0] != "科河" {
			t.Errorf("aliases not trimmed and deduplicated: %v", got)
		}
		if _, ok := props["region"]; ok {
			t.Errorf("an empty optional string should be absent, got %v", props["region"])
		}
		if _, ok := props["certifications"]; ok {
			t.Errorf("an empty list should be absent, got %v", props["certifications"])
		}
	})
	t.Run("GeneratedID", func(t *testing.T) {
		id, _, err := spec.Validate(map[string]any{"name": "x"}, Create)
		if err != nil || !strings.HasPrefix(id, "ent-") || len(id) != len("ent-")+36 {
			t.Errorf("got %q, %v", id, err)
		}
	})
	for _, tc := range []struct {
		name  string
		raw   map[string]any
		field string
	}{
		{"ErrNameRequired", map[string]any{}, "name"},
		{"ErrNameBlank", map[string]any{"name": "   "}, "name"},
		{"ErrNameTooLong", map[string]any{"name": strings.Repeat("长", MaxNameLen+1)}, "name"},
		{"ErrUnknownField", map[string]any{"name": "x", "colour": "red"}, "colour"},
		{"ErrYearRange", map[string]any{"name": "x", "founded": 1800}, "founded"},
		{"ErrYearFraction", map[string]any{"name": "x", "founded": 2000.5}, "founded"},
		{"ErrEnum", map[string]any{"name": "x", "certifications": []any{"GOLD"}}, "certifications"},
		{"ErrCreditCode", map[string]any{"name": "x", "creditCode": "91350100M000100Y44"}, "creditCode"},
		{"ErrBadID", map[string]any{"id": "has space", "name": "x"}, "id"},
		{"ErrIDType", map[string]any{"id": 7, "name": "x"}, "id"},
		{"ErrTooManyAliases", map[string]any{"name": "x", "aliases": make([]any, MaxListItems+1)}, "aliases"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := spec.Validate(tc.raw, Create)
			if got := modeltest.Invalid(t, err); got != tc.field {
				t.Errorf("error names field %q, want %q (%v)", got, tc.field, err)
			}
		})
	}
}

func TestNodeSpecValidatePatch(t *testing.T) {
	spec := NodeSpecs[NodeKindPark]
	_, props, err := spec.Validate(map[string]any{"level": nil, "industry": "盐化工"}, Patch)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := props["level"]; !ok || v != nil {
		t.Errorf("a null should clear level, got %v (present %v)", v, ok)
	}
	if _, ok := props["name"]; ok {
		t.Error("a patch must not touch fields it leaves out")
	}
	for _, tc := range []struct {
		name  string
		raw   map[string]any
		field string
	}{
		{"ErrClearRequired", map[string]any{"name": nil}, "name"},
		{"ErrClearKind", map[string]any{"kind": nil}, "kind"},
		{"ErrID", map[string]any{"id": "x"}, "id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := spec.Validate(tc.raw, Patch)
			if got := modeltest.Invalid(t, err); got != tc.field {
				t.Errorf("error names field %q, want %q", got, tc.field)
			}
		})
	}
}

func TestRelationSpecValidate(t *testing.T) {
	t.Run("OKDefaults", func(t *testing.T) {
		from, to, props, err := RelationSpecs[RelationKindMembership].Validate(
			map[string]any{"memberId": "ent-1", "allianceId": "all-1"}, Create)
		if err != nil || from != "ent-1" || to != "all-1" || props["role"] != "MEMBER" {
			t.Errorf("got %q %q %v %v", from, to, props, err)
		}
	})
	t.Run("KeyProps", func(t *testing.T) {
		spec := RelationSpecs[RelationKindTransfer]
		_, _, props, err := spec.Validate(map[string]any{"resultId": "r", "enterpriseId": "e", "mode": "LICENCE", "value": 12.5}, Create)
		if err != nil {
			t.Fatal(err)
		}
		if k := spec.KeyProps(props); len(k) != 1 || k["mode"] != "LICENCE" {
			t.Errorf("key %v", k)
		}
	})
	for _, tc := range []struct {
		name  string
		kind  RelationKind
		raw   map[string]any
		mode  Mode
		field string
	}{
		{"ErrEndMissing", RelationKindMembership, map[string]any{"allianceId": "a"}, Create, "memberId"},
		{"ErrUntilBeforeSince", RelationKindMembership, map[string]any{"memberId": "m", "allianceId": "a", "since": 2020, "until": 2019}, Create, "until"},
		{"ErrModeRequired", RelationKindTransfer, map[string]any{"resultId": "r", "enterpriseId": "e"}, Create, "mode"},
		{"ErrNegativeValue", RelationKindTransfer, map[string]any{"resultId": "r", "enterpriseId": "e", "mode": "EQUITY", "value": -1}, Create, "value"},
		{"ErrPatchKey", RelationKindCollaboration, map[string]any{"kind": "JOINT_LAB"}, Patch, "kind"},
		{"ErrClearDefaulted", RelationKindLocation, map[string]any{"graduated": nil}, Patch, "graduated"},
		{"ErrBool", RelationKindLocation, map[string]any{"graduated": "yes"}, Patch, "graduated"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, _, err := RelationSpecs[tc.kind].Validate(tc.raw, tc.mode)
			if got := modeltest.Invalid(t, err); got != tc.field {
				t.Errorf("error names field %q, want %q (%v)", got, tc.field, err)
			}
		})
	}
}

func TestCheckCreditCode(t *testing.T) {
	for _, tc := range []struct {
		code string
		ok   bool
	}{
		{"914403001922038216", true},  // a published code (Huawei Technologies)
		{"9144030071526726XG", true},  // a published code (Tencent) with a letter check character
		{"91350100M000100Y43", true},  // the example of GB 32100-2015
		{"914403001922038217", false}, // check character off by one
		{"91440300192203821", false},  // too short
		{"9144030019220382IO", false}, // letters outside the alphabet
		{"9144030071526726xg", false}, // lower case
	} {
		if got := CheckCreditCode(tc.code) == ""; got != tc.ok {
			t.Errorf("CheckCreditCode(%q) valid = %v, want %v (%s)", tc.code, got, tc.ok, CheckCreditCode(tc.code))
		}
	}
}

func TestErrorCode(t *testing.T) {
	wrapped := errors.Join(errors.New("context"), Invalid("name", "bad"))
	if ErrorCode(wrapped) != CodeBadUserInput {
		t.Error("a wrapped *Error keeps its code")
	}
	if ErrorCode(errors.New("boom")) != CodeInternal {
		t.Error("any other error is INTERNAL")
	}
}

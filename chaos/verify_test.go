package main

import "testing"

func TestVerify(t *testing.T) {
	create := func(id string) *write { return &write{Op: "createEnterprise", Node: id} }
	member := &write{Op: "addMembership", Node: "e1", Other: "a1"}
	collab := &write{Op: "addCollaboration", Node: "e1", Other: "u1", Kind: "JOINT_LAB"}
	lostCollab := &write{Op: "addCollaboration", Node: "e2", Other: "u1", Kind: "RD_CENTER"}
	unknown := create("e3")
	records := []record{
		{Op: "createEnterprise", Class: classOK, Write: create("e1")},
		{Op: "createEnterprise", Class: classOK, Write: create("e2")},
		{Op: "createEnterprise", Class: classUnavailable, Write: unknown},
		{Op: "addMembership", Class: classOK, Write: member},
		{Op: "addCollaboration", Class: classOK, Write: collab},
		{Op: "addCollaboration", Class: classOK, Write: lostCollab},
		{Op: "addCollaboration", Class: classRefused, Write: &write{Op: "addCollaboration", Node: "e9"}}, // refused: nothing to find
	}
	retries := []retryResult{{W: unknown, First: classUnavailable, Class: classRefused}}
	st := map[string]stored{
		"e1": {Found: true, Name: "混沌企业 e1", Members: map[string]int{"a1": 2}, Collabs: map[string]int{"u1 JOINT_LAB": 1}},
		"e2": {Found: true, Name: "混沌企业 e2"},
		"e3": {Found: true, Name: "混沌企业 e3"},
	}
	v := verify(records, retries, st, 4)
	if v.Acked != 5 || v.AckedMissing != 1 || v.Missing[0] != "addCollaboration e2 u1" {
		t.Errorf("acked %d, missing %d %v", v.Acked, v.AckedMissing, v.Missing)
	}
	if v.Duplicates != 1 || v.Created != 3 || v.Counted != 4 {
		t.Errorf("duplicates %d, created %d, counted %d", v.Duplicates, v.Created, v.Counted)
	}
	if v.Retried != 1 || v.RetryOK != 0 || v.RetryClasses.String() != "REFUSED×1" {
		t.Errorf("retried %d ok %d: %s", v.Retried, v.RetryOK, v.RetryClasses)
	}
	for _, c := range verifyChecks(v) {
		if c.Pass && c.Name != "acknowledged updates kept" {
			t.Errorf("%s passed: %+v", c.Name, c)
		}
	}
}

func TestCheckUpdates(t *testing.T) {
	upd := func(node, value string, c class) record {
		return record{Op: "updateEnterprise", Class: c, Write: &write{Op: "updateEnterprise", Node: node, Value: value}}
	}
	records := []record{
		upd("e1", "v1", classOK), upd("e1", "v2", classOK), upd("e1", "v3", classTimeout), // v2 or v3 may be stored
		upd("e2", "v1", classOK), upd("e2", "v2", classUnavailable), upd("e2", "v3", classOK), // v3 only
		upd("e3", "v1", classUnavailable), // nothing acknowledged: not checked
	}
	for _, tc := range []struct {
		e1, e2 string
		lost   int
	}{{"v2", "v3", 0}, {"v3", "v3", 0}, {"v1", "v3", 1}, {"v3", "v2", 1}} {
		st := map[string]stored{"e1": {NameEn: tc.e1}, "e2": {NameEn: tc.e2}, "e3": {NameEn: "x"}}
		if nodes, lost := checkUpdates(records, st); nodes != 2 || lost != tc.lost {
			t.Errorf("e1=%s e2=%s: nodes %d lost %d, want 2 and %d", tc.e1, tc.e2, nodes, lost, tc.lost)
		}
	}
}

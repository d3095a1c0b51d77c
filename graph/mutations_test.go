package graph_test

import (
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
)

func TestNodeMutations(t *testing.T) {
	a := apitest.New(t)
	var created struct {
		CreateEnterprise map[string]any
	}
	a.OK(apitest.WriteToken, `mutation($in: CreateEnterpriseInput!) { createEnterprise(input: $in) { id name founded certifications creditCode } }`,
		map[string]any{"in": map[string]any{"name": " 科河种业 ", "founded": 2001, "creditCode": "914403001922038216",
			"certifications": []string{"HIGH_TECH"}}}, &created)
	id, _ := created.CreateEnterprise["id"].(string)
	if !strings.HasPrefix(id, "ent-") || created.CreateEnterprise["name"] != "科河种业" {
		t.Fatalf("created %+v", created)
	}

	var updated struct{ UpdateEnterprise map[string]any }
	a.OK(apitest.WriteToken, `mutation($id: ID!) { updateEnterprise(id: $id, input: {founded: null, industry: "种业"}) { name founded industry } }`,
		map[string]any{"id": id}, &updated)
	if updated.UpdateEnterprise["founded"] != nil || updated.UpdateEnterprise["industry"] != "种业" || updated.UpdateEnterprise["name"] != "科河种业" {
		t.Errorf("a null clears, a left-out field stays: %+v", updated)
	}

	for _, m := range []string{
		`createUniversity(input: {id: "u1", name: "大学", kind: COLLEGE}) { id }`,
		`updateUniversity(id: "u1", input: {kind: UNIVERSITY, field: "农学"}) { id }`,
		`createAlliance(input: {id: "a1", name: "联盟", founded: 2012}) { id }`,
		`updateAlliance(id: "a1", input: {level: NATIONAL}) { id }`,
		`createPark(input: {id: "p1", name: "园区", kind: SCIENCE_PARK}) { id }`,
		`updatePark(id: "p1", input: {level: MUNICIPAL, aliases: ["园"]}) { id }`,
		`createResult(input: {id: "r1", name: "成果", kind: SOFTWARE}) { id }`,
		`updateResult(id: "r1", input: {year: 2020}) { id }`,
	} {
		var out map[string]any
		a.OK(apitest.WriteToken, "mutation { m: "+m+" }", nil, &out)
	}
	var nodes struct {
		U, A, P, R map[string]any
	}
	a.OK("", `{ u: node(id: "u1") { ... on University { kind field } } a: node(id: "a1") { ... on Alliance { level founded } }
		p: node(id: "p1") { ... on Park { level aliases } } r: node(id: "r1") { ... on Result { year } } }`, nil, &nodes)
	if nodes.U["kind"] != "UNIVERSITY" || nodes.A["level"] != "NATIONAL" || nodes.P["level"] != "MUNICIPAL" || nodes.R["year"] != 2020.0 {
		t.Errorf("updates not applied: %+v", nodes)
	}

	a.OK(apitest.WriteToken, `mutation { addMembership(input: {memberId: "u1", allianceId: "a1"}) { role } }`, nil, &map[string]any{})
	var deleted struct {
		DeleteNode struct {
			DeletedID, Kind string
			Detached        []struct {
				Kind  string
				Count int
			}
		}
	}
	a.OK(apitest.WriteToken, `mutation { deleteNode(id: "a1") { deletedId kind detached { kind count } } }`, nil, &deleted)
	if d := deleted.DeleteNode; d.DeletedID != "a1" || d.Kind != "ALLIANCE" || len(d.Detached) != 1 || d.Detached[0].Kind != "MEMBERSHIP" || d.Detached[0].Count != 1 {
		t.Errorf("delete payload %+v", d)
	}
	a.Fails(apitest.WriteToken, `mutation { deleteNode(id: "a1") { deletedId } }`, nil, "NOT_FOUND", "")
}

func TestRelationMutations(t *testing.T) {
	a := apitest.New(t)
	relGraph(a)
	for _, tc := range []struct{ name, mutation, want string }{
		{"UpdateMembership", `updateMembership(memberId: "u1", allianceId: "a1", patch: {role: VICE_CHAIR, until: 2030}) { role until }`,
			`{"role":"VICE_CHAIR","until":2030}`},
		{"UpdateLocation", `updateLocation(tenantId: "e1", parkId: "p2", patch: {graduated: false, since: 2010}) { graduated since }`,
			`{"graduated":false,"since":2010}`},
		{"UpdateDevelopment", `updateDevelopment(developerId: "e2", resultId: "r1", patch: {role: LEAD}) { role developer { id } }`,
			`{"role":"LEAD","developer":{"id":"e2"}}`},
		{"UpdateTransfer", `updateTransfer(resultId: "r1", enterpriseId: "e1", mode: LICENCE, patch: {value: null}) { value year }`,
			`{"value":null,"year":2021}`},
		{"UpdateCollaborationReversed", `updateCollaboration(fromId: "e2", toId: "u1", kind: JOINT_LAB, patch: {since: 2016}) { since from { id } }`,
			`{"since":2016,"from":{"id":"u1"}}`},
		{"RemoveMembership", `removeMembership(memberId: "u1", allianceId: "a1") { role member { id } }`,
			`{"role":"VICE_CHAIR","member":{"id":"u1"}}`},
		{"RemoveLocation", `removeLocation(tenantId: "e1", parkId: "p2") { since }`, `{"since":2010}`},
		{"RemoveDevelopment", `removeDevelopment(developerId: "e2", resultId: "r1") { role }`, `{"role":"LEAD"}`},
		{"RemoveTransfer", `removeTransfer(resultId: "r1", enterpriseId: "e1", mode: LICENCE) { mode enterprise { id } }`,
			`{"mode":"LICENCE","enterprise":{"id":"e1"}}`},
		{"RemoveCollaboration", `removeCollaboration(fromId: "u1", toId: "e2", kind: JOINT_LAB) { title }`, `{"title":"联合实验室"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := a.Do(apitest.WriteToken, "mutation { m: "+tc.mutation+" }", nil)
			if len(res.Errors) > 0 {
				t.Fatalf("errors: %+v", res.Errors)
			}
			if !apitest.JSONEqual(t, res.Data, `{"m":`+tc.want+`}`) {
				t.Errorf("got %s, want %s", res.Data, tc.want)
			}
		})
	}
	var after struct {
		E1 struct{ Alliances, Parks, AcquiredResults nodesOf[any] }
	}
	a.OK("", `{ e1: node(id: "e1") { ... on Enterprise { alliances { edges { node { role } } } parks { edges { node { since } } } acquiredResults { edges { node { mode } } } } } }`, nil, &after)
	if len(after.E1.Parks) != 0 || len(after.E1.AcquiredResults) != 0 || len(after.E1.Alliances) != 1 {
		t.Errorf("removals not applied: %+v", after)
	}
}

// TestBadInputChangesNothing: each refused request names its problem and
// leaves the graph exactly as it was.
func TestBadInputChangesNothing(t *testing.T) {
	a := apitest.New(t)
	relGraph(a)
	const snapshot = `{ enterprises(first: 100) { totalCount edges { node { id name founded alliances { edges { node { role } } } acquiredResults { edges { node { mode value } } } } } }
		universities { totalCount } parks { totalCount } results { totalCount } alliances { totalCount edges { node { members { edges { node { role } } } } } } }`
	before := a.Do("", snapshot, nil)
	for _, tc := range []struct {
		name, token, query, code, field string
	}{
		{"NoToken", "", `mutation { createEnterprise(input: {name: "x"}) { id } }`, "UNAUTHENTICATED", ""},
		{"WrongToken", "nope", `mutation { deleteNode(id: "e1") { deletedId } }`, "UNAUTHENTICATED", ""},
		{"ReadToken", apitest.ReadToken, `mutation { deleteNode(id: "e1") { deletedId } }`, "FORBIDDEN", ""},
		{"NameMissing", apitest.WriteToken, `mutation { createEnterprise(input: {name: " "}) { id } }`, "BAD_USER_INPUT", "name"},
		{"DuplicateID", apitest.WriteToken, `mutation { createPark(input: {id: "e1", name: "x", kind: INCUBATOR}) { id } }`, "BAD_USER_INPUT", "id"},
		{"BadCreditCode", apitest.WriteToken, `mutation { createEnterprise(input: {name: "x", creditCode: "123"}) { id } }`, "BAD_USER_INPUT", "creditCode"},
		{"YearOutOfRange", apitest.WriteToken, `mutation { updateEnterprise(id: "e1", input: {founded: 3000}) { id } }`, "BAD_USER_INPUT", "founded"},
		{"ClearRequired", apitest.WriteToken, `mutation { updateEnterprise(id: "e1", input: {name: null}) { id } }`, "BAD_USER_INPUT", "name"},
		{"UpdateUnknown", apitest.WriteToken, `mutation { updateEnterprise(id: "nope", input: {name: "x"}) { id } }`, "NOT_FOUND", ""},
		{"UpdateWrongType", apitest.WriteToken, `mutation { updateUniversity(id: "e1", input: {name: "x"}) { id } }`, "NOT_FOUND", ""},
		{"UnknownEnd", apitest.WriteToken, `mutation { addMembership(input: {memberId: "ghost", allianceId: "a1"}) { role } }`, "BAD_USER_INPUT", "memberId"},
		{"WrongEndType", apitest.WriteToken, `mutation { addTransfer(input: {resultId: "e1", enterpriseId: "e2", mode: EQUITY}) { mode } }`, "BAD_USER_INPUT", "resultId"},
		{"DuplicateMembership", apitest.WriteToken, `mutation { addMembership(input: {memberId: "e1", allianceId: "a1", role: MEMBER}) { role } }`, "BAD_USER_INPUT", "memberId"},
		{"UntilBeforeSince", apitest.WriteToken, `mutation { addLocation(input: {tenantId: "e2", parkId: "p1", since: 2020, until: 2000}) { since } }`, "BAD_USER_INPUT", "until"},
		{"NegativeValue", apitest.WriteToken, `mutation { updateTransfer(resultId: "r1", enterpriseId: "e1", mode: LICENCE, patch: {value: -5}) { mode } }`, "BAD_USER_INPUT", "value"},
		{"NoSuchRelation", apitest.WriteToken, `mutation { removeTransfer(resultId: "r1", enterpriseId: "e1", mode: EQUITY) { mode } }`, "NOT_FOUND", ""},
		{"NULInName", apitest.WriteToken, `mutation { createEnterprise(input: {name: "a\u0000b"}) { id } }`, "BAD_USER_INPUT", "name"},
		{"NewlineInName", apitest.WriteToken, `mutation { updateEnterprise(id: "e1", input: {name: "two\nlines"}) { id } }`, "BAD_USER_INPUT", "name"},
		{"BidiInAlias", apitest.WriteToken, `mutation { updateEnterprise(id: "e1", input: {aliases: ["ok", "\u202Egnp.exe"]}) { id } }`, "BAD_USER_INPUT", "aliases"},
		{"EscapeInTitle", apitest.WriteToken, `mutation { addCollaboration(input: {fromId: "e1", toId: "e2", kind: JOINT_LAB, title: "\u001b[2J"}) { kind } }`, "BAD_USER_INPUT", "title"},
		{"IsolateInEndID", apitest.WriteToken, `mutation { addMembership(input: {memberId: "e1\u2066", allianceId: "a1"}) { role } }`, "BAD_USER_INPUT", "memberId"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a.Fails(tc.token, tc.query, nil, tc.code, tc.field)
		})
	}
	after := a.Do("", snapshot, nil)
	if string(before.Data) != string(after.Data) {
		t.Errorf("refused requests changed the graph:\nbefore %s\nafter  %s", before.Data, after.Data)
	}
}

// TestEachMutationFieldIsItsOwnTransaction: a mutation's fields run one
// after another, each its own call to the store and so its own transaction,
// not the request as a whole: a refused field changes nothing, and a field
// before it keeps its write.
func TestEachMutationFieldIsItsOwnTransaction(t *testing.T) {
	a := apitest.New(t)
	res := a.Do(apitest.WriteToken, `mutation { ok: createEnterprise(input: {id: "e9", name: "新"}) { id } bad: createEnterprise(input: {name: ""}) { id } }`, nil)
	if len(res.Errors) != 1 || res.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || res.Errors[0].Extensions["field"] != "name" {
		t.Errorf("want the second field refused on its name: %+v", res.Errors)
	}
	if !apitest.JSONEqual(t, res.Data, `{"ok": {"id": "e9"}, "bad": null}`) {
		t.Errorf("data %s", res.Data)
	}
	var out struct{ Enterprises struct{ TotalCount int } }
	a.OK("", `{ enterprises { totalCount } }`, nil, &out)
	if out.Enterprises.TotalCount != 1 {
		t.Errorf("%d enterprises, want the first field's one", out.Enterprises.TotalCount)
	}
}

func TestBadArguments(t *testing.T) {
	a := apitest.New(t)
	for _, tc := range []struct{ name, query, code, field string }{
		{"FirstTooLarge", `{ enterprises(first: 101) { totalCount } }`, "BAD_USER_INPUT", "first"},
		{"FirstZero", `{ results(first: 0) { totalCount } }`, "BAD_USER_INPUT", "first"},
		{"BadCursor", `{ parks(after: "garbage") { totalCount } }`, "BAD_USER_INPUT", "after"},
		{"YearOrderUniversity", `{ universities(orderBy: {field: YEAR}) { totalCount } }`, "BAD_USER_INPUT", "orderBy"},
		{"YearFilter", `{ results(filter: {yearFrom: 2020, yearTo: 2010}) { totalCount } }`, "BAD_USER_INPUT", "filter.yearTo"},
		{"EmptySearch", `{ search(query: "  ") { edges { cursor } } }`, "BAD_USER_INPUT", "query"},
		{"SearchFirst", `{ search(query: "x", first: 1000) { edges { cursor } } }`, "BAD_USER_INPUT", "first"},
		{"TooComplex", `{ enterprises(first: 100) { edges { node { alliances(first: 100) { edges { node { alliance { members(first: 100) { edges { node { member { id } } } } } } } } } } } }`,
			"COMPLEXITY_LIMIT_EXCEEDED", ""},
		{"TooComplexBackward", `{ enterprises(last: 100) { edges { node { alliances(first: 100) { edges { node { alliance { members(first: 100) { edges { node { member { id } } } } } } } } } } } }`,
			"COMPLEXITY_LIMIT_EXCEEDED", ""},
		// Relationship lists are priced by last as by first (at the default
		// of 20 this would cost about 5,000).
		{"TooComplexRelationsBackward", `{ enterprises(first: 3) { edges { node { alliances(last: 100) { edges { node { alliance { members(last: 100) { edges { node { member { id } } } } } } } } } } } }`,
			"COMPLEXITY_LIMIT_EXCEEDED", ""},
		// One node's lists cost 40,402, under the limit; a hundred cost 100 times that.
		{"TooComplexNodes", `{ nodes(ids: [` + strings.Repeat(`"e1", `, 100) + `]) { ... on Enterprise { alliances(first: 100) { edges { node { alliance { members(first: 100) { edges { node { member { id } } } } } } } } } } }`,
			"COMPLEXITY_LIMIT_EXCEEDED", ""},
		{"TooManyChains", `{ c0: chain(from: "a", to: "b") { exhausted } c1: chain(from: "a", to: "b") { exhausted } c2: chain(from: "a", to: "b") { exhausted } c3: chain(from: "a", to: "b") { exhausted } c4: chain(from: "a", to: "b") { exhausted } c5: chain(from: "a", to: "b") { exhausted } c6: chain(from: "a", to: "b") { exhausted } c7: chain(from: "a", to: "b") { exhausted } c8: chain(from: "a", to: "b") { exhausted } c9: chain(from: "a", to: "b") { exhausted } }`, "COMPLEXITY_LIMIT_EXCEEDED", ""},
		{"TooManyNetworks", `{ n0: network(id: "a") { nodes { node { id name } } edges { kind fromId toId } } n1: network(id: "a") { nodes { node { id name } } edges { kind fromId toId } } n2: network(id: "a") { nodes { node { id name } } edges { kind fromId toId } } n3: network(id: "a") { nodes { node { id name } } edges { kind fromId toId } } n4: network(id: "a") { nodes { node { id name } } edges { kind fromId toId } } n5: network(id: "a") { nodes { node { id name } } edges { kind fromId toId } } n6: network(id: "a") { nodes { node { id name } } edges { kind fromId toId } } n7: network(id: "a") { nodes { node { id name } } edges { kind fromId toId } } }`, "COMPLEXITY_LIMIT_EXCEEDED", ""},
		{"NotGraphQL", `{ enterprises { nope } }`, "GRAPHQL_VALIDATION_FAILED", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a.Fails("", tc.query, nil, tc.code, tc.field)
		})
	}
	// The same selection on one id is within the limit: nodes is priced per id.
	a.OK("", `{ nodes(ids: ["e1"]) { ... on Enterprise { alliances(first: 100) { edges { node { alliance { members(first: 100) { edges { node { member { id } } } } } } } } } } }`, nil, &map[string]any{})
	relGraph(a) // a relationship list's bound needs a parent to be checked on
	a.Fails("", `{ node(id: "a1") { ... on Alliance { members(first: 500) { edges { node { role } } } } } }`, nil, "BAD_USER_INPUT", "first")
}

package main

import (
	"fmt"
	"sync"
	"testing"
)

// race sends n requests at once and returns each one's error code ("" for
// success) with the data of the successes.
func (a *api) race(n int, request func(i int) (string, map[string]any)) (codes map[string]int, data []string) {
	codes = map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			query, vars := request(i)
			<-start
			res := a.do(writeToken, query, vars)
			mu.Lock()
			defer mu.Unlock()
			if len(res.Errors) == 0 {
				codes[""]++
				data = append(data, string(res.Data))
				return
			}
			codes[fmt.Sprint(res.Errors[0].Extensions["code"])]++
		}()
	}
	close(start)
	wg.Wait()
	return codes, data
}

func TestConcurrentDeleteNode(t *testing.T) {
	a := newAPI(t)
	a.ok(writeToken, `mutation { e: createEnterprise(input: {id: "e1", name: "企业"}) { id } a: createAlliance(input: {id: "a1", name: "联盟"}) { id }
		m: addMembership(input: {memberId: "e1", allianceId: "a1"}) { role } }`, nil, &map[string]any{})
	codes, data := a.race(32, func(int) (string, map[string]any) {
		return `mutation { deleteNode(id: "a1") { kind detached { kind count } } }`, nil
	})
	if codes[""] != 1 || codes["NOT_FOUND"] != 31 ||
		data[0] != `{"deleteNode":{"kind":"ALLIANCE","detached":[{"kind":"MEMBERSHIP","count":1}]}}` {
		t.Errorf("32 deletes of one node: %v %v", codes, data)
	}
}

func TestUpdateRacingDeleteNode(t *testing.T) {
	a := newAPI(t)
	for round := range 3 {
		a.ok(writeToken, `mutation { createEnterprise(input: {id: "e1", name: "企业"}) { id } }`, nil, &map[string]any{})
		codes, _ := a.race(24, func(i int) (string, map[string]any) {
			if i%8 == 0 {
				return `mutation { deleteNode(id: "e1") { deletedId } }`, nil
			}
			return `mutation($i: String) { updateEnterprise(id: "e1", input: {industry: $i}) { id industry } }`,
				map[string]any{"i": fmt.Sprint("行业", i)}
		})
		if codes[""]+codes["NOT_FOUND"] != 24 || codes[""] < 1 {
			t.Errorf("round %d: updates racing deletes: %v", round, codes)
		}
	}
}

func TestConcurrentRemoveRelation(t *testing.T) {
	a := newAPI(t)
	a.ok(writeToken, `mutation { e: createEnterprise(input: {id: "e1", name: "企业"}) { id } a: createAlliance(input: {id: "a1", name: "联盟"}) { id }
		m: addMembership(input: {memberId: "e1", allianceId: "a1"}) { role } }`, nil, &map[string]any{})
	codes, _ := a.race(16, func(i int) (string, map[string]any) {
		if i%4 == 0 {
			return `mutation { updateMembership(memberId: "e1", allianceId: "a1", patch: {since: 2020}) { since } }`, nil
		}
		return `mutation { removeMembership(memberId: "e1", allianceId: "a1") { role } }`, nil
	})
	if codes[""] < 1 || codes[""] > 5 || codes[""]+codes["NOT_FOUND"] != 16 {
		t.Errorf("removes and updates of one membership: %v", codes)
	}
	removes, _ := a.race(12, func(i int) (string, map[string]any) {
		if i == 0 {
			return `mutation { addMembership(input: {memberId: "e1", allianceId: "a1"}) { role } }`, nil
		}
		return `mutation { removeMembership(memberId: "e1", allianceId: "a1") { role } }`, nil
	})
	if removes[""] > 2 || removes[""]+removes["NOT_FOUND"] != 12 {
		t.Errorf("an add and removes of one membership: %v", removes)
	}
}

// A create or add whose answer was lost can be sent again.
func TestRetriedCreateAndAdd(t *testing.T) {
	a := newAPI(t)
	create := `mutation($in: CreateEnterpriseInput!) { createEnterprise(input: $in) { id name founded } }`
	in := map[string]any{"id": "e1", "name": "科河种业", "founded": 2001, "creditCode": "914403001922038216"}
	var first, again map[string]any
	a.ok(writeToken, create, map[string]any{"in": in}, &first)
	a.ok(writeToken, create, map[string]any{"in": in}, &again)
	if fmt.Sprint(first) != fmt.Sprint(again) {
		t.Errorf("a retried create answers as the first: %v, then %v", first, again)
	}
	in["founded"] = 2002
	a.fails(writeToken, create, map[string]any{"in": in}, "BAD_USER_INPUT", "id")

	a.ok(writeToken, `mutation { createAlliance(input: {id: "a1", name: "联盟"}) { id } }`, nil, &map[string]any{})
	add := `mutation { addMembership(input: {memberId: "e1", allianceId: "a1", role: CHAIR}) { role member { id } } }`
	a.ok(writeToken, add, nil, &first)
	a.ok(writeToken, add, nil, &again)
	if fmt.Sprint(first) != fmt.Sprint(again) {
		t.Errorf("a retried add answers as the first: %v, then %v", first, again)
	}
	a.fails(writeToken, `mutation { addMembership(input: {memberId: "e1", allianceId: "a1"}) { role } }`, nil, "BAD_USER_INPUT", "memberId")
}

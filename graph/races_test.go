package graph_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/innograph/innograph/apitest"
)

// race sends n requests at once and returns each one's error code ("" for
// success) with the data of the successes.
func race(a *apitest.API, n int, request func(i int) (string, map[string]any)) (codes map[string]int, data []string) {
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
			res := a.Do(apitest.WriteToken, query, vars)
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
	a := apitest.New(t)
	a.OK(apitest.WriteToken, `mutation { e: createEnterprise(input: {id: "e1", name: "企业"}) { id } a: createAlliance(input: {id: "a1", name: "联盟"}) { id }
		m: addMembership(input: {memberId: "e1", allianceId: "a1"}) { role } }`, nil, &map[string]any{})
	codes, data := race(a, 32, func(int) (string, map[string]any) {
		return `mutation { deleteNode(id: "a1") { kind detached { kind count } } }`, nil
	})
	if codes[""] != 1 || codes["NOT_FOUND"] != 31 ||
		data[0] != `{"deleteNode":{"kind":"ALLIANCE","detached":[{"kind":"MEMBERSHIP","count":1}]}}` {
		t.Errorf("32 deletes of one node: %v %v", codes, data)
	}
}

func TestUpdateRacingDeleteNode(t *testing.T) {
	a := apitest.New(t)
	for round := range 3 {
		a.OK(apitest.WriteToken, `mutation { createEnterprise(input: {id: "e1", name: "企业"}) { id } }`, nil, &map[string]any{})
		codes, _ := race(a, 24, func(i int) (string, map[string]any) {
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
	a := apitest.New(t)
	a.OK(apitest.WriteToken, `mutation { e: createEnterprise(input: {id: "e1", name: "企业"}) { id } a: createAlliance(input: {id: "a1", name: "联盟"}) { id }
		m: addMembership(input: {memberId: "e1", allianceId: "a1"}) { role } }`, nil, &map[string]any{})
	codes, _ := race(a, 16, func(i int) (string, map[string]any) {
		if i%4 == 0 {
			return `mutation { updateMembership(memberId: "e1", allianceId: "a1", patch: {since: 2020}) { since } }`, nil
		}
		return `mutation { removeMembership(memberId: "e1", allianceId: "a1") { role } }`, nil
	})
	if codes[""] < 1 || codes[""] > 5 || codes[""]+codes["NOT_FOUND"] != 16 {
		t.Errorf("removes and updates of one membership: %v", codes)
	}
	removes, _ := race(a, 12, func(i int) (string, map[string]any) {
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
	a := apitest.New(t)
	create := `mutation($in: CreateEnterpriseInput!) { createEnterprise(input: $in) { id name founded } }`
	in := map[string]any{"id": "e1", "name": "科河种业", "founded": 2001, "creditCode": "914403001922038216"}
	var first, again map[string]any
	a.OK(apitest.WriteToken, create, map[string]any{"in": in}, &first)
	a.OK(apitest.WriteToken, create, map[string]any{"in": in}, &again)
	if fmt.Sprint(first) != fmt.Sprint(again) {
		t.Errorf("a retried create answers as the first: %v, then %v", first, again)
	}
	in["founded"] = 2002
	a.Fails(apitest.WriteToken, create, map[string]any{"in": in}, "BAD_USER_INPUT", "id")

	a.OK(apitest.WriteToken, `mutation { createAlliance(input: {id: "a1", name: "联盟"}) { id } }`, nil, &map[string]any{})
	add := `mutation { addMembership(input: {memberId: "e1", allianceId: "a1", role: CHAIR}) { role member { id } } }`
	a.OK(apitest.WriteToken, add, nil, &first)
	a.OK(apitest.WriteToken, add, nil, &again)
	if fmt.Sprint(first) != fmt.Sprint(again) {
		t.Errorf("a retried add answers as the first: %v, then %v", first, again)
	}
	a.Fails(apitest.WriteToken, `mutation { addMembership(input: {memberId: "e1", allianceId: "a1"}) { role } }`, nil, "BAD_USER_INPUT", "memberId")
}

package neo4jdb_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/graph/model/modeltest"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// concurrently runs op n times at once and counts the outcomes by code ("" for success).
func concurrently(n int, op func(i int) error) (map[model.Code]int, []error) {
	var (
		mu     sync.Mutex
		counts = map[model.Code]int{}
		errs   []error
		wg     sync.WaitGroup
		start  = make(chan struct{})
	)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			err := op(i)
			mu.Lock()
			defer mu.Unlock()
			counts[modeltest.Code(err)]++
			if err != nil && modeltest.Code(err) == model.CodeInternal {
				errs = append(errs, err)
			}
		}()
	}
	close(start)
	wg.Wait()
	return counts, errs
}

// Of N concurrent deletes of one node exactly one deletes it and reports
// what it detached; the others find nothing.
func TestConcurrentDeletesOfOneNode(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	for round := range 5 {
		a := fmt.Sprintf("a%d", round)
		mustCreate(t, db, model.NodeKindAlliance, map[string]any{"id": a, "name": "联盟"})
		mustCreate(t, db, model.NodeKindEnterprise, map[string]any{"id": "e" + a, "name": "企业"})
		mustRelate(t, db, model.RelationKindMembership, map[string]any{"memberId": "e" + a, "allianceId": a})
		var detached []string
		var mu sync.Mutex
		counts, errs := concurrently(32, func(int) error {
			p, err := db.DeleteNode(ctx, a)
			if err == nil {
				mu.Lock()
				for _, d := range p.Detached {
					detached = append(detached, fmt.Sprintf("%s %d", d.Kind, d.Count))
				}
				mu.Unlock()
			}
			return err
		})
		if counts[""] != 1 || counts[model.CodeNotFound] != 31 || len(detached) != 1 || detached[0] != "MEMBERSHIP 1" {
			t.Fatalf("round %d: outcomes %v, detached %v, unexpected %v", round, counts, detached, errs)
		}
	}
}

// An update racing a delete of the same node either succeeds (before the
// delete) or finds nothing; never INTERNAL.
func TestUpdateRacingDelete(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	for round := range 5 {
		id := fmt.Sprintf("e%d", round)
		mustCreate(t, db, model.NodeKindEnterprise, map[string]any{"id": id, "name": "企业"})
		counts, errs := concurrently(24, func(i int) error {
			if i%8 == 0 {
				_, err := db.DeleteNode(ctx, id)
				return err
			}
			_, err := db.UpdateNode(ctx, model.NodeKindEnterprise, id, map[string]any{"industry": fmt.Sprint("行业", i)})
			return err
		})
		if len(errs) > 0 || counts[""]+counts[model.CodeNotFound] != 24 || counts[""] < 1 {
			t.Fatalf("round %d: outcomes %v, unexpected %v", round, counts, errs)
		}
	}
}

// Concurrent removes of one relationship: exactly one removes it; updates
// racing them succeed or find nothing.
func TestRelationRacesAreLinearisable(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	smallGraph(t, db)
	key := map[string]any{"mode": "LICENCE"}
	var removed atomic.Int32
	counts, errs := concurrently(24, func(i int) error {
		if i%3 == 0 {
			_, err := db.UpdateRelation(ctx, model.RelationKindTransfer, "r1", "e1", key, map[string]any{"value": float64(i)})
			return err
		}
		_, err := db.RemoveRelation(ctx, model.RelationKindTransfer, "r1", "e1", key)
		if err == nil {
			removed.Add(1)
		}
		return err
	})
	if len(errs) > 0 || removed.Load() != 1 || counts[""]+counts[model.CodeNotFound] != 24 {
		t.Fatalf("outcomes %v (%d removes succeeded), unexpected %v", counts, removed.Load(), errs)
	}
	removes, _ := concurrently(16, func(int) error {
		_, err := db.RemoveRelation(ctx, model.RelationKindMembership, "e1", "a1", nil)
		return err
	})
	if removes[""] != 1 || removes[model.CodeNotFound] != 15 {
		t.Fatalf("16 removes of one membership: %v", removes)
	}
}

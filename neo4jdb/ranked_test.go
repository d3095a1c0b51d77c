package neo4jdb_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// hitKeys is each hit's position: score and id.
func hitKeys(hits []*model.SearchHit) []model.Cursor {
	out := make([]model.Cursor, len(hits))
	for i, h := range hits {
		out[i] = model.Cursor{Key: h.Score, ID: h.Node.NodeID()}
	}
	return out
}

// TestSearchScoresAreStable: the same query over the same index gives the
// same scores, bit for bit, so a cursor (score, id) names one position and
// the pages after it neither repeat nor skip a hit. Scores are BM25 over the
// whole index (document count, average name length): a write to the index,
// even of a node that does not match, changes them, which this test shows
// too; a cursor from before a write may then be off by the hits that moved.
func TestSearchScoresAreStable(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	names := []string{"科河种业", "科河种业研究院", "科河", "内蒙古科河农业"}
	for i := range 30 {
		mustCreate(t, db, model.NodeKindEnterprise, map[string]any{"id": fmt.Sprintf("e%02d", i), "name": names[i%len(names)]})
	}
	search := func(first int, after *model.Cursor) model.Ranked[*model.SearchHit] {
		t.Helper()
		page, err := db.Search(ctx, model.SearchQuery{Text: "科河种业", First: first, After: after, Props: []string{"id"}})
		if err != nil {
			t.Fatal(err)
		}
		return page
	}
	all := search(100, nil)
	if len(all.Items) != 30 || all.More {
		t.Fatalf("%d hits, more %v", len(all.Items), all.More)
	}
	for range 5 {
		if again := search(100, nil); !slices.Equal(hitKeys(again.Items), hitKeys(all.Items)) {
			t.Fatalf("the same query scored differently:\n%v\n%v", hitKeys(all.Items), hitKeys(again.Items))
		}
	}
	// A walk of 7 at a time from each page's last hit is the whole ranking.
	var walked []*model.SearchHit
	var after *model.Cursor
	for {
		page := search(7, after)
		walked = append(walked, page.Items...)
		if !page.More {
			break
		}
		c := hitKeys(page.Items)[len(page.Items)-1]
		after = &c
	}
	if !slices.Equal(hitKeys(walked), hitKeys(all.Items)) {
		t.Errorf("walked %v\nwant %v", hitKeys(walked), hitKeys(all.Items))
	}
	mustCreate(t, db, model.NodeKindEnterprise, map[string]any{"id": "other", "name": "无关企业"})
	if again := search(100, nil); slices.Equal(hitKeys(again.Items), hitKeys(all.Items)) {
		t.Log("a write to the index left the scores as they were")
	} else {
		t.Logf("a write of a node that does not match moved the scores: %v → %v", all.Items[0].Score, again.Items[0].Score)
	}
}

// TestHubsPages: hubs page after a cursor (degree, id), count when asked
// (also on a page past the end), and say whether more follow.
func TestHubsPages(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	mustCreate(t, db, model.NodeKindAlliance, map[string]any{"id": "L", "name": "联盟"})
	for i := range 9 {
		mustCreate(t, db, model.NodeKindEnterprise, map[string]any{"id": fmt.Sprintf("e%d", i), "name": "企业", "region": "内蒙古自治区"})
		if i%3 == 0 {
			if _, err := db.AddRelation(ctx, model.RelationKindMembership, fmt.Sprintf("e%d", i), "L", map[string]any{}); err != nil {
				t.Fatal(err)
			}
		}
	}
	q := model.HubQuery{Kind: model.NodeKindEnterprise, First: 2, Count: true}
	var walked []string
	for {
		page, err := db.Hubs(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 9 {
			t.Fatalf("total %d", page.Total)
		}
		for _, h := range page.Items {
			walked = append(walked, fmt.Sprintf("%s:%d", h.Node.NodeID(), h.Total))
		}
		if !page.More {
			break
		}
		last := page.Items[len(page.Items)-1]
		q.After = &model.Cursor{Key: int64(last.Total), ID: last.Node.NodeID()}
	}
	want := []string{"e0:1", "e3:1", "e6:1", "e1:0", "e2:0", "e4:0", "e5:0", "e7:0", "e8:0"}
	if !slices.Equal(walked, want) {
		t.Errorf("walked %v, want %v", walked, want)
	}
	q.After = &model.Cursor{Key: int64(0), ID: "e8"}
	if page, err := db.Hubs(ctx, q); err != nil || len(page.Items) != 0 || page.More || page.Total != 9 {
		t.Errorf("past the end: %+v %v", page, err)
	}
	q.Count, q.After = false, nil
	if page, err := db.Hubs(ctx, q); err != nil || page.Total != -1 {
		t.Errorf("uncounted: total %d %v", page.Total, err)
	}
}

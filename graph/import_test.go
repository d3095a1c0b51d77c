package graph_test

import (
	"strings"
	"testing"

	"github.com/innograph/innograph/apitest"
)

const importMutation = `mutation($in: ImportInput!) { importGraph(input: $in) {
	written nodes { created updated unchanged rejected } relationships { created updated unchanged rejected }
	rows { index status field reason } } }`

type importResult struct {
	ImportGraph struct {
		Written              bool
		Nodes, Relationships struct{ Created, Updated, Unchanged, Rejected int }
		Rows                 []struct {
			Index                 int
			Status, Field, Reason string
		}
	}
}

func records(extra ...map[string]any) []map[string]any {
	return append([]map[string]any{
		{"type": "Enterprise", "id": "e1", "name": "甲企业", "founded": 2001, "source": "t"},
		{"type": "Alliance", "id": "a1", "name": "联盟", "source": "t"},
		{"type": "MEMBERSHIP", "from": "e1", "to": "a1", "role": "CHAIR", "source": "t"},
		{"type": "Enterprise", "id": "e1", "name": "甲企业", "founded": 2001, "source": "t"},
	}, extra...)
}

func statuses(r importResult) []string {
	out := make([]string, len(r.ImportGraph.Rows))
	for i, row := range r.ImportGraph.Rows {
		out[i] = row.Status
	}
	return out
}

func TestImportGraph(t *testing.T) {
	a := apitest.New(t)
	bad := map[string]any{"type": "Park", "id": "p1", "name": "园", "kind": "CASTLE"}

	var r importResult
	a.OK(apitest.WriteToken, importMutation, map[string]any{"in": map[string]any{"records": records(), "dryRun": true}}, &r)
	if r.ImportGraph.Written || strings.Join(statuses(r), " ") != "VALID VALID VALID DUPLICATE" {
		t.Errorf("dry run: %+v", r)
	}
	a.OK(apitest.WriteToken, importMutation, map[string]any{"in": map[string]any{"records": records(bad)}}, &r)
	if r.ImportGraph.Written || strings.Join(statuses(r), " ") != "VALID VALID VALID DUPLICATE REJECTED" ||
		r.ImportGraph.Rows[4].Field != "kind" || r.ImportGraph.Nodes.Rejected != 1 {
		t.Errorf("strict: %+v", r)
	}
	var count struct{ Enterprises struct{ TotalCount int } }
	a.OK("", `{ enterprises { totalCount } }`, nil, &count)
	if count.Enterprises.TotalCount != 0 {
		t.Fatal("a dry run or a rejected batch wrote nodes")
	}
	a.OK(apitest.WriteToken, importMutation, map[string]any{"in": map[string]any{"records": records(bad), "skipInvalid": true}}, &r)
	if !r.ImportGraph.Written || strings.Join(statuses(r), " ") != "CREATED CREATED CREATED DUPLICATE REJECTED" ||
		r.ImportGraph.Nodes.Created != 2 || r.ImportGraph.Relationships.Created != 1 {
		t.Errorf("skip invalid: %+v", r)
	}
	a.OK(apitest.WriteToken, importMutation, map[string]any{"in": map[string]any{"records": records()}}, &r)
	if strings.Join(statuses(r), " ") != "UNCHANGED UNCHANGED UNCHANGED DUPLICATE" {
		t.Errorf("a second import changes nothing: %v", statuses(r))
	}

	a.Fails("", importMutation, map[string]any{"in": map[string]any{"records": records()}}, "UNAUTHENTICATED", "")
	a.Fails(apitest.ReadToken, importMutation, map[string]any{"in": map[string]any{"records": records()}}, "FORBIDDEN", "")
	tooMany := make([]map[string]any, 1001)
	for i := range tooMany {
		tooMany[i] = map[string]any{"type": "Alliance", "id": "x", "name": "x"}
	}
	a.Fails(apitest.WriteToken, importMutation, map[string]any{"in": map[string]any{"records": tooMany}}, "BAD_USER_INPUT", "input.records")
}

func TestImportGraphDuplicateCreditCode(t *testing.T) {
	a := apitest.New(t)
	ent := func(id string) map[string]any {
		return map[string]any{"type": "Enterprise", "id": id, "name": "企业", "creditCode": "914403001922038216", "source": "t"}
	}
	var r importResult
	a.OK(apitest.WriteToken, importMutation, map[string]any{"in": map[string]any{"records": []map[string]any{ent("e1")}}}, &r)
	e := a.Fails(apitest.WriteToken, importMutation, map[string]any{"in": map[string]any{"records": []map[string]any{ent("e2")}}},
		"BAD_USER_INPUT", "creditCode")
	if !strings.Contains(e.Message, "914403001922038216") {
		t.Errorf("the error should name the value: %q", e.Message)
	}
}

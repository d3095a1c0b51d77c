package importer_test

import (
	"context"
	"errors"
	"testing"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/importer"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// A bulk write that breaks a uniqueness constraint the rows cannot see (a
// credit code already held by a node under another id) is the client's
// mistake: BAD_USER_INPUT naming the property, not INTERNAL.
func TestWriteDuplicateCreditCode(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	ctx := context.Background()
	load := func(id string) error {
		rows := []importer.Row{{Pos: importer.Pos{File: "t", Line: 1}, Raw: map[string]any{
			"type": "Enterprise", "id": id, "name": "企业", "creditCode": "914403001922038216", "source": "t"}}}
		plan, problems, err := importer.Validate(ctx, rows, db)
		if err != nil || len(problems) > 0 {
			t.Fatalf("validate: %v %v", err, problems)
		}
		_, err = importer.Write(ctx, db, plan, importer.Options{})
		return err
	}
	if err := load("e1"); err != nil {
		t.Fatal(err)
	}
	err := load("e2")
	var me *model.Error
	if !errors.As(err, &me) || me.Code != model.CodeBadUserInput || me.Field != "creditCode" {
		t.Fatalf("want BAD_USER_INPUT on creditCode, got %v", err)
	}
}

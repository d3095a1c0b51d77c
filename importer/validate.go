package importer

import (
	"context"
	"errors"
	"fmt"

	"github.com/innograph/innograph/graph/model"
)

// Validate checks rows held in memory as Check does and returns the valid
// ones as a plan, for loads small enough to hold (importGraph, tests).
func Validate(ctx context.Context, rows []Row, lookup Lookup) (*Plan, []Problem, error) {
	c, err := Check(ctx, Rows(rows), lookup)
	if err != nil {
		return nil, nil, err
	}
	plan, err := c.Plan()
	return plan, c.Problems(), err
}

// Plan collects the valid rows of a load in memory.
func (c *Checked) Plan() (*Plan, error) {
	plan := &Plan{}
	err := c.Nodes(func(n NodeItem) error { plan.Nodes = append(plan.Nodes, n); return nil })
	if err == nil {
		err = c.Relations(func(r RelationItem) error { plan.Relations = append(plan.Relations, r); return nil })
	}
	return plan, err
}

// fileField renames the API's end fields (memberId…) to the file's from and to.
func fileField(spec *model.RelationSpec, err error) error {
	var me *model.Error
	if errors.As(err, &me) {
		switch me.Field {
		case spec.FromField:
			return model.Invalid("from", "%s", me.Message)
		case spec.ToField:
			return model.Invalid("to", "%s", me.Message)
		}
	}
	return err
}

// relationKey identifies a relationship as the database does: ends and key
// properties, the ends unordered when the relationship is undirected.
func relationKey(spec *model.RelationSpec, from, to string, props map[string]any) string {
	if spec.Undirected && to < from {
		from, to = to, from
	}
	key := string(spec.Kind) + "\x00" + from + "\x00" + to
	for _, k := range spec.Key {
		key += "\x00" + fmt.Sprint(props[k])
	}
	return key
}

func less(a, b Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	return a.Line < b.Line
}

// Package importer loads graph files: it reads JSON Lines and CSV rows,
// validates every row against the field rules of graph/model (the rules the
// API applies) and against the database, and writes the valid graph in
// batches through bulk upserts, so loading the same files twice leaves the
// same graph. The format is documented in seed/README.md.
//
// The seed command, the importGraph mutation and the server's sample graph
// all go through Validate and Write.
package importer

import (
	"context"
	"fmt"

	"github.com/innograph/innograph/graph/model"
)

// Pos is where a row comes from.
type Pos struct {
	File string
	Line int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Row is one record as read: its type, id or ends, and fields; or, when
// Unreadable is set, why the record could not be read (Raw is nil).
type Row struct {
	Pos
	Raw        map[string]any
	Unreadable string
}

// Problem is one rejected row and why.
type Problem struct {
	Pos
	Field  string
	Reason string
	// Relation tells a rejected relationship row from a node row.
	Relation bool
	Raw      map[string]any
}

func (p Problem) String() string {
	if p.Field == "" {
		return fmt.Sprintf("%s: %s", p.Pos, p.Reason)
	}
	return fmt.Sprintf("%s: %s: %s", p.Pos, p.Field, p.Reason)
}

// NodeItem is a valid node row; Status is filled by Write.
type NodeItem struct {
	Pos
	Kind   model.NodeKind
	Row    model.NodeRow
	Status model.UpsertStatus
}

// RelationItem is a valid relationship row; Status is filled by Write.
type RelationItem struct {
	Pos
	Kind   model.RelationKind
	Row    model.RelationRow
	Status model.UpsertStatus
}

// Plan is a validated load, in file order.
type Plan struct {
	Nodes     []NodeItem
	Relations []RelationItem
}

// Lookup tells the kinds of nodes already in the database.
type Lookup interface {
	NodeKinds(ctx context.Context, ids []string) (map[string]model.NodeKind, error)
}

// Writer is the storage a load writes through.
type Writer interface {
	UpsertNodes(ctx context.Context, kind model.NodeKind, rows []model.NodeRow) ([]model.UpsertStatus, error)
	UpsertRelations(ctx context.Context, kind model.RelationKind, rows []model.RelationRow) ([]model.UpsertStatus, error)
	// CreateRelations creates relationships known not to exist yet.
	CreateRelations(ctx context.Context, kind model.RelationKind, rows []model.RelationRow) error
}

// Counts are the outcome of a load for nodes or for relationships.
type Counts struct {
	Created, Updated, Unchanged, Rejected int
}

// Summary is the outcome of a load.
type Summary struct {
	Nodes, Relations Counts
}

// Reject counts the problems into a summary.
func (s *Summary) Reject(problems []Problem) {
	for _, p := range problems {
		if p.Relation {
			s.Relations.Rejected++
		} else {
			s.Nodes.Rejected++
		}
	}
}

// Add adds the counts of what a Write did.
func (s *Summary) Add(written Summary) {
	for _, pair := range [][2]*Counts{{&s.Nodes, &written.Nodes}, {&s.Relations, &written.Relations}} {
		pair[0].Created += pair[1].Created
		pair[0].Updated += pair[1].Updated
		pair[0].Unchanged += pair[1].Unchanged
		pair[0].Rejected += pair[1].Rejected
	}
}

func (c *Counts) add(s model.UpsertStatus) {
	switch s {
	case model.StatusCreated:
		c.Created++
	case model.StatusUpdated:
		c.Updated++
	default:
		c.Unchanged++
	}
}

package graph

import (
	"context"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/importer"
)

// maxImportRecords bounds one importGraph call; larger loads use the seed command.
const maxImportRecords = 1000

// importGraph validates and writes a batch of rows through the importer, the
// same code the seed command runs, and reports every row's outcome.
func importGraph(ctx context.Context, store Importer, in model.ImportInput) (*model.ImportResult, error) {
	if n := len(in.Records); n == 0 || n > maxImportRecords {
		return nil, model.Invalid("input.records", "must hold 1 to %d rows, got %d", maxImportRecords, n)
	}
	rows := make([]importer.Row, len(in.Records))
	out := &model.ImportResult{Rows: make([]*model.ImportRow, len(in.Records))}
	for i, rec := range in.Records {
		rows[i] = importer.Row{Pos: importer.Pos{File: "records", Line: i + 1}, Raw: rec}
		out.Rows[i] = &model.ImportRow{Index: i, Status: model.ImportStatusDuplicate}
	}
	plan, problems, err := importer.Validate(ctx, rows, store)
	if err != nil {
		return nil, err
	}
	var sum importer.Summary
	sum.Reject(problems)
	for _, p := range problems {
		out.Rows[p.Line-1] = &model.ImportRow{Index: p.Line - 1, Status: model.ImportStatusRejected,
			Field: optional(p.Field), Reason: optional(p.Reason)}
	}
	write := !in.DryRun && (len(problems) == 0 || in.SkipInvalid)
	if write {
		written, err := importer.Write(ctx, store, plan, importer.Options{})
		if err != nil {
			return nil, err
		}
		sum.Add(written)
		out.Written = true
	}
	for _, n := range plan.Nodes {
		out.Rows[n.Line-1].Status = rowStatus(n.Status)
	}
	for _, r := range plan.Relations {
		out.Rows[r.Line-1].Status = rowStatus(r.Status)
	}
	out.Nodes, out.Relationships = counts(sum.Nodes), counts(sum.Relations)
	return out, nil
}

// rowStatus is the status of a valid row: what was written, or VALID.
func rowStatus(s model.UpsertStatus) model.ImportStatus {
	if s == "" {
		return model.ImportStatusValid
	}
	return model.ImportStatus(s)
}

func counts(c importer.Counts) *model.ImportCounts {
	return &model.ImportCounts{Created: c.Created, Updated: c.Updated, Unchanged: c.Unchanged, Rejected: c.Rejected}
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

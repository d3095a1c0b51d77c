package neo4jdb

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/innograph/innograph/graph/model"
)

// A region path (内蒙古自治区/阿拉善盟/阿拉善左旗) is also stored as its
// spans: for levels from..to of the first regionLevels, the segments from
// from to to joined by "/", each in its own property (region1,
// region12, region123, region2, region23, region3). A region filter of k
// segments matches a node exactly when one of its spans of k segments
// equals the filter (or, on a path deeper than regionLevels, the path holds
// it further down: regionDeep), so each candidate span is an equality on a
// composite range index (span, name, id), which gives the page in name
// order and stops at the limit (docs/design.md, "Region filters").
//
// Every write of a region derives them here — mutations, bulk upserts, the
// start-up backfill — and so must an offline import: RegionSpanProps is the
// one derivation.

// regionLevels is how many levels of a path have span properties: province,
// city, county.
const regionLevels = 3

// regionSpan is one span property: the segments from..to (1-based) of a path.
type regionSpan struct {
	prop     string
	from, to int
}

// regionSpans are every span of the first regionLevels levels.
var regionSpans = func() []regionSpan {
	var out []regionSpan
	for from := 1; from <= regionLevels; from++ {
		for to := from; to <= regionLevels; to++ {
			prop := "region"
			for l := from; l <= to; l++ {
				prop += fmt.Sprint(l)
			}
			out = append(out, regionSpan{prop, from, to})
		}
	}
	return out
}()

// regionSpanFields are the span properties as field rules, for the
// columns of an offline import (offline.go).
var regionSpanFields = func() []model.FieldRule {
	out := make([]model.FieldRule, 0, len(regionSpans)+1)
	for _, s := range regionSpans {
		out = append(out, model.FieldRule{Name: s.prop, Type: model.TypeString})
	}
	return append(out, model.FieldRule{Name: regionDeep, Type: model.TypeBool})
}()

// regionDeep marks (true) a node whose path has more than regionLevels
// segments; its deeper spans have no property, so a filter also reads the
// marked nodes through their own index.
const regionDeep = "regionDeep"

// RegionSpanProps is what a node with the region path region stores
// besides it: every span property and regionDeep, each nil when the path
// has no such span (so that SET n += removes an old one). A nil region (the
// property removed) gives every key nil.
func RegionSpanProps(region any) map[string]any {
	out := make(map[string]any, len(regionSpans)+1)
	for _, s := range regionSpans {
		out[s.prop] = nil
	}
	out[regionDeep] = nil
	path, ok := region.(string)
	if !ok {
		return out
	}
	segs := strings.Split(path, "/")
	for _, s := range regionSpans {
		if s.to <= len(segs) {
			out[s.prop] = strings.Join(segs[s.from-1:s.to], "/")
		}
	}
	if len(segs) > regionLevels {
		out[regionDeep] = true
	}
	return out
}

// regionSpanUpdate is what a write of props sets besides them: the span
// properties of its region when it sets or removes the region, none when
// it leaves the region alone.
func regionSpanUpdate(props map[string]any) map[string]any {
	region, ok := props["region"]
	if !ok {
		return map[string]any{}
	}
	return RegionSpanProps(region)
}

// regionCandidates are the span properties a filter of k segments can
// equal.
func regionCandidates(k int) []string {
	var out []string
	for _, s := range regionSpans {
		if s.to-s.from+1 == k {
			out = append(out, s.prop)
		}
	}
	return out
}

// lookupBranch is one index lookup of a list's nodes (of a region filter,
// or an equality, equalityBranch): a MATCH of n with a WHERE open for more
// predicates, and the expression that leads its order (the span or
// property, equal on every node it finds: sorting on it first is what lets the
// planner read the composite index in order rather than sort what it
// found), empty for the deep paths.
type lookupBranch struct{ match, lead string }

// regionBranches are the lookups of the nodes of kind whose region holds
// the filter value in the parameter param (of k segments) whole: one
// equality per candidate span, through its composite index (hinted as a
// seek: left free, the planner scanned the name index in order, or the
// whole composite index, as its statistics of the moment suggested), and the deep paths through
// regionDeep, checked with the path's own text (regionParams).
func regionBranches(kind model.NodeKind, param string, k int) []lookupBranch {
	l := label(kind)
	var out []lookupBranch
	for _, prop := range regionCandidates(k) {
		out = append(out, lookupBranch{fmt.Sprintf("MATCH (n:%[1]s) USING INDEX SEEK n:%[1]s(%[2]s, name, id) WHERE n.%[2]s = %[3]s AND n.name IS NOT NULL AND n.id IS NOT NULL", l, prop, param), "n." + prop})
	}
	return append(out, lookupBranch{match: fmt.Sprintf("MATCH (n:%[1]s) USING INDEX n:%[1]s(%[2]s) WHERE n.%[2]s = true AND "+
		"(n.region = %[3]s OR n.region STARTS WITH %[3]sPrefix OR n.region ENDS WITH %[3]sSuffix OR n.region CONTAINS %[3]sInner)", l, regionDeep, param)})
}

// regionIndexStatements create, for every label, the composite index of
// each span and the index on regionDeep.
func regionIndexStatements() []string {
	var out []string
	for _, l := range slices.Sorted(maps.Values(labels)) {
		low := strings.ToLower(l)
		for _, s := range regionSpans {
			out = append(out, fmt.Sprintf("CREATE INDEX %s_%s IF NOT EXISTS FOR (n:%s) ON (n.%s, n.name, n.id)", low, strings.ToLower(s.prop), l, s.prop))
		}
		out = append(out, fmt.Sprintf("CREATE INDEX %s_region_deep IF NOT EXISTS FOR (n:%s) ON (n.%s)", low, l, regionDeep))
	}
	return out
}

// backfillBatch is how many nodes a step of backfillRegionSpans reads.
const backfillBatch = 10000

// backfillRegionSpans gives the nodes written before region spans existed
// (a region but no region1) their span properties: one pass over every
// node in id order (the node_id index), a batch per transaction, writing
// only the nodes that lack them, so that a start over a graph that has them
// all reads it once and writes nothing. Idempotent; a write racing it
// derives the same values.
func backfillRegionSpans(ctx context.Context, db *DB) error {
	after := ""
	for {
		next, err := write(ctx, db, "backfillRegionSpans", func(tx *writeTx) (string, error) {
			records, _, err := tx.run(`
				MATCH (n:Node) WHERE n.id > $after
				WITH n ORDER BY n.id LIMIT $batch
				WITH n, n.region IS NOT NULL AND n.`+regionSpans[0].prop+` IS NULL AS missing
				RETURN n.id AS id, CASE WHEN missing THEN n.region END AS region`,
				map[string]any{"after": after, "batch": backfillBatch})
			if err != nil || len(records) == 0 {
				return "", err
			}
			var rows []map[string]any
			for _, rec := range records {
				if region, _ := rec.Get("region"); region != nil {
					id, _ := rec.Get("id")
					rows = append(rows, map[string]any{"id": id, "spans": RegionSpanProps(region)})
				}
			}
			if len(rows) > 0 {
				if _, _, err := tx.run(`UNWIND $rows AS row MATCH (n:Node {id: row.id}) SET n += row.spans`,
					map[string]any{"rows": rows}); err != nil {
					return "", err
				}
			}
			last, _ := records[len(records)-1].Get("id")
			return last.(string), nil
		})
		if err != nil || next == "" {
			return err
		}
		after = next
	}
}

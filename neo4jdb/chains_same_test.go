package neo4jdb_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
)

// allChains is how many chains the reference is asked for to list every
// chain up to a length: far more than the 21 Chains ever asks for.
const allChains = 500

// errDiffer says that two statements answered different chains.
var errDiffer = errors.New("not the same chains")

// chainRun runs a statement with its parameters and answers its records,
// and its db hits when it was profiled.
type chainRun func(cypher string, params map[string]any) ([]*neo4j.Record, int64, error)

// chainsOf answers the chains of a chains statement's record, each as its
// node ids in reading order joined by commas, in the statement's order.
func chainsOf(records []*neo4j.Record) ([]string, error) {
	v, _ := records[0].Get("paths")
	var out []string
	for _, p := range v.([]any) {
		path, ok := p.(neo4j.Path)
		if !ok {
			return nil, fmt.Errorf("paths holds a %T", p)
		}
		ids := make([]string, len(path.Nodes))
		for i, n := range path.Nodes {
			ids[i], _ = n.Props["id"].(string)
		}
		out = append(out, strings.Join(ids, ","))
	}
	return out, nil
}

// hops is the length of a chain as chainsOf writes it.
func hops(chain string) int { return strings.Count(chain, ",") }

// compareChains runs Chains' statement as it was (the reference) and as it
// is for q, and says whether they answer the same chains: the same list;
// or, when the reference was cut (q.First + 1 chains) inside a group of
// chains of one length, where Neo4j's choice among them is not specified,
// the same lengths, the same chains up to the longest length, and at that
// length chains that the reference finds too when it lists them all. It
// answers the db hits of both statements when profile is set.
func compareChains(run chainRun, q model.ChainQuery, profile bool) (refHits, nowHits int64, err error) {
	ref, now, params := neo4jdb.ChainsStatements(q)
	var answers [2][]string
	var hits [2]int64
	for i, cypher := range []string{ref, now} {
		if profile {
			cypher = "PROFILE " + cypher
		}
		records, n, err := run(cypher, params)
		if err != nil {
			return 0, 0, err
		}
		hits[i] = n
		if answers[i], err = chainsOf(records); err != nil {
			return 0, 0, err
		}
	}
	refHits, nowHits = hits[0], hits[1]
	if slices.Equal(answers[0], answers[1]) {
		return refHits, nowHits, nil
	}
	want, got := answers[0], answers[1]
	if len(want) <= q.First || len(got) != len(want) {
		return refHits, nowHits, fmt.Errorf("%w: chains %v, want %v", errDiffer, got, want)
	}
	longest := hops(want[len(want)-1])
	q.First = allChains
	all, _, params := neo4jdb.ChainsStatements(q)
	records, _, err := run(all, params)
	if err != nil {
		return 0, 0, err
	}
	every, err := chainsOf(records)
	if err != nil {
		return 0, 0, err
	}
	if len(every) > allChains && hops(every[len(every)-1]) <= longest {
		return refHits, nowHits, fmt.Errorf("%w: chains %v, want %v: more than %d chains of up to %d hops, cannot tell", errDiffer, got, want, allChains, longest)
	}
	for i := range want {
		if hops(got[i]) != hops(want[i]) || (hops(want[i]) < longest && got[i] != want[i]) || !slices.Contains(every, got[i]) {
			return refHits, nowHits, fmt.Errorf("%w: chain %d of %v, want %v (cut among chains of %d hops)", errDiffer, i, got, want, longest)
		}
	}
	return refHits, nowHits, nil
}

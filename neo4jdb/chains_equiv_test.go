package neo4jdb_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
	"github.com/innograph/innograph/synthetic"
)

// chainScopes are the scopes the equivalence test draws from: the default
// cap, a tight cap, no cap, kinds with a window, and facts only with a
// closed window.
var chainScopes = []model.PathScope{
	{MaxDegree: 500},
	{MaxDegree: 15},
	{},
	{Kinds: []model.RelationKind{model.RelationKindMembership, model.RelationKindCollaboration, model.RelationKindDevelopment, model.RelationKindAffiliation},
		Window: model.Window{Since: ptr(2010)}, MaxDegree: 60},
	{FactsOnly: true, Window: model.Window{Since: ptr(2000), Until: ptr(2020)}, MaxDegree: 40},
}

func ptr[T any](v T) *T { return &v }

// TestChainsSameAsTheSearchAlone: Chains' statement, narrowed to the balls
// around its ends and reading no years without a window, answers the same
// chains as the search alone with every relationship's window tested (as
// compareChains defines it), for pairs near and far on a synthetic graph
// where a third of the nodes and relationships are illustrative, under
// every scope, hop bound and count drawn.
func TestChainsSameAsTheSearchAlone(t *testing.T) {
	db, _ := neo4jtest.Open(t)
	cfg := synthetic.DefaultConfig(3000, 7)
	neo4jtest.LoadSynthetic(t, db, cfg)
	for _, w := range []string{
		`MATCH (n:Node) WHERE toInteger(right(n.id, 1)) % 3 <> 0 SET n.synthetic = false`,
		`MATCH ()-[r]->() WHERE coalesce(r.year, r.since, 0) % 3 <> 0 SET r.synthetic = false`,
	} {
		if err := db.Write(ctx, w); err != nil {
			t.Fatal(err)
		}
	}
	run := func(cypher string, params map[string]any) ([]*neo4j.Record, int64, error) {
		records, err := db.ReadRecords(ctx, cypher, params)
		return records, 0, err
	}
	rng := rand.New(rand.NewPCG(15, 4))
	var found, cut int
	const cases = 160
	for i := range cases {
		from := organisation(cfg, rng)
		to := organisation(cfg, rng)
		if i%2 == 0 { // a pair a few hops apart
			to = walk(t, db, rng, from, 2+rng.IntN(3))
		}
		q := model.ChainQuery{From: from, To: to, MaxHops: 1 + rng.IntN(5), First: []int{1, 5}[rng.IntN(2)], PathScope: chainScopes[rng.IntN(len(chainScopes))]}
		if i%10 == 0 { // at 4 hops from the largest university (707 relationships): too big for a ball of radius 2
			q.From, q.To, q.MaxHops = synthetic.ID("uni", 0), walk(t, db, rng, synthetic.ID("uni", 0), 2+rng.IntN(3)), 4
		}
		if _, _, err := compareChains(run, q, false); err != nil {
			t.Errorf("%s: %v", describe(q), err)
		}
		ans, err := db.Chains(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", describe(q), err)
		}
		if len(ans.Chains) > 0 && from != to {
			found++
		}
		if ans.Truncated {
			cut++
		}
	}
	// The test means something only if enough pairs have chains, and some
	// have more than asked for.
	if found < cases/4 || cut < cases/10 {
		t.Fatalf("%d of %d cases found chains, %d were cut: too few to compare", found, cases, cut)
	}
}

// organisation draws an enterprise or a university of the synthetic graph,
// as the bench draws the ends of chains.
func organisation(cfg synthetic.Config, rng *rand.Rand) string {
	if rng.IntN(4) == 0 {
		return synthetic.ID("uni", rng.IntN(cfg.Universities))
	}
	return synthetic.ID("ent", rng.IntN(cfg.Enterprises))
}

// walk answers the node n random steps from id (or where it got stuck).
func walk(t *testing.T, db *neo4jdb.DB, rng *rand.Rand, id string, n int) string {
	t.Helper()
	for range n {
		records, err := db.ReadRecords(ctx, `MATCH (:Node {id: $id})--(m) RETURN m.id AS id ORDER BY id`, map[string]any{"id": id})
		if err != nil {
			t.Fatal(err)
		}
		if len(records) == 0 {
			break
		}
		id = records[rng.IntN(len(records))].Values[0].(string)
	}
	return id
}

// describe names a chain query in a failure.
func describe(q model.ChainQuery) string {
	return fmt.Sprintf("%s→%s maxHops %d first %d kinds %v window %v–%v cap %d facts %v", q.From, q.To, q.MaxHops, q.First, q.Kinds,
		deref(q.Since), deref(q.Until), q.MaxDegree, q.FactsOnly)
}

func deref(p *int) any {
	if p == nil {
		return "open"
	}
	return *p
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/innograph/innograph/synthetic"
)

// A system answers a workload's request: our server, the peer or the raw
// endpoint. Each gets the same variables.
type system struct {
	name   string
	client *graphqlClient
	// query is the request text for a workload ("" where the system has no
	// equivalent); the raw endpoint takes the workload from its URL.
	query map[string]string
	url   func(workload string) string
}

func (s system) send(ctx context.Context, workload string, vars map[string]any, out any) error {
	return s.client.post(ctx, s.url(workload), s.query[workload], vars, out)
}

// comparison is one workload of the three-way benchmark.
type comparison struct {
	key, name string
	vars      func(i int) map[string]any
	// canonical reduces a system's answer to what must be equal across systems.
	canonical func(system string, data json.RawMessage) (string, error)
}

// Our GraphQL and the peer's, per workload. The peer's API differs in
// shape (where/sort/limit, *Connection fields with edge properties), so
// its text is the closest equivalent; chains come from an @cypher field
// running the same Cypher as ours.
var (
	oursQueries = map[string]string{
		"W1": `query($id: ID!) { node(id: $id) { ... on Enterprise { id name
			alliances { edges { node { role alliance { id name } } } } parks { edges { node { park { id name } } } }
			acquiredResults { edges { node { mode year result { id name developers { edges { node { developer { id name } } } } } } } } } } }`,
		"W2a": `query($region: String!) { enterprises(filter: {region: $region}, orderBy: {field: NAME}, first: 20) {
			totalCount edges { node { id name } } } }`,
		"W2b": `query($region: String!) { enterprises(filter: {region: $region}, orderBy: {field: NAME}, first: 20) {
			edges { node { id name } } } }`,
		"W3": `query($query: String!) { search(query: $query, first: 10) { edges { node { score node { id name } } } } }`,
		"W4": `query($from: ID!, $to: ID!) { chain(from: $from, to: $to, maxHops: 4) { chains { start { id } steps { node { id } } } } }`,
		"W5": `query($id: ID!) { network(id: $id, depth: 2, maxNodes: 200) { nodes { node { id } } } }`,
	}
	peerQueries = map[string]string{
		"W1": `query($id: ID!) { enterprises(where: {id: {eq: $id}}) { id name
			alliancesConnection { edges { properties { role } node { id name } } }
			parks { id name }
			acquiredResultsConnection { edges { properties { mode year } node { id name
				developers { ... on Enterprise { id name } ... on University { id name } } } } } } }`,
		"W2a": `query($region: String!) { enterprisesConnection(where: {region: {startsWith: $region}}, sort: [{name: ASC}], first: 20) {
			totalCount edges { node { id name } } } }`,
		"W2b": `query($region: String!) { enterprises(where: {region: {startsWith: $region}}, sort: [{name: ASC}], limit: 20) { id name } }`,
		"W3":  `query($query: String!) { search(query: $query, first: 10) { id name score } }`,
		"W4":  `query($from: ID!, $to: ID!) { chainIds(from: $from, to: $to) }`,
		"W5":  `query($id: ID!) { networkIds(id: $id) }`,
	}
)

// comparisons builds the workloads over parameters drawn from the synthetic
// graph of cfg with rng, so that a run is repeatable.
func comparisons(cfg synthetic.Config, rng *rand.Rand, n int, pairs [][2]string) []comparison {
	ids := organisations(cfg, rng, n)
	enterprises := make([]string, n)
	for i := range enterprises {
		enterprises[i] = synthetic.ID("ent", rng.IntN(cfg.Enterprises))
	}
	regions := synthetic.Cities()
	words := synthetic.Words()
	return []comparison{
		{"W1", "W1 enterprise + alliances, parks, acquired results, developers",
			func(i int) map[string]any { return map[string]any{"id": enterprises[i%n]} }, canonicalW1},
		{"W2a", "W2a page of 20 enterprises, connection",
			func(i int) map[string]any { return map[string]any{"region": regions[i%len(regions)]} }, canonicalPage},
		{"W2b", "W2b page of 20 enterprises, list",
			func(i int) map[string]any { return map[string]any{"region": regions[i%len(regions)]} }, canonicalPage},
		{"W3", "W3 full-text search, top 10",
			func(i int) map[string]any { return map[string]any{"query": words[i%len(words)]} }, canonicalSearch},
		{"W4", "W4 chain within 4 hops",
			func(i int) map[string]any { p := pairs[i%len(pairs)]; return map[string]any{"from": p[0], "to": p[1]} }, canonicalChain},
		{"W5", "W5 network depth 2, 200 nodes",
			func(i int) map[string]any { return map[string]any{"id": ids[i%n]} }, canonicalNetwork},
	}
}

// canonicalW1: the enterprise and the sorted ids of what hangs from it.
func canonicalW1(sys string, data json.RawMessage) (string, error) {
	type named struct{ ID string }
	var parts []string
	if sys == "peer" {
		var out struct {
			Enterprises []struct {
				ID                  string
				AlliancesConnection struct {
					Edges []struct {
						Properties struct{ Role string }
						Node       named
					}
				}
				Parks                     []named
				AcquiredResultsConnection struct {
					Edges []struct {
						Properties struct{ Mode string }
						Node       struct {
							ID         string
							Developers []named
						}
					}
				}
			}
		}
		if err := json.Unmarshal(data, &out); err != nil || len(out.Enterprises) != 1 {
			return "", fmt.Errorf("peer W1: %v %s", err, data)
		}
		e := out.Enterprises[0]
		parts = append(parts, e.ID)
		for _, a := range e.AlliancesConnection.Edges {
			parts = append(parts, "a:"+a.Node.ID+":"+a.Properties.Role)
		}
		for _, p := range e.Parks {
			parts = append(parts, "p:"+p.ID)
		}
		for _, r := range e.AcquiredResultsConnection.Edges {
			parts = append(parts, "r:"+r.Node.ID+":"+r.Properties.Mode)
			for _, d := range r.Node.Developers {
				parts = append(parts, "d:"+r.Node.ID+":"+d.ID)
			}
		}
	} else {
		var out struct {
			Node struct {
				ID        string
				Alliances struct {
					Edges []struct {
						Node struct {
							Role     string
							Alliance named
						}
					}
				}
				Parks struct {
					Edges []struct{ Node struct{ Park named } }
				}
				AcquiredResults struct {
					Edges []struct {
						Node struct {
							Mode   string
							Result struct {
								ID         string
								Developers struct {
									Edges []struct{ Node struct{ Developer named } }
								}
							}
						}
					}
				}
			}
		}
		if err := json.Unmarshal(data, &out); err != nil {
			return "", err
		}
		e := out.Node
		parts = append(parts, e.ID)
		for _, a := range e.Alliances.Edges {
			parts = append(parts, "a:"+a.Node.Alliance.ID+":"+a.Node.Role)
		}
		for _, p := range e.Parks.Edges {
			parts = append(parts, "p:"+p.Node.Park.ID)
		}
		for _, r := range e.AcquiredResults.Edges {
			parts = append(parts, "r:"+r.Node.Result.ID+":"+r.Node.Mode)
			for _, d := range r.Node.Result.Developers.Edges {
				parts = append(parts, "d:"+r.Node.Result.ID+":"+d.Node.Developer.ID)
			}
		}
	}
	slices.Sort(parts[1:])
	return strings.Join(parts, " "), nil
}

// canonicalPage: the names of the page in order (ties in name may list
// different ids in either order) and the total when asked for.
func canonicalPage(sys string, data json.RawMessage) (string, error) {
	var out struct {
		Enterprises           json.RawMessage
		EnterprisesConnection json.RawMessage
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return "", err
	}
	page := out.Enterprises
	if sys == "peer" && out.EnterprisesConnection != nil {
		page = out.EnterprisesConnection
	}
	var names []string
	var conn struct {
		TotalCount *int
		Edges      []struct{ Node struct{ Name string } }
	}
	var list []struct{ Name string }
	if err := json.Unmarshal(page, &conn); err == nil {
		for _, e := range conn.Edges {
			names = append(names, e.Node.Name)
		}
	} else if err := json.Unmarshal(page, &list); err == nil {
		for _, e := range list {
			names = append(names, e.Name)
		}
	} else {
		return "", err
	}
	total := ""
	if conn.TotalCount != nil {
		total = fmt.Sprintf("total %d: ", *conn.TotalCount)
	}
	return total + strings.Join(names, ","), nil
}

// canonicalSearch: the ids of the hits, sorted (equal scores may come in
// either order).
// canonicalSearch: the sorted ids of the hits. All three systems keep the
// best 10 by score descending, ties by id, so the sets are equal even where
// scores tie at the tenth hit.
func canonicalSearch(sys string, data json.RawMessage) (string, error) {
	var ids []string
	if sys == "peer" {
		var out struct{ Search []struct{ ID string } }
		if err := json.Unmarshal(data, &out); err != nil {
			return "", err
		}
		for _, h := range out.Search {
			ids = append(ids, h.ID)
		}
		slices.Sort(ids)
		return strings.Join(ids, ","), nil
	}
	var out struct {
		Search struct {
			Edges []struct {
				Node struct{ Node struct{ ID string } }
			}
		}
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return "", err
	}
	for _, e := range out.Search.Edges {
		ids = append(ids, e.Node.Node.ID)
	}
	slices.Sort(ids)
	return strings.Join(ids, ","), nil
}

// canonicalChain: each chain as its node ids, in order.
func canonicalChain(sys string, data json.RawMessage) (string, error) {
	if sys == "peer" {
		var out struct{ ChainIds [][]string }
		if err := json.Unmarshal(data, &out); err != nil {
			return "", err
		}
		var chains []string
		for _, c := range out.ChainIds {
			chains = append(chains, strings.Join(c, "-"))
		}
		return strings.Join(chains, " "), nil
	}
	var out chainAnswer
	if err := json.Unmarshal(data, &out); err != nil {
		return "", err
	}
	return strings.Join(out.ids(), " "), nil
}

// canonicalNetwork: the node ids, nearest first.
func canonicalNetwork(sys string, data json.RawMessage) (string, error) {
	if sys == "peer" {
		var out struct{ NetworkIds []string }
		if err := json.Unmarshal(data, &out); err != nil {
			return "", err
		}
		return strings.Join(out.NetworkIds, ","), nil
	}
	var out networkAnswer
	if err := json.Unmarshal(data, &out); err != nil {
		return "", err
	}
	var ids []string
	for _, n := range out.Network.Nodes {
		ids = append(ids, n.Node.ID)
	}
	return strings.Join(ids, ","), nil
}

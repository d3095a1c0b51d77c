package main

import (
	"context"
	"encoding/json"
	"net"
	"net/http"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/neo4jdb"
)

// rawCypher is the floor no GraphQL layer can beat: for each workload one
// hand-written statement through the driver, its rows encoded straight to
// JSON in the shape of InnoGraph's GraphQL answer. Chains and networks run
// the very statements InnoGraph runs (there is no cheaper Cypher for them).
var rawCypher = map[string]string{
	"W1": `
		MATCH (e:Node {id: $id}) WHERE e:Enterprise
		RETURN {id: e.id, name: e.name,
			alliances: {edges: COLLECT { MATCH (e)-[m:MEMBER_OF]->(a) RETURN {node: {role: m.role, alliance: {id: a.id, name: a.name}}} ORDER BY a.name, a.id LIMIT 20 }},
			parks: {edges: COLLECT { MATCH (e)-[:LOCATED_IN]->(p) RETURN {node: {park: {id: p.id, name: p.name}}} ORDER BY p.name, p.id LIMIT 20 }},
			acquiredResults: {edges: COLLECT { MATCH (r)-[t:TRANSFERRED_TO]->(e)
				RETURN {node: {mode: t.mode, year: t.year, result: {id: r.id, name: r.name,
					developers: {edges: COLLECT { MATCH (d)-[dv:DEVELOPED]->(r) RETURN {node: {developer: {id: d.id, name: d.name}}}
						ORDER BY CASE dv.role WHEN 'LEAD' THEN 0 ELSE 1 END, d.name, d.id LIMIT 20 }}}}}
				ORDER BY r.name, r.id, t.mode LIMIT 20 }}} AS node`,
	"W2a": `
		MATCH (n:Enterprise) WHERE n.region STARTS WITH $region
		WITH collect(n) AS matches
		CALL (matches) {
			UNWIND matches AS n
			WITH n WHERE n.name IS NOT NULL
			WITH n ORDER BY n.name, n.id LIMIT 20
			RETURN collect({node: {id: n.id, name: n.name}}) AS edges
		}
		RETURN {totalCount: size(matches), edges: edges} AS enterprises`,
	"W2b": `
		MATCH (n:Enterprise) WHERE n.region STARTS WITH $region AND n.name IS NOT NULL
		WITH n ORDER BY n.name, n.id LIMIT 20
		RETURN {edges: collect({node: {id: n.id, name: n.name}})} AS enterprises`,
	"W3": `
		CALL db.index.fulltext.queryNodes('node_search', $query) YIELD node, score
		WITH node, score ORDER BY score DESC, node.id LIMIT 10
		RETURN {edges: collect({node: {score: score, node: {id: node.id, name: node.name}}})} AS search`,
}

// rawServer serves the raw workloads on 127.0.0.1: POST /W1 with the same
// variables as the GraphQL request, answering {"data": …}.
type rawServer struct {
	driver neo4j.DriverWithContext
	db     *neo4jdb.DB
}

func startRaw(ctx context.Context, uri, password string, pool int, db *neo4jdb.DB) (string, func(), error) {
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(neo4jdb.DefaultConfig().User, password, ""),
		func(c *neo4j.Config) { c.MaxConnectionPoolSize = pool })
	if err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	s := &rawServer{driver: driver, db: db}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /{workload}", s.serve)
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	stop := func() {
		_ = srv.Close()
		_ = driver.Close(ctx)
	}
	return "http://" + ln.Addr().String(), stop, nil
}

func (s *rawServer) serve(w http.ResponseWriter, r *http.Request) {
	var req struct{ Variables map[string]any }
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	data, err := s.answer(r.Context(), r.PathValue("workload"), req.Variables)
	if err != nil {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]string{{"message": err.Error()}}})
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"data": data})
}

func (s *rawServer) answer(ctx context.Context, workload string, vars map[string]any) (map[string]any, error) {
	switch workload {
	case "W4":
		from, _ := vars["from"].(string)
		to, _ := vars["to"].(string)
		ans, err := s.db.Chains(ctx, model.ChainQuery{From: from, To: to, MaxHops: 4, First: 5, PathScope: model.PathScope{MaxDegree: 500}})
		if err != nil {
			return nil, err
		}
		chains := make([]any, len(ans.Chains))
		for i, c := range ans.Chains {
			steps := make([]any, len(c.Steps))
			for j, st := range c.Steps {
				steps[j] = map[string]any{"kind": st.Kind, "direction": st.Direction, "node": map[string]any{"id": st.Node.NodeID()}}
			}
			chains[i] = map[string]any{"start": map[string]any{"id": c.Start.NodeID()}, "steps": steps}
		}
		return map[string]any{"chain": map[string]any{"chains": chains, "exhausted": ans.Exhausted}}, nil
	case "W5":
		id, _ := vars["id"].(string)
		net, err := s.db.Network(ctx, model.NetworkQuery{ID: id, Depth: 2, MaxNodes: 200, PathScope: model.PathScope{MaxDegree: 500}})
		if err != nil {
			return nil, err
		}
		nodes := make([]any, len(net.Nodes))
		for i, n := range net.Nodes {
			nodes[i] = map[string]any{"distance": n.Distance, "node": map[string]any{"id": n.Node.NodeID()}}
		}
		return map[string]any{"network": map[string]any{"nodes": nodes, "truncated": net.Truncated}}, nil
	}
	res, err := neo4j.ExecuteQuery(ctx, s.driver, rawCypher[workload], vars, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, err
	}
	out := map[string]any{}
	for _, rec := range res.Records {
		for i, k := range rec.Keys {
			out[k] = rec.Values[i]
		}
	}
	return out, nil
}

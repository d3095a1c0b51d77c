package graph_test

import (
	"encoding/json"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/importer"
)

// TestActorMutations: the new types are created, updated and deleted, and
// their relationships added, updated and removed, through the API; a write
// the rules refuse is BAD_USER_INPUT on the field and changes nothing.
func TestActorMutations(t *testing.T) {
	a := apitest.New(t)
	w := apitest.WriteToken
	var out map[string]json.RawMessage
	a.OK(w, `mutation {
		p: createPerson(input: {id: "p1", name: "  李研究员 ", roles: [RESEARCHER, RESEARCHER, EXPERT], title: "研究员"}) { id name roles }
		i: createIntermediary(input: {id: "i1", name: "生产力促进中心", kind: PRODUCTIVITY_CENTER}) { id kind level }
		j: createProject(input: {id: "j1", name: "项目", funding: 12.5, year: 2020}) { id funding status }
		d: createDemand(input: {id: "d1", name: "需求"}) { id status }
		e: createEnterprise(input: {id: "e1", name: "企业"}) { id }
		r: createResult(input: {id: "r1", name: "成果", kind: PATENT}) { id }
		af: addAffiliation(input: {personId: "p1", organisationId: "i1", role: "主任"}) { role person { id } organisation { id } }
		sv: addService(input: {providerId: "i1", clientId: "e1", kind: TECHNICAL_SERVICE}) { kind }
		pa: addParticipation(input: {participantId: "p1", projectId: "j1"}) { role }
		ou: addOutput(input: {projectId: "j1", resultId: "r1", year: 2021}) { year }
		po: addPosting(input: {posterId: "e1", demandId: "d1"}) { demand { id } }
		ma: addMatch(input: {demandId: "d1", targetId: "p1", stage: PROPOSED, brokerId: "i1"}) { stage broker { id } }
		br: addBrokerage(input: {brokerId: "p1", resultId: "r1", enterpriseId: "e1", mode: LICENCE}) { mode enterpriseId enterprise { id } }
	}`, nil, &out)
	for field, want := range map[string]string{
		"p":  `{"id":"p1","name":"李研究员","roles":["RESEARCHER","EXPERT"]}`,
		"i":  `{"id":"i1","kind":"PRODUCTIVITY_CENTER","level":null}`,
		"j":  `{"id":"j1","funding":12.5,"status":null}`,
		"d":  `{"id":"d1","status":"OPEN"}`,
		"af": `{"role":"主任","person":{"id":"p1"},"organisation":{"id":"i1"}}`,
		"pa": `{"role":"LEAD"}`,
		"ma": `{"stage":"PROPOSED","broker":{"id":"i1"}}`,
		"br": `{"mode":"LICENCE","enterpriseId":"e1","enterprise":{"id":"e1"}}`,
	} {
		if !apitest.JSONEqual(t, out[field], want) {
			t.Errorf("%s: got %s, want %s", field, out[field], want)
		}
	}

	a.OK(w, `mutation {
		p: updatePerson(id: "p1", input: {roles: [ACADEMICIAN], title: null}) { roles title }
		d: updateDemand(id: "d1", input: {status: MATCHED, budget: 80}) { status budget }
		sv: updateService(providerId: "i1", clientId: "e1", kind: TECHNICAL_SERVICE, patch: {title: "检测"}) { title }
		ma: updateMatch(demandId: "d1", targetId: "p1", stage: PROPOSED, patch: {brokerId: null, event: "对接会"}) { event broker { id } }
		br: updateBrokerage(brokerId: "p1", resultId: "r1", enterpriseId: "e1", mode: LICENCE, patch: {year: 2022}) { year }
	}`, nil, &out)
	for field, want := range map[string]string{
		"p":  `{"roles":["ACADEMICIAN"],"title":null}`,
		"d":  `{"status":"MATCHED","budget":80}`,
		"sv": `{"title":"检测"}`,
		"ma": `{"event":"对接会","broker":null}`,
		"br": `{"year":2022}`,
	} {
		if !apitest.JSONEqual(t, out[field], want) {
			t.Errorf("update %s: got %s, want %s", field, out[field], want)
		}
	}

	// Refused writes: each names its field and leaves the graph as it was.
	for _, tc := range []struct{ name, mutation, field string }{
		{"ProjectYear", `mutation { createProject(input: {id: "j2", name: "项目", year: 1800}) { id } }`, "year"},
		{"DemandBudget", `mutation { createDemand(input: {id: "d2", name: "需求", budget: -1}) { id } }`, "budget"},
		{"PersonName", `mutation { createPerson(input: {id: "p2", name: " "}) { id } }`, "name"},
		{"AffiliationFrom", `mutation { addAffiliation(input: {personId: "e1", organisationId: "i1"}) { role } }`, "personId"},
		{"ServiceTo", `mutation { addService(input: {providerId: "p1", clientId: "j1", kind: OTHER}) { kind } }`, "clientId"},
		{"MatchBrokerKind", `mutation { addMatch(input: {demandId: "d1", targetId: "r1", stage: AGREED, brokerId: "e1"}) { stage } }`, "brokerId"},
		{"MatchBrokerMissing", `mutation { addMatch(input: {demandId: "d1", targetId: "r1", stage: AGREED, brokerId: "nobody"}) { stage } }`, "brokerId"},
		{"MatchBrokerID", `mutation { addMatch(input: {demandId: "d1", targetId: "r1", stage: AGREED, brokerId: "bad id"}) { stage } }`, "brokerId"},
		{"TransferBroker", `mutation { addTransfer(input: {resultId: "r1", enterpriseId: "e1", mode: ASSIGNMENT, brokerId: "j1"}) { mode } }`, "brokerId"},
		{"BrokerageEnterprise", `mutation { addBrokerage(input: {brokerId: "i1", resultId: "r1", enterpriseId: "p1", mode: EQUITY}) { mode } }`, "enterpriseId"},
		{"UpdateMatchBroker", `mutation { updateMatch(demandId: "d1", targetId: "p1", stage: PROPOSED, patch: {brokerId: "r1"}) { stage } }`, "brokerId"},
		{"MatchStageIsKey", `mutation { updateMatch(demandId: "d1", targetId: "p1", stage: PROPOSED, patch: {year: 1850}) { stage } }`, "year"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := actorsSnapshot(a)
			a.Fails(w, tc.mutation, nil, "BAD_USER_INPUT", tc.field)
			if after := actorsSnapshot(a); after != before {
				t.Errorf("the refused write changed the graph:\n%s\n%s", before, after)
			}
		})
	}
	a.Fails(w, `mutation { removeMatch(demandId: "d1", targetId: "p1", stage: CONTRACTED) { stage } }`, nil, "NOT_FOUND", "")

	a.OK(w, `mutation {
		af: removeAffiliation(personId: "p1", organisationId: "i1") { role }
		ma: removeMatch(demandId: "d1", targetId: "p1", stage: PROPOSED) { stage }
		del: deleteNode(id: "j1") { deletedId kind detached { kind count } }
	}`, nil, &out)
	if !apitest.JSONEqual(t, out["del"], `{"deletedId":"j1","kind":"PROJECT","detached":[{"kind":"PARTICIPATION","count":1},{"kind":"OUTPUT","count":1}]}`) &&
		!apitest.JSONEqual(t, out["del"], `{"deletedId":"j1","kind":"PROJECT","detached":[{"kind":"OUTPUT","count":1},{"kind":"PARTICIPATION","count":1}]}`) {
		t.Errorf("deleteNode: %s", out["del"])
	}
	var left struct {
		P struct {
			Affiliations, MatchedDemands, Projects struct{ TotalCount int }
		}
	}
	a.OK("", `{ p: node(id: "p1") { id ... on Person { affiliations { totalCount } matchedDemands { totalCount } projects { totalCount } } } }`, nil, &left)
	if left.P.Affiliations.TotalCount+left.P.MatchedDemands.TotalCount+left.P.Projects.TotalCount != 0 {
		t.Errorf("after removes: %+v", left)
	}
}

// actorsSnapshot is every node's id and properties and every relationship
// of the test graph of TestActorMutations, as JSON, to compare before and
// after a write.
func actorsSnapshot(a *apitest.API) string {
	a.T.Helper()
	res := a.Do("", `{ nodes(ids: ["p1", "i1", "j1", "d1", "e1", "r1"]) { id name ... on Person { roles title
		affiliations { edges { node { role } } } matchedDemands { edges { node { stage year brokerId } } } brokered { edges { node { mode year } } } }
		... on Project { year participants { totalCount } } ... on Demand { budget matches { edges { node { stage brokerId } } } }
		... on Enterprise { servedBy { edges { node { kind title } } } acquiredResults { totalCount } } } }`, nil)
	if len(res.Errors) > 0 {
		a.T.Fatalf("snapshot: %+v", res.Errors)
	}
	return string(res.Data)
}

// brokeredGraph: result R, developed by university U, went to enterprise
// E by licence, brokered by the technology market M; person W works at M.
// Nothing else joins R to E.
const brokeredGraph = `
{"type":"University","id":"U","name":"内蒙古农业大学","kind":"UNIVERSITY"}
{"type":"Result","id":"R","name":"精量播种技术","kind":"TECHNOLOGY"}
{"type":"Enterprise","id":"E","name":"蒙龙机械"}
{"type":"Intermediary","id":"M","name":"内蒙古科技大市场","kind":"TECHNOLOGY_MARKET"}
{"type":"Person","id":"W","name":"王经纪","roles":["EXPERT"]}
{"type":"DEVELOPMENT","from":"U","to":"R"}
{"type":"AFFILIATION","from":"W","to":"M"}
{"type":"TRANSFER","from":"R","to":"E","mode":"LICENCE","year":2021,"brokerId":"M","source":"合同登记"}
`

// chainPaths renders chains from R as "R KIND node KIND node…".
func chainPaths(c chainAnswer) []string {
	var out []string
	for _, ch := range c.Chain.Chains {
		p := "R"
		for _, s := range ch.Steps {
			p += " " + s.Kind + " " + s.Node.ID
		}
		out = append(out, p)
	}
	return out
}

// TestBrokeredTransfer: a transfer that names its broker can be walked
// through the broker — result ← BROKERAGE — broker — SERVICE → adopter —
// and the trail and the adopter's sources name the broker; changing or
// removing the transfer keeps the brokerage in step.
func TestBrokeredTransfer(t *testing.T) {
	a := apitest.New(t)
	a.LoadGraph(brokeredGraph)
	const q = `query($kinds: [RelationKind!]) { chain(from: "R", to: "E", relationships: $kinds, maxHops: 3) { chains { steps { kind node { id } } } } }`
	var c chainAnswer
	a.OK("", q, nil, &c)
	if got, want := chainPaths(c), []string{"R TRANSFER E", "R BROKERAGE M SERVICE E"}; !slices.Equal(got, want) {
		t.Errorf("chains from R to E: %v, want %v", got, want)
	}
	a.OK("", q, map[string]any{"kinds": []string{"BROKERAGE", "SERVICE"}}, &c)
	if got, want := chainPaths(c), []string{"R BROKERAGE M SERVICE E"}; !slices.Equal(got, want) {
		t.Errorf("chains without the transfer: %v, want %v", got, want)
	}

	var trail struct {
		ResultTrail struct {
			Transfers []struct {
				Transfer struct {
					BrokerID string
					Broker   struct {
						Typename string `json:"__typename"`
						ID, Name string
					}
				}
			}
		}
		TechnologySources struct {
			Sources []struct {
				Transfer struct{ Broker struct{ ID string } }
			}
			Services []struct {
				Kind     string
				Provider struct{ ID string }
			}
		}
	}
	a.OK("", `{ resultTrail(id: "R") { transfers { transfer { brokerId broker { __typename id name } } } }
		technologySources(enterpriseId: "E") { sources { transfer { broker { id } } } services { kind provider { id } } } }`, nil, &trail)
	if tr := trail.ResultTrail.Transfers; len(tr) != 1 || tr[0].Transfer.BrokerID != "M" || tr[0].Transfer.Broker.Typename != "Intermediary" ||
		tr[0].Transfer.Broker.Name != "内蒙古科技大市场" {
		t.Errorf("trail: %+v", trail.ResultTrail)
	}
	if s := trail.TechnologySources; len(s.Sources) != 1 || s.Sources[0].Transfer.Broker.ID != "M" ||
		len(s.Services) != 1 || s.Services[0].Kind != "BROKERAGE" || s.Services[0].Provider.ID != "M" {
		t.Errorf("sources: %+v", trail.TechnologySources)
	}

	// The broker and the brokerage's enterprise read their ids even when
	// the client selects only the nodes (the read-ahead projects what is
	// selected).
	var listed struct {
		Node struct {
			Transfers struct {
				Edges []struct {
					Node struct{ Broker struct{ ID string } }
				}
			}
			Brokers struct {
				Edges []struct {
					Node struct{ Enterprise struct{ ID string } }
				}
			}
		}
		Enterprises struct {
			Edges []struct {
				Node struct {
					AcquiredResults struct {
						Edges []struct {
							Node struct{ Broker struct{ ID string } }
						}
					}
				}
			}
		}
	}
	a.OK("", `{ node(id: "R") { id ... on Result { transfers { edges { node { broker { id } } } } brokers { edges { node { enterprise { id } } } } } }
		enterprises { edges { node { id acquiredResults { edges { node { broker { id } } } } } } } }`, nil, &listed)
	if tr, br, acq := listed.Node.Transfers.Edges, listed.Node.Brokers.Edges, listed.Enterprises.Edges; len(tr) != 1 || tr[0].Node.Broker.ID != "M" ||
		len(br) != 1 || br[0].Node.Enterprise.ID != "E" || len(acq) != 1 || len(acq[0].Node.AcquiredResults.Edges) != 1 ||
		acq[0].Node.AcquiredResults.Edges[0].Node.Broker.ID != "M" {
		t.Errorf("brokers read through the lists: %+v", listed)
	}

	var net struct {
		Network struct {
			Nodes []struct{ Node struct{ ID string } }
			Edges []struct{ Kind string }
		}
	}
	a.OK("", `{ network(id: "M", depth: 1) { nodes { node { id } } edges { kind } } }`, nil, &net)
	var around, kinds []string
	for _, n := range net.Network.Nodes {
		around = append(around, n.Node.ID)
	}
	for _, e := range net.Network.Edges {
		kinds = append(kinds, e.Kind)
	}
	slices.Sort(around)
	slices.Sort(kinds)
	if !slices.Equal(around, []string{"E", "M", "R", "W"}) || !slices.Equal(kinds, []string{"AFFILIATION", "BROKERAGE", "SERVICE", "TRANSFER"}) {
		t.Errorf("the broker's network: nodes %v, edges %v", around, kinds)
	}

	brokers := func() []string {
		var out struct {
			Node struct {
				Brokers struct {
					Edges []struct {
						Node struct {
							Broker       struct{ ID string }
							EnterpriseID string
							Mode         string
							Year         *int
						}
					}
				}
			}
		}
		a.OK("", `{ node(id: "R") { id ... on Result { brokers { edges { node { broker { id } enterpriseId mode year } } } } } }`, nil, &out)
		var ids []string
		for _, e := range out.Node.Brokers.Edges {
			ids = append(ids, e.Node.Broker.ID+"/"+e.Node.EnterpriseID+"/"+e.Node.Mode)
		}
		return ids
	}
	if got := brokers(); !slices.Equal(got, []string{"M/E/LICENCE"}) {
		t.Errorf("brokers after the load: %v", got)
	}
	// Loading the same file again changes nothing.
	a.LoadGraph(brokeredGraph)
	if got := brokers(); !slices.Equal(got, []string{"M/E/LICENCE"}) {
		t.Errorf("brokers after a reload: %v", got)
	}
	// A load that names another broker moves the brokerage; an update
	// that leaves the broker out leaves it; one that names it moves it.
	var imported importResult
	a.OK(apitest.WriteToken, importMutation, map[string]any{"in": map[string]any{"records": []map[string]any{
		{"type": "TRANSFER", "from": "R", "to": "E", "mode": "LICENCE", "year": 2021, "brokerId": "W", "source": "合同登记"},
	}}}, &imported)
	if got := brokers(); !slices.Equal(got, []string{"W/E/LICENCE"}) {
		t.Errorf("brokers after a load changed the broker to W: %v", got)
	}
	a.OK(apitest.WriteToken, `mutation { updateTransfer(resultId: "R", enterpriseId: "E", mode: LICENCE, patch: {value: 30}) { broker { id } } }`, nil, &map[string]any{})
	if got := brokers(); !slices.Equal(got, []string{"W/E/LICENCE"}) {
		t.Errorf("brokers after an update of the value: %v", got)
	}
	a.OK(apitest.WriteToken, `mutation { updateTransfer(resultId: "R", enterpriseId: "E", mode: LICENCE, patch: {brokerId: "M"}) { broker { id } } }`, nil, &map[string]any{})
	if got := brokers(); !slices.Equal(got, []string{"M/E/LICENCE"}) {
		t.Errorf("brokers after the broker changed back to M: %v", got)
	}
	a.OK(apitest.WriteToken, `mutation { removeTransfer(resultId: "R", enterpriseId: "E", mode: LICENCE) { mode } }`, nil, &map[string]any{})
	if got := brokers(); len(got) != 0 {
		t.Errorf("brokers after the transfer was removed: %v", got)
	}
	// The services stay: each broker did serve the enterprise.
	var served struct {
		Node struct {
			ServedBy struct {
				Edges []struct {
					Node struct{ Provider struct{ ID string } }
				}
			}
		}
	}
	a.OK("", `{ node(id: "E") { id ... on Enterprise { servedBy { edges { node { provider { id } } } } } } }`, nil, &served)
	if len(served.Node.ServedBy.Edges) != 2 {
		t.Errorf("services after the removal: %+v", served)
	}
	// Deleting the enterprise of a brokered transfer takes its brokerage.
	a.OK(apitest.WriteToken, `mutation { addTransfer(input: {resultId: "R", enterpriseId: "E", mode: EQUITY, brokerId: "M"}) { mode } }`, nil, &map[string]any{})
	if got := brokers(); !slices.Equal(got, []string{"M/E/EQUITY"}) {
		t.Errorf("brokers after an add: %v", got)
	}
	a.OK(apitest.WriteToken, `mutation { deleteNode(id: "E") { deletedId } }`, nil, &map[string]any{})
	if got := brokers(); len(got) != 0 {
		t.Errorf("brokers after the enterprise was deleted: %v", got)
	}
}

// TestImportActors: rows of every new type and kind load from JSON Lines
// and from CSV with the API's rules, and loading them again changes nothing.
func TestImportActors(t *testing.T) {
	a := apitest.New(t)
	files := fstest.MapFS{
		"1-graph.jsonl": {Data: []byte(actorsGraph + brokeredGraph)},
		"2-people.csv": {Data: []byte("type,id,name,roles,title,field,region,source\n" +
			"Person,per-csv,陈专家,EXPERT|RESEARCHER,研究员,草原生态,内蒙古自治区,experts.csv\n")},
		"3-projects.csv": {Data: []byte("type,id,name,programme,level,year,funding,status\n" +
			"Project,prj-csv,草原修复,国家自然科学基金,NATIONAL,2020,35.5,COMPLETED\n")},
		"4-demands.csv": {Data: []byte("type,id,name,field,description,year,budget,status\n" +
			"Demand,dem-csv,牧草加工,饲草,\"两行\n描述\",2022,10,OPEN\n")},
		"5-intermediaries.csv": {Data: []byte("type,id,name,kind,level\n" +
			"Intermediary,imd-csv,知识产权代理事务所,IP_SERVICE,COUNTY\n")},
		"6-relations.csv": {Data: []byte("type,from,to,kind,role,stage,mode,enterpriseId,brokerId,year,since\n" +
			"AFFILIATION,per-csv,imd-csv,,顾问,,,,,,2015\n" +
			"SERVICE,imd-csv,ent-seed,IP_TRUSTEESHIP,,,,,,,2019\n" +
			"PARTICIPATION,per-csv,prj-csv,,PARTICIPANT,,,,,,\n" +
			"OUTPUT,prj-csv,res-seed,,,,,,,2021,\n" +
			"POSTING,ent-water,dem-csv,,,,,,,2022,\n" +
			"MATCH,dem-csv,per-csv,,,CONTRACTED,,,imd-csv,2022,\n" +
			"BROKERAGE,imd-csv,res-seed,,,,ASSIGNMENT,ent-seed,,2020,\n" +
			"TRANSFER,res-seed,ent-seed,,,,JOINT,,per-csv,2021,\n")},
	}
	first, err := importer.Load(t.Context(), a.DB, files)
	if err != nil {
		t.Fatal(err)
	}
	// 12 + 5 + 4 nodes and 9 + 3 + 8 relationship rows; the brokerages and
	// services the transfers' brokers write are not rows of their own.
	if first.Nodes.Created != 21 || first.Relations.Created != 20 || first.Nodes.Rejected+first.Relations.Rejected != 0 {
		t.Errorf("first load: %+v", first)
	}
	again, err := importer.Load(t.Context(), a.DB, files)
	if err != nil {
		t.Fatal(err)
	}
	if again.Nodes.Unchanged != 21 || again.Relations.Unchanged != 20 || again.Nodes.Created+again.Relations.Created+again.Nodes.Updated+again.Relations.Updated != 0 {
		t.Errorf("second load: %+v", again)
	}
	var out map[string]json.RawMessage
	a.OK("", `{
		per: node(id: "per-csv") { id ... on Person { roles field affiliations { edges { node { role } } } matchedDemands { edges { node { stage brokerId } } } } }
		prj: node(id: "prj-csv") { id ... on Project { funding status level outputs { totalCount } } }
		dem: node(id: "dem-csv") { id ... on Demand { description budget postedBy { totalCount } } }
		res: node(id: "res-seed") { id ... on Result { brokers { edges { node { broker { id } enterpriseId mode } } } } }
	}`, nil, &out)
	for field, want := range map[string]string{
		"per": `{"id":"per-csv","roles":["EXPERT","RESEARCHER"],"field":"草原生态","affiliations":{"edges":[{"node":{"role":"顾问"}}]},"matchedDemands":{"edges":[{"node":{"stage":"CONTRACTED","brokerId":"imd-csv"}}]}}`,
		"prj": `{"id":"prj-csv","funding":35.5,"status":"COMPLETED","level":"NATIONAL","outputs":{"totalCount":1}}`,
		"dem": `{"id":"dem-csv","description":"两行\n描述","budget":10,"postedBy":{"totalCount":1}}`,
		"res": `{"id":"res-seed","brokers":{"edges":[{"node":{"broker":{"id":"imd-csv"},"enterpriseId":"ent-seed","mode":"ASSIGNMENT"}},{"node":{"broker":{"id":"per-csv"},"enterpriseId":"ent-seed","mode":"JOINT"}}]}}`,
	} {
		if !apitest.JSONEqual(t, out[field], want) {
			t.Errorf("%s: got %s, want %s", field, out[field], want)
		}
	}

	// The same rules as the API: a broker of the wrong type, a missing one.
	var r importResult
	a.OK(apitest.WriteToken, importMutation, map[string]any{"in": map[string]any{"records": []map[string]any{
		{"type": "MATCH", "from": "dem-csv", "to": "res-seed", "stage": "PROPOSED", "brokerId": "ent-seed"},
		{"type": "TRANSFER", "from": "res-seed", "to": "ent-water", "mode": "LICENCE", "brokerId": "nobody"},
		{"type": "Demand", "id": "dem-bad", "name": "坏", "status": "LOST"},
	}}}, &r)
	if r.ImportGraph.Written || r.ImportGraph.Relationships.Rejected != 2 || r.ImportGraph.Nodes.Rejected != 1 ||
		r.ImportGraph.Rows[0].Field != "brokerId" || r.ImportGraph.Rows[1].Field != "brokerId" || r.ImportGraph.Rows[2].Field != "status" {
		t.Errorf("refused rows: %+v", r)
	}
}

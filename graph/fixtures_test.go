package graph_test

import "github.com/innograph/innograph/apitest"

// The graphs that several test files build: chainGraph (chains, network,
// read-ahead, trails) and relGraph (queries, mutations).

// chainGraph is a small graph with known chains from A to U:
//
//	A -MEMBERSHIP(2015)-> L <-MEMBERSHIP(2016)- U             length 2
//	A -COLLABORATION(2010–2012)- B -COLLABORATION(2018)- U     length 2
//	A -COLLABORATION(2010–2012)- B <-TRANSFER(2021)- R2 <-DEVELOPMENT- U   length 3
//	A -DEVELOPMENT-> R <-DEVELOPMENT- C -COLLABORATION- V -COLLABORATION- U  length 4
//
// B sits in park P and alliance L2; D is alone.
const chainGraph = `
{"type":"Enterprise","id":"A","name":"甲"}
{"type":"Enterprise","id":"B","name":"乙"}
{"type":"Enterprise","id":"C","name":"丙"}
{"type":"Enterprise","id":"D","name":"丁"}
{"type":"University","id":"U","name":"大学","kind":"UNIVERSITY"}
{"type":"University","id":"V","name":"研究所","kind":"RESEARCH_INSTITUTE"}
{"type":"Alliance","id":"L","name":"联盟"}
{"type":"Alliance","id":"L2","name":"第二联盟"}
{"type":"Park","id":"P","name":"园区","kind":"HIGH_TECH_ZONE"}
{"type":"Result","id":"R","name":"成果","kind":"PATENT","field":"育种"}
{"type":"Result","id":"R2","name":"成果二","kind":"PLANT_VARIETY","field":"育种"}
{"type":"MEMBERSHIP","from":"A","to":"L","since":2015}
{"type":"MEMBERSHIP","from":"U","to":"L","since":2016}
{"type":"MEMBERSHIP","from":"B","to":"L2","role":"CHAIR"}
{"type":"LOCATION","from":"B","to":"P","since":2012}
{"type":"COLLABORATION","from":"A","to":"B","kind":"JOINT_LAB","since":2010,"until":2012}
{"type":"COLLABORATION","from":"B","to":"U","kind":"JOINT_PROJECT","since":2018}
{"type":"COLLABORATION","from":"C","to":"V","kind":"RD_CENTER","since":2020}
{"type":"COLLABORATION","from":"V","to":"U","kind":"TECHNICAL_SERVICE","since":2021}
{"type":"DEVELOPMENT","from":"A","to":"R","year":2019}
{"type":"DEVELOPMENT","from":"C","to":"R","role":"PARTICIPANT","year":2019}
{"type":"DEVELOPMENT","from":"U","to":"R2","year":2020}
{"type":"TRANSFER","from":"R2","to":"B","mode":"LICENCE","year":2021,"value":50}
`

// relGraph builds, through the API, a graph with every relationship kind.
func relGraph(a *apitest.API) {
	a.T.Helper()
	var out map[string]any
	a.OK(apitest.WriteToken, `mutation {
		e1: createEnterprise(input: {id: "e1", name: "甲企业", region: "内蒙古自治区/巴彦淖尔市", founded: 2005}) { id }
		e2: createEnterprise(input: {id: "e2", name: "乙企业"}) { id }
		u1: createUniversity(input: {id: "u1", name: "丙大学", kind: UNIVERSITY}) { id }
		a1: createAlliance(input: {id: "a1", name: "丁联盟", level: PROVINCIAL}) { id }
		p1: createPark(input: {id: "p1", name: "高新区", kind: HIGH_TECH_ZONE, level: NATIONAL}) { id }
		p2: createPark(input: {id: "p2", name: "孵化器", kind: INCUBATOR}) { id }
		r1: createResult(input: {id: "r1", name: "成果", kind: PATENT, year: 2019}) { id }
		m1: addMembership(input: {memberId: "e1", allianceId: "a1", role: CHAIR, since: 2015}) { role }
		m2: addMembership(input: {memberId: "u1", allianceId: "a1"}) { role }
		l1: addLocation(input: {tenantId: "e1", parkId: "p2", graduated: true}) { graduated }
		l2: addLocation(input: {tenantId: "p2", parkId: "p1"}) { graduated }
		l3: addLocation(input: {tenantId: "u1", parkId: "p1"}) { graduated }
		d1: addDevelopment(input: {developerId: "u1", resultId: "r1", year: 2019}) { role }
		d2: addDevelopment(input: {developerId: "e2", resultId: "r1", role: PARTICIPANT}) { role }
		t1: addTransfer(input: {resultId: "r1", enterpriseId: "e1", mode: LICENCE, year: 2021, value: 300}) { mode }
		c1: addCollaboration(input: {fromId: "u1", toId: "e2", kind: JOINT_LAB, title: "联合实验室"}) { kind }
	}`, nil, &out)
}

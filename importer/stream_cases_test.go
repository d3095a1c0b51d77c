package importer

import "strings"

// streamCase is a load's files and what validating them gives: the
// problems in file order, then the valid rows. The wanted outcomes were
// produced by the importer before loads streamed (commit d496890), which
// held every row in memory: streaming must not change them.
type streamCase struct {
	name  string
	files map[string]string
	want  string
}

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

var streamCases = []streamCase{
	{name: "repeats", files: map[string]string{"a.jsonl": lines(
		`{"type":"Enterprise","id":"e1","name":"甲"}`,
		`{"type":"Enterprise","id":"e1","name":"甲"}`,
		`{"type":"Enterprise","id":" e1 ","name":"甲"}`,
		`{"type":"Enterprise","id":"e1","name":"乙"}`,
		`{"type":"University","id":"e1","name":"甲"}`,
		`{"type":"Alliance","id":"a1","name":"联盟"}`,
		`{"type":"MEMBERSHIP","from":"e1","to":"a1","role":"CHAIR"}`,
		`{"type":"MEMBERSHIP","from":"e1","to":"a1","role":"CHAIR"}`,
		`{"type":"MEMBERSHIP","from":"e1","to":"a1","role":"MEMBER"}`,
	)}, want: `problem a.jsonl:4: id: "e1" is also at a.jsonl:1 with other values relation=false
problem a.jsonl:5: kind: is required relation=false
problem a.jsonl:9: from: the same membership is also at a.jsonl:7 with other values relation=true
node a.jsonl:1 ENTERPRISE e1 map[name:甲 synthetic:false]
node a.jsonl:6 ALLIANCE a1 map[name:联盟 synthetic:false]
relation a.jsonl:7 MEMBERSHIP e1→a1 map[role:CHAIR synthetic:false]
`},
	{name: "ends defined after the relationship", files: map[string]string{"a.jsonl": lines(
		`{"type":"COLLABORATION","from":"u1","to":"e1","kind":"JOINT_LAB","since":2018}`,
		`{"type":"COLLABORATION","from":"e1","to":"u1","kind":"JOINT_LAB","since":2018}`,
		`{"type":"COLLABORATION","from":"e1","to":"u1","kind":"JOINT_LAB","since":2019}`,
		`{"type":"Enterprise","id":"e1","name":"甲"}`,
		`{"type":"University","id":"u1","name":"乙大学","kind":"UNIVERSITY"}`,
	)}, want: `problem a.jsonl:3: from: the same collaboration is also at a.jsonl:1 with other values relation=true
node a.jsonl:4 ENTERPRISE e1 map[name:甲 synthetic:false]
node a.jsonl:5 UNIVERSITY u1 map[kind:UNIVERSITY name:乙大学 synthetic:false]
relation a.jsonl:1 COLLABORATION u1→e1 map[kind:JOINT_LAB since:2018 synthetic:false]
`},
	{name: "bad rows of every sort", files: map[string]string{"a.jsonl": lines(
		`not json`,
		`{"type":"Spaceship","id":"s1"}`,
		`{"id":"x"}`,
		`{"type":"Enterprise","name":"无名"}`,
		`{"type":"Enterprise","id":"e2"}`,
		`{"type":"Park","id":"p1","name":"园","kind":"CASTLE"}`,
		`{"type":"Enterprise","id":"e1","name":"甲"}`,
		`{"type":"Alliance","id":"a1","name":"联盟"}`,
		`{"type":"MEMBERSHIP","from":"ghost","to":"a1"}`,
		`{"type":"MEMBERSHIP","from":"a1","to":"a1"}`,
		`{"type":"TRANSFER","from":"e1","to":"e1","mode":"LICENCE","year":1800}`,
		`{"type":"MEMBERSHIP","to":"a1"}`,
	)}, want: `problem a.jsonl:1: not a JSON object: invalid character 'o' in literal null (expecting 'u') relation=false
problem a.jsonl:2: type: unknown type "Spaceship"; want a node type (Enterprise, University, Alliance, Park, Result, Person, Intermediary, Project, Demand) or a relationship kind (MEMBERSHIP, LOCATION, DEVELOPMENT, TRANSFER, COLLABORATION, AFFILIATION, SERVICE, PARTICIPATION, OUTPUT, POSTING, MATCH, BROKERAGE) relation=false
problem a.jsonl:3: type: unknown type ""; want a node type (Enterprise, University, Alliance, Park, Result, Person, Intermediary, Project, Demand) or a relationship kind (MEMBERSHIP, LOCATION, DEVELOPMENT, TRANSFER, COLLABORATION, AFFILIATION, SERVICE, PARTICIPATION, OUTPUT, POSTING, MATCH, BROKERAGE) relation=false
problem a.jsonl:4: id: is required: a load merges nodes by id relation=false
problem a.jsonl:5: name: is required relation=false
problem a.jsonl:6: kind: must be one of HIGH_TECH_ZONE, ECONOMIC_DEVELOPMENT_ZONE, SCIENCE_PARK, AGRICULTURAL_PARK, INDUSTRIAL_BASE, INCUBATOR, MAKER_SPACE, RETURNEE_PARK relation=false
problem a.jsonl:9: from: no node with id "ghost" in this load or the database relation=true
problem a.jsonl:10: from: "a1" is of type Alliance; expected Enterprise or University relation=true
problem a.jsonl:11: year: year 1800 is outside 1900–2100 relation=true
problem a.jsonl:12: from: is required relation=true
node a.jsonl:7 ENTERPRISE e1 map[name:甲 synthetic:false]
node a.jsonl:8 ALLIANCE a1 map[name:联盟 synthetic:false]
`},
	{name: "brokered transfers", files: map[string]string{"g.jsonl": lines(
		`{"type":"Enterprise","id":"e1","name":"甲"}`,
		`{"type":"Result","id":"r1","name":"成果","kind":"PATENT"}`,
		`{"type":"Intermediary","id":"i1","name":"技术转移中心","kind":"TRANSFER_AGENCY"}`,
		`{"type":"TRANSFER","from":"r1","to":"e1","mode":"LICENCE","year":2020,"brokerId":"i1"}`,
		`{"type":"TRANSFER","from":"r1","to":"e1","mode":"ASSIGNMENT","year":2021,"brokerId":"nobody"}`,
		`{"type":"TRANSFER","from":"r1","to":"e1","mode":"EQUITY","year":2022,"brokerId":"e1"}`,
		`{"type":"BROKERAGE","from":"i1","to":"r1","enterpriseId":"e1","mode":"LICENCE","year":2020}`,
		`{"type":"BROKERAGE","from":"i1","to":"r1","enterpriseId":"e1","mode":"LICENCE","year":2019}`,
		`{"type":"BROKERAGE","from":"i1","to":"r1","enterpriseId":"ghost","mode":"LICENCE"}`,
		`{"type":"SERVICE","from":"i1","to":"e1","kind":"BROKERAGE"}`,
		`{"type":"SERVICE","from":"r1","to":"e1","kind":"BROKERAGE"}`,
	)}, want: `problem g.jsonl:5: brokerId: no node with id "nobody" in this load or the database relation=true
problem g.jsonl:6: brokerId: "e1" is of type Enterprise; expected Person or Intermediary relation=true
problem g.jsonl:8: from: the same brokerage is also at g.jsonl:7 with other values relation=true
problem g.jsonl:9: enterpriseId: no node with id "ghost" in this load or the database relation=true
problem g.jsonl:11: from: "r1" is of type Result; expected Person or Intermediary relation=true
node g.jsonl:1 ENTERPRISE e1 map[name:甲 synthetic:false]
node g.jsonl:2 RESULT r1 map[kind:PATENT name:成果 synthetic:false]
node g.jsonl:3 INTERMEDIARY i1 map[kind:TRANSFER_AGENCY name:技术转移中心 synthetic:false]
relation g.jsonl:4 TRANSFER r1→e1 map[brokerId:i1 mode:LICENCE synthetic:false year:2020]
relation g.jsonl:7 BROKERAGE i1→r1 map[enterpriseId:e1 mode:LICENCE synthetic:false year:2020]
relation g.jsonl:10 SERVICE i1→e1 map[kind:BROKERAGE synthetic:false]
`},
	{name: "csv and jsonl across files", files: map[string]string{
		"b.csv": "type,from,to,kind,title\nCOLLABORATION,u1,e1,JOINT_LAB,联合实验室\nCOLLABORATION,u1\nCOLLABORATION,u1,e9,JOINT_LAB,x\n",
		"a.jsonl": lines(
			`{"type":"Enterprise","id":"e1","name":"甲","certifications":["HIGH_TECH"]}`,
			`{"type":"University","id":"u1","name":"乙大学","kind":"UNIVERSITY"}`,
		),
		"c.csv": "type,id,name,founded,certifications\nEnterprise,e3,丙,2001,HIGH_TECH|TECH_SME\nEnterprise,e1,甲,,HIGH_TECH\nEnterprise,e4,丁,notayear,\n",
	}, want: `problem b.csv:3: has 2 cells, the header 5 relation=false
problem b.csv:4: to: no node with id "e9" in this load or the database relation=true
problem c.csv:4: founded: must be a whole number (a year) relation=false
node a.jsonl:1 ENTERPRISE e1 map[certifications:[HIGH_TECH] name:甲 synthetic:false]
node a.jsonl:2 UNIVERSITY u1 map[kind:UNIVERSITY name:乙大学 synthetic:false]
node c.csv:2 ENTERPRISE e3 map[certifications:[HIGH_TECH TECH_SME] founded:2001 name:丙 synthetic:false]
relation b.csv:2 COLLABORATION u1→e1 map[kind:JOINT_LAB synthetic:false title:联合实验室]
`},
}

package neo4jdb

import "github.com/neo4j/neo4j-go-driver/v5/neo4j"

// DBHits sums the db hits of a profiled plan and its children: the
// database work of a statement, as bench and the plan tests compare it.
func DBHits(p neo4j.ProfiledPlan) int64 {
	n := p.DbHits()
	for _, c := range p.Children() {
		n += DBHits(c)
	}
	return n
}

package neo4jdb

import (
	"fmt"

	"github.com/innograph/innograph/graph/model"
)

// labels maps node kinds to Neo4j labels: a node's label is its GraphQL
// type name (model.NodeSpecs). Besides these labels and the relationship
// types of relTypes, the only name Cypher text in Go holds is :Node, the
// label every node also carries: the uniqueness constraint on :Node(id)
// (schema.cypher) makes ids unique across all types and a lookup by id one
// index seek whatever the type. schema.cypher, applied as it is, names the
// labels itself; TestSchemaCoversEveryLabel holds it to this map.
var labels = func() map[model.NodeKind]string {
	out := map[model.NodeKind]string{}
	for kind, spec := range model.NodeSpecs {
		out[kind] = spec.Name
	}
	return out
}()

// relTypes maps relationship kinds to Neo4j relationship types. The first
// five kept the verb-like names they were stored under before the kinds had
// GraphQL names; every kind since is stored under its own name.
var relTypes = map[model.RelationKind]string{
	model.RelationKindMembership:    "MEMBER_OF",
	model.RelationKindLocation:      "LOCATED_IN",
	model.RelationKindDevelopment:   "DEVELOPED",
	model.RelationKindTransfer:      "TRANSFERRED_TO",
	model.RelationKindCollaboration: "COLLABORATES_WITH",
	model.RelationKindAffiliation:   "AFFILIATION",
	model.RelationKindService:       "SERVICE",
	model.RelationKindParticipation: "PARTICIPATION",
	model.RelationKindOutput:        "OUTPUT",
	model.RelationKindPosting:       "POSTING",
	model.RelationKindMatch:         "MATCH",
	model.RelationKindBrokerage:     "BROKERAGE",
}

func label(kind model.NodeKind) string {
	l, ok := labels[kind]
	if !ok {
		panic(fmt.Sprintf("neo4jdb: no label for node kind %q", kind))
	}
	return l
}

func relType(kind model.RelationKind) string {
	t, ok := relTypes[kind]
	if !ok {
		panic(fmt.Sprintf("neo4jdb: no relationship type for kind %q", kind))
	}
	return t
}

// kindOfLabels finds the node kind among a node's labels.
func kindOfLabels(ls []string) (model.NodeKind, bool) {
	for _, l := range ls {
		for kind, want := range labels {
			if l == want {
				return kind, true
			}
		}
	}
	return "", false
}

// kindOfRelType finds the relationship kind of a Neo4j relationship type.
func kindOfRelType(t string) (model.RelationKind, bool) {
	for kind, want := range relTypes {
		if t == want {
			return kind, true
		}
	}
	return "", false
}

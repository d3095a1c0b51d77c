package graph

import "github.com/innograph/innograph/graph/model"

// Every list field costs its page size times what is selected inside it, so
// the complexity limit bounds the rows one request can make the database
// read, however fields are nested or aliased (each alias is counted).

func times(def int) func(child int, first *int) int {
	return func(child int, first *int) int {
		n := def
		if first != nil && *first > 0 {
			n = *first
		}
		return 1 + n*child
	}
}

// complexity fills the cost functions of the list fields.
func complexity() ComplexityRoot {
	var c ComplexityRoot
	list := times(defaultListSize)
	// A connection pages forward by first or backward by last, never both.
	page := func(child int, first, last *int) int {
		if first == nil {
			first = last
		}
		return list(child, first)
	}
	rel := func(child int, first *int, _ *string, last *int, _ *string) int { return page(child, first, last) }
	c.Enterprise.Alliances, c.Enterprise.Parks, c.Enterprise.DevelopedResults = rel, rel, rel
	c.Enterprise.AcquiredResults, c.Enterprise.Collaborators = rel, rel
	c.University.Alliances, c.University.Parks, c.University.DevelopedResults, c.University.Collaborators = rel, rel, rel, rel
	c.Alliance.Members = rel
	c.Park.Tenants, c.Park.Enterprises, c.Park.Parents = rel, rel, rel
	c.Result.Developers, c.Result.Transfers = rel, rel
	c.Enterprise.People, c.Enterprise.ServedBy, c.Enterprise.Projects, c.Enterprise.Demands, c.Enterprise.MatchedDemands = rel, rel, rel, rel, rel
	c.University.People, c.University.ServedBy, c.University.Projects, c.University.Demands, c.University.MatchedDemands = rel, rel, rel, rel, rel
	c.Alliance.People = rel
	c.Park.People, c.Park.ServedBy, c.Park.Demands = rel, rel, rel
	c.Result.Projects, c.Result.MatchedDemands, c.Result.Brokers = rel, rel, rel
	c.Person.Affiliations, c.Person.Serves, c.Person.Projects, c.Person.MatchedDemands, c.Person.Brokered = rel, rel, rel, rel, rel
	c.Intermediary.People, c.Intermediary.Serves, c.Intermediary.Projects, c.Intermediary.MatchedDemands, c.Intermediary.Brokered = rel, rel, rel, rel, rel
	c.Project.Participants, c.Project.Outputs = rel, rel
	c.Demand.PostedBy, c.Demand.Matches = rel, rel

	c.Query.Enterprises = func(child int, _ *model.EnterpriseFilter, _ *model.NodeOrder, first *int, _ *string, last *int, _ *string) int {
		return page(child, first, last)
	}
	c.Query.Universities = func(child int, _ *model.UniversityFilter, _ *model.NodeOrder, first *int, _ *string, last *int, _ *string) int {
		return page(child, first, last)
	}
	c.Query.Alliances = func(child int, _ *model.AllianceFilter, _ *model.NodeOrder, first *int, _ *string, last *int, _ *string) int {
		return page(child, first, last)
	}
	c.Query.Parks = func(child int, _ *model.ParkFilter, _ *model.NodeOrder, first *int, _ *string, last *int, _ *string) int {
		return page(child, first, last)
	}
	c.Query.Results = func(child int, _ *model.ResultFilter, _ *model.NodeOrder, first *int, _ *string, last *int, _ *string) int {
		return page(child, first, last)
	}
	c.Query.People = func(child int, _ *model.PersonFilter, _ *model.NodeOrder, first *int, _ *string, last *int, _ *string) int {
		return page(child, first, last)
	}
	c.Query.Intermediaries = func(child int, _ *model.IntermediaryFilter, _ *model.NodeOrder, first *int, _ *string, last *int, _ *string) int {
		return page(child, first, last)
	}
	c.Query.Projects = func(child int, _ *model.ProjectFilter, _ *model.NodeOrder, first *int, _ *string, last *int, _ *string) int {
		return page(child, first, last)
	}
	c.Query.Demands = func(child int, _ *model.DemandFilter, _ *model.NodeOrder, first *int, _ *string, last *int, _ *string) int {
		return page(child, first, last)
	}
	c.Query.Nodes = func(child int, ids []string) int { return 1 + len(ids)*child }
	// An import answers a row per record, and refuses more than
	// maxImportRecords before anything is returned.
	c.Mutation.ImportGraph = func(child int, in model.ImportInput) int {
		return 1 + min(max(len(in.Records), 1), maxImportRecords)*child
	}
	search := times(defaultSearchFirst)
	c.Query.Search = func(child int, _ string, _ []model.NodeKind, first *int, _ *string) int { return search(child, first) }
	pathComplexity(&c)
	return c
}

// Path searches and expansions cost a fixed price for the search on top of
// what they return, so that one request, aliases included, can run only a
// few of them: at the default limit of 50,000, about eight chains or networks.
const (
	searchCost    = 5000
	expansionCost = 1000
)

func pathComplexity(c *ComplexityRoot) {
	or := func(v *int, def int) int {
		if v != nil && *v > 0 {
			return *v
		}
		return def
	}
	// An answer's lists share one selection price (gqlgen sums the fields
	// below a field), so a path query is priced by its longest list: a
	// chain's steps (first × maxHops) or its skipped hubs; a network's nodes
	// (and hubs, some of them) or its edges.
	c.Query.Chain = func(child int, _, _ string, maxHops *int, _ []model.RelationKind, _, _, first, _ *int, _ *bool) int {
		return searchCost + max(or(first, defaultChains)*or(maxHops, defaultMaxHops), model.MaxSkippedHubs)*child
	}
	c.Query.Network = func(child int, _ string, _ *int, _ []model.RelationKind, _, _, maxNodes, maxEdges, _ *int, _ *bool) int {
		return searchCost + max(or(maxNodes, defaultMaxNodes), or(maxEdges, defaultMaxEdges))*child
	}
	c.Query.SuggestPartners = func(child int, _ string, _ []model.NodeKind, first *int, _ *bool) int {
		return searchCost + or(first, defaultPartners)*child
	}
	// A suggestion lists at most MaxPartnerReasons reasons, each with a
	// chain of two steps.
	c.PartnerSuggestion.Reasons = func(child int) int { return 1 + model.MaxPartnerReasons*child }
	c.PartnerReason.Chain = func(child int) int { return 1 + 2*child }
	// matchDemand is priced as suggestPartners: a candidate lists at most
	// MaxMatchReasons reasons, each with a chain of at most MaxMatchSteps.
	c.Query.MatchDemand = func(child int, _ string, _ []model.NodeKind, _ *bool, first *int, _ *bool) int {
		return searchCost + or(first, defaultMatches)*child
	}
	c.DemandCandidate.Reasons = func(child int) int { return 1 + model.MaxMatchReasons*child }
	c.MatchReason.Chain = func(child int) int { return 1 + model.MaxMatchSteps*child }
	c.Query.Hubs = func(child int, _ model.NodeKind, _ []model.RelationKind, _, _ *string, first *int, _ *string, _ *bool) int {
		return expansionCost + or(first, defaultHubs)*child
	}
	// A trail's `first` caps its lists and the lists inside each of their
	// items (a transferee's parks, a source's developers), so it can return
	// first² rows of what is selected, not first.
	c.Query.ResultTrail = func(child int, _ string, first *int, _ *bool) int {
		n := or(first, defaultRelationsFirst)
		return expansionCost + n*n*child
	}
	c.Query.TechnologySources = func(child int, _ string, first *int, _ *bool) int {
		n := or(first, defaultRelationsFirst)
		return expansionCost + n*n*child
	}
}

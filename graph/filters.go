package graph

import "github.com/innograph/innograph/graph/model"

// The filters of each node list, turned into conditions on stored properties.

func enterpriseConditions(f *model.EnterpriseFilter) ([]model.Condition, error) {
	var a argChecks
	if f != nil {
		a.common(f.NameContains, f.Region)
		a.text(model.OpEquals, "filter.industry", "industry", f.Industry)
		hasAll(&a, "certifications", f.Certifications)
		a.years("filter.foundedFrom", "filter.foundedTo", "founded", f.FoundedFrom, f.FoundedTo)
	}
	return a.where, a.err
}

func universityConditions(f *model.UniversityFilter) ([]model.Condition, error) {
	var a argChecks
	if f != nil {
		a.common(f.NameContains, f.Region)
		a.enum("kind", f.Kind, f.Kind != nil)
		a.text(model.OpEquals, "filter.field", "field", f.Field)
	}
	return a.where, a.err
}

func allianceConditions(f *model.AllianceFilter) ([]model.Condition, error) {
	var a argChecks
	if f != nil {
		a.common(f.NameContains, f.Region)
		a.text(model.OpEquals, "filter.industry", "industry", f.Industry)
		a.enum("level", f.Level, f.Level != nil)
	}
	return a.where, a.err
}

func parkConditions(f *model.ParkFilter) ([]model.Condition, error) {
	var a argChecks
	if f != nil {
		a.common(f.NameContains, f.Region)
		a.text(model.OpEquals, "filter.industry", "industry", f.Industry)
		a.enum("kind", f.Kind, f.Kind != nil)
		a.enum("level", f.Level, f.Level != nil)
	}
	return a.where, a.err
}

func resultConditions(f *model.ResultFilter) ([]model.Condition, error) {
	var a argChecks
	if f != nil {
		a.common(f.NameContains, f.Region)
		a.text(model.OpEquals, "filter.field", "field", f.Field)
		a.enum("kind", f.Kind, f.Kind != nil)
		a.years("filter.yearFrom", "filter.yearTo", "year", f.YearFrom, f.YearTo)
	}
	return a.where, a.err
}

func personConditions(f *model.PersonFilter) ([]model.Condition, error) {
	var a argChecks
	if f != nil {
		a.common(f.NameContains, f.Region)
		hasAll(&a, "roles", f.Roles)
		a.text(model.OpEquals, "filter.field", "field", f.Field)
	}
	return a.where, a.err
}

func intermediaryConditions(f *model.IntermediaryFilter) ([]model.Condition, error) {
	var a argChecks
	if f != nil {
		a.common(f.NameContains, f.Region)
		a.enum("kind", f.Kind, f.Kind != nil)
		a.enum("level", f.Level, f.Level != nil)
	}
	return a.where, a.err
}

func projectConditions(f *model.ProjectFilter) ([]model.Condition, error) {
	var a argChecks
	if f != nil {
		a.common(f.NameContains, f.Region)
		a.enum("level", f.Level, f.Level != nil)
		a.enum("status", f.Status, f.Status != nil)
		a.years("filter.yearFrom", "filter.yearTo", "year", f.YearFrom, f.YearTo)
	}
	return a.where, a.err
}

func demandConditions(f *model.DemandFilter) ([]model.Condition, error) {
	var a argChecks
	if f != nil {
		a.common(f.NameContains, f.Region)
		a.enum("status", f.Status, f.Status != nil)
		a.text(model.OpEquals, "filter.field", "field", f.Field)
		a.years("filter.yearFrom", "filter.yearTo", "year", f.YearFrom, f.YearTo)
	}
	return a.where, a.err
}

// common adds the filters every node list has: name text and region.
func (a *argChecks) common(nameContains, region *string) {
	a.text(model.OpNameContains, "filter.nameContains", "name", nameContains)
	a.region("filter.region", region)
}

// hasAll keeps the nodes whose list property prop holds every one of vs.
func hasAll[T interface{ String() string }](a *argChecks, prop string, vs []T) {
	if len(vs) == 0 {
		return
	}
	list := make([]string, len(vs))
	for i, v := range vs {
		list[i] = v.String()
	}
	a.where = append(a.where, model.Condition{Op: model.OpHasAll, Prop: prop, Value: list})
}

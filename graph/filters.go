package graph

import "github.com/innograph/innograph/graph/model"

// The filters of each node list, turned into conditions on stored properties.

func enterpriseConditions(f *model.EnterpriseFilter) ([]model.Condition, error) {
	var c conditions
	if f != nil {
		c.common(f.NameContains, f.Region)
		c.text(model.OpEquals, "filter.industry", "industry", f.Industry)
		if len(f.Certifications) > 0 {
			certs := make([]string, len(f.Certifications))
			for i, v := range f.Certifications {
				certs[i] = v.String()
			}
			c.list = append(c.list, model.Condition{Op: model.OpHasAll, Prop: "certifications", Value: certs})
		}
		c.years("filter.foundedFrom", "filter.foundedTo", "founded", f.FoundedFrom, f.FoundedTo)
	}
	return c.list, c.err
}

func universityConditions(f *model.UniversityFilter) ([]model.Condition, error) {
	var c conditions
	if f != nil {
		c.common(f.NameContains, f.Region)
		c.enum("kind", f.Kind, f.Kind != nil)
		c.text(model.OpEquals, "filter.field", "field", f.Field)
	}
	return c.list, c.err
}

func allianceConditions(f *model.AllianceFilter) ([]model.Condition, error) {
	var c conditions
	if f != nil {
		c.common(f.NameContains, f.Region)
		c.text(model.OpEquals, "filter.industry", "industry", f.Industry)
		c.enum("level", f.Level, f.Level != nil)
	}
	return c.list, c.err
}

func parkConditions(f *model.ParkFilter) ([]model.Condition, error) {
	var c conditions
	if f != nil {
		c.common(f.NameContains, f.Region)
		c.text(model.OpEquals, "filter.industry", "industry", f.Industry)
		c.enum("kind", f.Kind, f.Kind != nil)
		c.enum("level", f.Level, f.Level != nil)
	}
	return c.list, c.err
}

func resultConditions(f *model.ResultFilter) ([]model.Condition, error) {
	var c conditions
	if f != nil {
		c.common(f.NameContains, f.Region)
		c.text(model.OpEquals, "filter.field", "field", f.Field)
		c.enum("kind", f.Kind, f.Kind != nil)
		c.years("filter.yearFrom", "filter.yearTo", "year", f.YearFrom, f.YearTo)
	}
	return c.list, c.err
}

// common adds the filters every node list has: name text and region prefix.
func (c *conditions) common(nameContains, region *string) {
	c.text(model.OpNameContains, "filter.nameContains", "name", nameContains)
	c.text(model.OpPrefix, "filter.region", "region", region)
}

package model

// Roles lists the values of the spec's role field in the order a list of
// the spec's relationships shows them, which is the schema's enum order:
// chair units (理事长单位) first, then vice chairs, secretariats and members;
// lead developers before participants. It is nil for a spec without roles.
func (s *RelationSpec) Roles() []string {
	for _, f := range s.Fields {
		if f.Name == "role" {
			return f.Enum
		}
	}
	return nil
}

package synthetic

import "slices"

// Cities returns the province/city region paths the generator places nodes
// in, sorted, for benchmarks that filter by region.
func Cities() []string {
	var out []string
	for _, p := range provinces {
		for c := range p.cities {
			out = append(out, p.name+"/"+c)
		}
	}
	slices.Sort(out)
	return out
}

// Words returns words that generated names contain, for search benchmarks.
func Words() []string {
	return slices.Concat(entWords, industries)
}

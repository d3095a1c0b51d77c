// Package synthetic generates a deterministic synthetic innovation graph for
// scale tests and benchmarks, in the rows of the seed format (seed/README.md).
//
// Its shape follows the real system: a few hub universities and alliances
// with thousands of links and many with few (Zipf-distributed choices), real
// province/city/county paths and industries, years 2000–2025, and transfers
// of results mostly to enterprises of the developer's own or a neighbouring
// province, some brokered by an intermediary or broker of the adopter's
// province. People work at organisations (every enterprise has its head, a
// hub university hundreds of researchers), serve enterprises as 科技特派员 or
// from academician workstations; projects are led by an organisation with its
// people and produce the lead's results; demands are posted by enterprises in
// their industry and matched with results of that field. Every record is
// marked synthetic.
package synthetic

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/innograph/innograph/graph/model"
)

// Config sizes the graph. Relationship counts are averages per node.
type Config struct {
	Seed                                                 uint64
	Enterprises, Universities, Alliances, Parks, Results int
	// AlliancesPerEnterprise and AlliancesPerUniversity: memberships.
	AlliancesPerEnterprise, AlliancesPerUniversity float64
	// PartnersPerEnterprise: collaborations, with universities mostly.
	PartnersPerEnterprise float64
	// TransfersPerResult: enterprises a result is transferred to.
	TransfersPerResult float64
	// ParticipantsPerResult: developers besides the lead.
	ParticipantsPerResult float64
	// The actors of issue 14: people (each affiliated with an organisation
	// or intermediary), intermediaries, projects and demands.
	People, Intermediaries, Projects, Demands int
	// ServicesPerIntermediary: enterprises an intermediary serves.
	ServicesPerIntermediary float64
	// OrganisationsPerProject and PeoplePerProject: participants besides
	// the lead organisation; OutputsPerProject: results a project produced.
	OrganisationsPerProject, PeoplePerProject, OutputsPerProject float64
	// MatchesPerDemand: candidates a matched demand was matched with.
	MatchesPerDemand float64
	// BrokeredShare: the share of transfers an intermediary or a broker brokered.
	BrokeredShare float64
}

// DefaultConfig shares nodes among the types as in a regional system:
// people are the most numerous (about two per organisation: every
// enterprise's head, engineers, and a university's researchers, hundreds at
// a hub), then enterprises and results; a few intermediaries per city
// (about 400 in 100,000 nodes), and projects and demands every year.
// TestShape checks the ratios and the relationships a node.
func DefaultConfig(nodes int, seed uint64) Config {
	part := func(f float64) int { return max(1, int(float64(nodes)*f)) }
	return Config{
		Seed:        seed,
		Enterprises: part(0.24), Results: part(0.20), Parks: part(0.02), Universities: part(0.012), Alliances: part(0.008),
		People: part(0.46), Intermediaries: part(0.004), Projects: part(0.035), Demands: part(0.021),
		AlliancesPerEnterprise: 5, AlliancesPerUniversity: 20,
		PartnersPerEnterprise: 10, TransfersPerResult: 4, ParticipantsPerResult: 1.5,
		ServicesPerIntermediary: 8, OrganisationsPerProject: 1.5, PeoplePerProject: 3, OutputsPerProject: 1.5,
		MatchesPerDemand: 1.5, BrokeredShare: 0.15,
	}
}

// Denser multiplies by f the rates of the relationships that tie nodes to
// each other — memberships, collaborations, transfers, co-developers,
// services, project participants and outputs, matches — and leaves the
// nodes, and the one-per-node relationships (a location, a lead
// developer, an affiliation), as they are. At 1 the graph has about 5.7
// relationships a node; at 2, about 11, as the denser generator of issue
// 15's first measurements had. The ids are the same at any density, so
// benchmarks draw the same parameters.
func (c Config) Denser(f float64) Config {
	for _, rate := range []*float64{&c.AlliancesPerEnterprise, &c.AlliancesPerUniversity, &c.PartnersPerEnterprise,
		&c.TransfersPerResult, &c.ParticipantsPerResult, &c.ServicesPerIntermediary,
		&c.OrganisationsPerProject, &c.PeoplePerProject, &c.OutputsPerProject, &c.MatchesPerDemand} {
		*rate *= f
	}
	return c
}

// Source is the source every generated record cites.
const Source = "synthetic"

// Emit receives one record at a time; an error stops generation.
type Emit func(record map[string]any) error

// Generate emits every node, then every relationship.
func Generate(cfg Config, emit Emit) error {
	g := newGenerator(cfg)
	for _, step := range []func(Emit) error{
		g.nodes, g.memberships, g.locations, g.developments, g.transfers, g.collaborations,
		g.affiliations, g.services, g.participations, g.outputs, g.postings, g.matches,
	} {
		if err := step(emit); err != nil {
			return err
		}
	}
	return nil
}

type place struct {
	province int
	path     string
}

type generator struct {
	cfg Config
	rnd *rand.Rand
	// where each node is, by type, for regional choices
	entPlace, uniPlace, parkPlace, imdPlace []place
	parkKind                                []string
	// the industry of each enterprise and the field of each university
	entField, uniField []string
	// enterprises by province, for same- and neighbouring-region transfers
	entsIn [][]int
	// lead developer of each result: university index, or -1-enterprise index
	lead []int
	// results by lead developer's id and by field
	resultsOf, resultsIn map[string][]int
	// people and, by organisation id, the people affiliated with it
	person   []person
	peopleOf map[string][]int
	// ids of the intermediaries and brokers of each province
	brokersIn [][]string
	// each project's lead and field; each demand's poster, field, status,
	// year and province
	projectLead, projectField               []string
	demandPoster, demandField, demandStatus []string
	demandYear, demandProvince              []int
	// zipf choosers of hub targets
	uniZipf, allianceZipf *rand.Zipf
}

func newGenerator(cfg Config) *generator {
	rnd := rand.New(rand.NewPCG(cfg.Seed, 0x1770))
	zipf := func(n int) *rand.Zipf { return rand.NewZipf(rnd, 1.2, 2, uint64(max(n, 1)-1)) }
	return &generator{cfg: cfg, rnd: rnd, entsIn: make([][]int, len(provinces)), brokersIn: make([][]string, len(provinces)),
		resultsOf: map[string][]int{}, resultsIn: map[string][]int{},
		uniZipf: zipf(cfg.Universities), allianceZipf: zipf(cfg.Alliances)}
}

func (g *generator) pick(list []string) string { return list[g.rnd.IntN(len(list))] }

// randomPlace draws a province (skewed towards the first, the home region of
// the source documents), a city and a county.
func (g *generator) randomPlace() place {
	p := g.rnd.IntN(len(provinces))
	if g.rnd.Float64() < 0.35 {
		p = g.rnd.IntN(2) // Inner Mongolia and Ningxia
	}
	prov := provinces[p]
	cities := make([]string, 0, len(prov.cities))
	for c := range prov.cities {
		cities = append(cities, c)
	}
	slices.Sort(cities) // map order is random; the output must not be
	city := g.pick(cities)
	return place{p, prov.name + "/" + city + "/" + g.pick(prov.cities[city])}
}

func (g *generator) year(from int) int { return from + g.rnd.IntN(2026-from) }

// count draws a count with the given mean: geometric, so most are small and a few large.
func (g *generator) count(mean float64) int {
	if mean <= 0 {
		return 0
	}
	return int(g.rnd.ExpFloat64() * mean)
}

// ID is the id of the i-th generated node with a type prefix (ent, uni, all,
// park, res, per, imd, prj, dem), so benchmarks can name nodes without
// reading the graph.
func ID(prefix string, i int) string { return fmt.Sprintf("s-%s-%06d", prefix, i) }

// record is a node row of the kind, marked synthetic: its type is the
// kind's type name (model.NodeSpecs).
func record(kind model.NodeKind, fields map[string]any) map[string]any {
	return row(kind.Name(), fields)
}

// row is a row of the seed format with the type typ, marked synthetic.
func row(typ string, fields map[string]any) map[string]any {
	fields["type"] = typ
	fields["source"] = Source
	fields["synthetic"] = true
	return fields
}

// distinct draws up to n distinct values from draw, giving up on repeats
// after a few tries so hubs saturate instead of looping.
func distinct(n int, draw func() int, skip func(int) bool) []int {
	seen := make(map[int]bool, n)
	out := make([]int, 0, n)
	for tries := 0; len(out) < n && tries < 4*n+8; tries++ {
		v := draw()
		if !seen[v] && !skip(v) {
			seen[v] = true
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}

func never(int) bool { return false }

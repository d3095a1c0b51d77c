package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/lexer"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/innograph/innograph/graph/model"
)

// Limits bound the shape of a GraphQL document. They are checked before
// gqlgen validates the document, because validation is not linear: its
// field-merging rule compares every pair of fields that share a response
// name, so 1,000 such fields made 500,000 errors and 40,000 repeats of one
// field held a core for minutes. Measuring is linear: lexing stops at the
// token limit, and the rest is one walk of the syntax tree with each
// fragment measured once. The names follow Apollo Router's operation limits.
type Limits struct {
	// Tokens bounds the lexical tokens of the document (parser_max_tokens).
	Tokens int
	// Depth bounds the nesting of field selections; root fields are at
	// depth 1 and fragments do not add a level (max_depth). Selections
	// inside __schema and __type read the in-memory schema, not the
	// database, and are not counted: clients' introspection queries nest
	// ofType more than a dozen levels deep.
	Depth int
	// Height bounds the field selections of the whole document, counting
	// every repeat of a field and, at every spread, the fields of the
	// fragment (max_height). Apollo counts distinct fields; repeats are
	// counted here because they are what validation pays for.
	Height int
	// Aliases bounds the aliased fields of the document, counted like Height (max_aliases).
	Aliases int
	// RootFields bounds the root fields of one operation, fragments
	// included, every alias counted (max_root_fields).
	RootFields int
}

// DefaultLimits fit every README example and the explorer's queries with
// room to spare (TestReadmeExamplesFitTheLimits), while keeping gqlgen's
// validation of anything they allow within milliseconds
// (BenchmarkOperationLimits).
var DefaultLimits = Limits{Tokens: 15000, Depth: 12, Height: 300, Aliases: 30, RootFields: 20}

// orDefault fills the limits left at zero with the defaults.
func (l Limits) orDefault() Limits {
	pick := func(v, def int) int {
		if v > 0 {
			return v
		}
		return def
	}
	return Limits{
		Tokens: pick(l.Tokens, DefaultLimits.Tokens), Depth: pick(l.Depth, DefaultLimits.Depth),
		Height: pick(l.Height, DefaultLimits.Height), Aliases: pick(l.Aliases, DefaultLimits.Aliases),
		RootFields: pick(l.RootFields, DefaultLimits.RootFields),
	}
}

// Shape is what the limits measure of one document.
type Shape struct {
	Tokens, Depth, Height, Aliases, RootFields int
}

// Refusal says which limit refused a document.
type Refusal struct {
	Limit   string // Apollo Router's name: parser_max_tokens, max_depth, …
	Env     string // the variable that sets it
	Max     int
	Message string
}

// operationLimits is a gqlgen handler extension: as an
// OperationParameterMutator it runs after the persisted-query extension has
// filled in the query and before gqlgen parses and validates it.
type operationLimits struct{ limits Limits }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = operationLimits{}

func (operationLimits) ExtensionName() string                   { return "OperationLimits" }
func (operationLimits) Validate(graphql.ExecutableSchema) error { return nil }
func (o operationLimits) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	oc := graphql.GetOperationContext(ctx)
	start := graphql.Now()
	shape, refusal := o.limits.Check(p.Query)
	oc.Stats.SetExtension(statsMeasure, measured{Shape: shape, Refusal: refusal, Took: graphql.Now().Sub(start)})
	if refusal == nil {
		return nil
	}
	return &gqlerror.Error{Message: refusal.Message, Extensions: map[string]any{
		"code": model.CodeBadUserInput, "limit": refusal.Limit,
	}}
}

// Check measures query and returns the first limit it exceeds, if any.
// A document that does not lex or parse passes: gqlgen's parser reports it
// with its own code, and within the token limit parsing is cheap.
func (l Limits) Check(query string) (Shape, *Refusal) {
	var s Shape
	s.Tokens = countTokens(query, l.Tokens)
	if s.Tokens > l.Tokens {
		return s, &Refusal{Limit: "parser_max_tokens", Env: "INNOGRAPH_MAX_TOKENS", Max: l.Tokens,
			Message: fmt.Sprintf("the document has more than %d tokens; the limit is %d (INNOGRAPH_MAX_TOKENS)", l.Tokens, l.Tokens)}
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil {
		return s, nil
	}
	s = measureDocument(doc, s.Tokens)
	for _, c := range []struct {
		value, max int
		limit, env string
		what       string
	}{
		{s.Depth, l.Depth, "max_depth", "INNOGRAPH_MAX_DEPTH", "the operation is %d levels deep"},
		{s.Height, l.Height, "max_height", "INNOGRAPH_MAX_HEIGHT", "the document selects %d fields (each repeat and each fragment spread counted)"},
		{s.Aliases, l.Aliases, "max_aliases", "INNOGRAPH_MAX_ALIASES", "the document uses %d aliases"},
		{s.RootFields, l.RootFields, "max_root_fields", "INNOGRAPH_MAX_ROOT_FIELDS", "the operation selects %d root fields"},
	} {
		if c.value > c.max {
			return s, &Refusal{Limit: c.limit, Env: c.env, Max: c.max,
				Message: fmt.Sprintf(c.what+"; the limit is %d (%s)", c.value, c.max, c.env)}
		}
	}
	return s, nil
}

// countTokens counts the lexical tokens of query, comments included, and
// stops reading at max+1. A lexical error ends the count: the parser will
// report it.
func countTokens(query string, max int) int {
	lex := lexer.New(&ast.Source{Input: query})
	n := 0
	for n <= max {
		tok, err := lex.ReadToken()
		if err != nil || tok.Kind == lexer.EOF {
			break
		}
		n++
	}
	return n
}

// shape of one selection set: its fields with all below them, its aliases,
// the depth of its deepest field, and its fields at its own level.
type setShape struct{ height, aliases, depth, top int }

// saturation keeps counts finite: fragments spreading fragments twice over
// multiply, and a count this large is over any limit anyway.
const saturation = 1 << 40

func sat(v int) int { return min(v, saturation) }

func (s *setShape) add(o setShape) {
	s.height = sat(s.height + o.height)
	s.aliases = sat(s.aliases + o.aliases)
	s.depth = max(s.depth, o.depth)
	s.top = sat(s.top + o.top)
}

// measurer walks a document, measuring each fragment once; a fragment in a
// cycle counts as empty (validation refuses the cycle).
type measurer struct {
	fragments map[string]*ast.FragmentDefinition
	done      map[string]setShape
	busy      map[string]bool
}

func measureDocument(doc *ast.QueryDocument, tokens int) Shape {
	m := measurer{fragments: map[string]*ast.FragmentDefinition{}, done: map[string]setShape{}, busy: map[string]bool{}}
	for _, f := range doc.Fragments {
		if _, dup := m.fragments[f.Name]; !dup {
			m.fragments[f.Name] = f
		}
	}
	s := Shape{Tokens: tokens}
	var total setShape
	for _, op := range doc.Operations {
		o := m.set(op.SelectionSet)
		total.add(o)
		s.RootFields = max(s.RootFields, o.top)
	}
	// Validation reads unused fragments too.
	for _, f := range doc.Fragments {
		if _, seen := m.done[f.Name]; !seen {
			total.add(m.fragment(f.Name))
		}
	}
	s.Depth, s.Height, s.Aliases = total.depth, total.height, total.aliases
	return s
}

func (m *measurer) set(set ast.SelectionSet) setShape {
	var s setShape
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			below := m.set(sel.SelectionSet)
			f := setShape{height: sat(below.height + 1), aliases: below.aliases, depth: below.depth + 1, top: 1}
			if sel.Alias != sel.Name {
				f.aliases = sat(f.aliases + 1)
			}
			if strings.HasPrefix(sel.Name, "__") {
				f.depth = 1
			}
			s.add(f)
		case *ast.InlineFragment:
			s.add(m.set(sel.SelectionSet))
		case *ast.FragmentSpread:
			s.add(m.fragment(sel.Name))
		}
	}
	return s
}

func (m *measurer) fragment(name string) setShape {
	if s, ok := m.done[name]; ok {
		return s
	}
	f := m.fragments[name]
	if f == nil || m.busy[name] {
		return setShape{}
	}
	m.busy[name] = true
	s := m.set(f.SelectionSet)
	delete(m.busy, name)
	m.done[name] = s
	return s
}

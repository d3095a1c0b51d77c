package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/innograph/innograph/edge"
	"github.com/innograph/innograph/graph"
	"github.com/innograph/innograph/neo4jdb"
)

// config is everything the server reads from its environment (README: Configuration).
type config struct {
	Addr            string
	Neo4j           neo4jdb.Config
	ReadTokens      []string
	WriteTokens     []string
	ReadsOpen       bool
	CORSOrigins     []string
	CORSHeaders     []string
	MaxBodyBytes    int64
	BodyTimeout     time.Duration
	ComplexityLimit int
	Limits          graph.Limits
	RequestTimeout  time.Duration
	Introspection   bool
	LoadSample      bool
	LogFormat       string
	DebugAddr       string
	Shed            edge.ShedLimits
	// Trusted are the persisted document manifests, nil when none are set.
	Trusted *graph.TrustedDocuments
}

// loadConfig reads the configuration through getenv and reports every bad value at once.
func loadConfig(getenv func(string) string) (config, error) {
	e := env{get: getenv}
	d, o := neo4jdb.DefaultConfig(), edge.DefaultOptions()
	g := o.GraphQL
	c := config{
		Addr: e.str("INNOGRAPH_ADDR", "localhost:8080"),
		Neo4j: neo4jdb.Config{
			URI:            e.str("NEO4J_URI", d.URI),
			User:           e.str("NEO4J_USER", d.User),
			Password:       e.str("NEO4J_PASSWORD", d.Password),
			Database:       e.str("NEO4J_DATABASE", d.Database),
			ReadTimeout:    e.duration("NEO4J_READ_TIMEOUT", d.ReadTimeout),
			PathTimeout:    e.duration("NEO4J_PATH_TIMEOUT", d.PathTimeout),
			WriteTimeout:   e.duration("NEO4J_WRITE_TIMEOUT", d.WriteTimeout),
			MaxPoolSize:    e.integer("NEO4J_MAX_POOL_SIZE", d.MaxPoolSize),
			AcquireTimeout: e.duration("NEO4J_ACQUIRE_TIMEOUT", d.AcquireTimeout),
		},
		ReadTokens:      e.list("INNOGRAPH_READ_TOKENS", nil),
		WriteTokens:     e.list("INNOGRAPH_WRITE_TOKENS", nil),
		ReadsOpen:       e.boolean("INNOGRAPH_READS_OPEN", graph.DefaultReadsOpen),
		CORSOrigins:     e.list("INNOGRAPH_CORS_ORIGINS", o.CORSOrigins),
		CORSHeaders:     e.list("INNOGRAPH_CORS_HEADERS", nil),
		MaxBodyBytes:    int64(e.integer("INNOGRAPH_MAX_BODY_BYTES", int(g.MaxBodyBytes))),
		BodyTimeout:     e.duration("INNOGRAPH_BODY_TIMEOUT", g.BodyTimeout),
		ComplexityLimit: e.integer("INNOGRAPH_COMPLEXITY_LIMIT", g.ComplexityLimit),
		RequestTimeout:  e.duration("INNOGRAPH_REQUEST_TIMEOUT", o.RequestTimeout),
		Introspection:   e.boolean("INNOGRAPH_INTROSPECTION", g.Introspection),
		LoadSample:      e.boolean("INNOGRAPH_LOAD_SAMPLE", true),
		LogFormat:       e.str("INNOGRAPH_LOG_FORMAT", "text"),
		DebugAddr:       e.str("INNOGRAPH_DEBUG_ADDR", ""),
		Shed: edge.ShedLimits{
			Rate:        e.rate("INNOGRAPH_CLIENT_RATE", o.Shed.Rate),
			Burst:       e.integer("INNOGRAPH_CLIENT_BURST", o.Shed.Burst),
			Concurrency: e.atLeastZero("INNOGRAPH_CLIENT_CONCURRENCY", o.Shed.Concurrency),
			Hold:        e.durationOrOff("INNOGRAPH_CLIENT_HOLD", o.Shed.Hold),
		},
		Limits: graph.Limits{
			Tokens:     e.integer("INNOGRAPH_MAX_TOKENS", g.Limits.Tokens),
			Depth:      e.integer("INNOGRAPH_MAX_DEPTH", g.Limits.Depth),
			Height:     e.integer("INNOGRAPH_MAX_HEIGHT", g.Limits.Height),
			Aliases:    e.integer("INNOGRAPH_MAX_ALIASES", g.Limits.Aliases),
			RootFields: e.integer("INNOGRAPH_MAX_ROOT_FIELDS", g.Limits.RootFields),
		},
	}
	if file := e.str("INNOGRAPH_TOKENS_FILE", ""); file != "" {
		if err := c.readTokensFile(file); err != nil {
			e.errs = append(e.errs, err.Error())
		}
	}
	for _, token := range append(append([]string{}, c.ReadTokens...), c.WriteTokens...) {
		if !graph.IsToken68(token) {
			e.errs = append(e.errs, "INNOGRAPH_READ_TOKENS, INNOGRAPH_WRITE_TOKENS, INNOGRAPH_TOKENS_FILE: a bearer token may hold only letters, digits and -._~+/ (then = padding), as RFC 6750 sends it")
			break
		}
	}
	if err := c.loadTrustedDocuments(&e); err != nil {
		e.errs = append(e.errs, err.Error())
	}
	if c.Neo4j.ReadTimeout >= c.RequestTimeout || c.Neo4j.WriteTimeout >= c.RequestTimeout || c.Neo4j.PathTimeout >= c.RequestTimeout {
		e.errs = append(e.errs, "NEO4J_READ_TIMEOUT, NEO4J_WRITE_TIMEOUT and NEO4J_PATH_TIMEOUT must be shorter than INNOGRAPH_REQUEST_TIMEOUT, "+
			"so that Neo4j stops a slow query before the request gives up on it")
	}
	if c.Shed.Hold >= c.RequestTimeout {
		e.errs = append(e.errs, "INNOGRAPH_CLIENT_HOLD must be shorter than INNOGRAPH_REQUEST_TIMEOUT, "+
			"so that a held refusal is still answered")
	}
	if c.BodyTimeout >= c.RequestTimeout {
		e.errs = append(e.errs, "INNOGRAPH_BODY_TIMEOUT must be shorter than INNOGRAPH_REQUEST_TIMEOUT, "+
			"so that a slow body is refused before the request gives up")
	}
	if len(e.errs) > 0 {
		return c, fmt.Errorf("configuration: %s", strings.Join(e.errs, "; "))
	}
	return c, nil
}

// loadTrustedDocuments reads and checks the manifests: off (the default)
// resolves their ids beside APQ and runs any document; enforce runs only them.
func (c *config) loadTrustedDocuments(e *env) error {
	files := e.list("INNOGRAPH_TRUSTED_DOCUMENTS", nil)
	mode := e.str("INNOGRAPH_TRUSTED_DOCUMENTS_MODE", "off")
	switch {
	case mode != "off" && mode != "enforce":
		return fmt.Errorf("INNOGRAPH_TRUSTED_DOCUMENTS_MODE=%q is neither off nor enforce", mode)
	case mode == "enforce" && len(files) == 0:
		return fmt.Errorf("INNOGRAPH_TRUSTED_DOCUMENTS_MODE=enforce needs manifests in INNOGRAPH_TRUSTED_DOCUMENTS")
	case len(files) == 0:
		return nil
	}
	docs, err := graph.LoadTrustedDocuments(mode == "enforce", files...)
	if err != nil {
		return fmt.Errorf("INNOGRAPH_TRUSTED_DOCUMENTS: %w", err)
	}
	c.Trusted = docs
	return nil
}

// readTokensFile reads lines of "read TOKEN" or "write TOKEN"; # starts a comment.
func (c *config) readTokensFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("INNOGRAPH_TOKENS_FILE: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		role, token, ok := strings.Cut(line, " ")
		token = strings.TrimSpace(token)
		switch {
		case ok && role == "read" && token != "":
			c.ReadTokens = append(c.ReadTokens, token)
		case ok && role == "write" && token != "":
			c.WriteTokens = append(c.WriteTokens, token)
		default:
			return fmt.Errorf("INNOGRAPH_TOKENS_FILE %s:%d: want \"read TOKEN\" or \"write TOKEN\"", path, n)
		}
	}
	return sc.Err()
}

// env reads typed variables, collecting errors instead of stopping at the first.
type env struct {
	get  func(string) string
	errs []string
}

func (e *env) str(name, def string) string {
	if v := strings.TrimSpace(e.get(name)); v != "" {
		return v
	}
	return def
}

func (e *env) list(name string, def []string) []string {
	v := e.str(name, "")
	if v == "" {
		return def
	}
	var out []string
	for _, item := range strings.Split(v, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

func (e *env) integer(name string, def int) int { return e.wholeNumber(name, def, 1) }

// atLeastZero reads a whole number where 0 means "off".
func (e *env) atLeastZero(name string, def int) int { return e.wholeNumber(name, def, 0) }

func (e *env) wholeNumber(name string, def, least int) int {
	v := e.str(name, "")
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < least {
		e.errs = append(e.errs, fmt.Sprintf("%s=%q is not a whole number ≥ %d", name, v, least))
	}
	return n
}

// rate reads a number of events per second where 0 means "off".
func (e *env) rate(name string, def float64) float64 {
	v := e.str(name, "")
	if v == "" {
		return def
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || x < 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		e.errs = append(e.errs, fmt.Sprintf("%s=%q is not a number ≥ 0 (per second)", name, v))
	}
	return x
}

func (e *env) duration(name string, def time.Duration) time.Duration {
	return e.span(name, def, "a positive duration such as 5s", 1)
}

// durationOrOff reads a duration where 0 means "off".
func (e *env) durationOrOff(name string, def time.Duration) time.Duration {
	return e.span(name, def, "a duration such as 1s, or 0", 0)
}

func (e *env) span(name string, def time.Duration, want string, least time.Duration) time.Duration {
	v := e.str(name, "")
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < least {
		e.errs = append(e.errs, fmt.Sprintf("%s=%q is not %s", name, v, want))
	}
	return d
}

func (e *env) boolean(name string, def bool) bool {
	v := e.str(name, "")
	if v == "" {
		return def
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		e.errs = append(e.errs, fmt.Sprintf("%s=%q is not true or false", name, v))
	}
	return b
}

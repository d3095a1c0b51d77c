package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/innograph/innograph/graph/hostile"
)

// The abuse shapes of issue 10: small requests that must not take the
// server or Neo4j down, each with its expected answer, the time it took and
// the server's peak RSS growth while it ran.

const maxGrowth = 64 << 20 // the bound on memory growth per request

// shape is one abusive request and what must come of it.
type shape struct {
	Name     string
	Expected string
	Send     func(ctx context.Context) outcome
	Judge    func(o outcome) (observed string, ok bool)
	MaxTime  time.Duration
	Neo4j    bool // also check that Neo4j is idle a second after the answer
}

type abuser struct {
	c        *client
	run      string
	ent      string // an enterprise of the sample graph
	server   int    // pid of the server
	neo4jPID func() (int, error)
}

// shapes lists the abuse in the order it runs: the costly ones last, since
// a server that does not bound them may keep a core busy long after.
func (a abuser) shapes() []shape {
	gql := func(q string) func(context.Context) outcome {
		return func(ctx context.Context) outcome { return a.c.gql(ctx, q, nil) }
	}
	body := func(b string) func(context.Context) outcome {
		return func(ctx context.Context) outcome { return a.c.raw(ctx, []byte(b), "") }
	}
	badName := func(name string) func(context.Context) outcome {
		return func(ctx context.Context) outcome {
			return a.c.gql(ctx, qCreate, map[string]any{"input": map[string]any{"id": "chaos-" + a.run + "-bad-" + fmt.Sprint(len(name)), "name": name}})
		}
	}
	return []shape{
		{Name: "`Bearer  token` (two spaces)", Expected: "UNAUTHENTICATED", MaxTime: time.Second, Judge: wantCode("UNAUTHENTICATED"),
			Send: func(ctx context.Context) outcome {
				b, _ := json.Marshal(map[string]any{"query": `mutation { deleteNode(id: "chaos-none") { deletedId } }`})
				return a.c.raw(ctx, b, "Bearer  "+a.c.token)
			}},
		{Name: "name with NUL", Expected: "BAD_USER_INPUT", MaxTime: time.Second, Judge: wantCode("BAD_USER_INPUT"), Send: badName("混沌\x00企业")},
		{Name: "name with an ANSI escape", Expected: "BAD_USER_INPUT", MaxTime: time.Second, Judge: wantCode("BAD_USER_INPUT"), Send: badName("混沌\x1b[31m企业红")},
		{Name: "name with a bidi override", Expected: "BAD_USER_INPUT", MaxTime: time.Second, Judge: wantCode("BAD_USER_INPUT"), Send: badName("混沌\u202e企业业反")},
		{Name: "bad JSON", Expected: "400, a client code", MaxTime: time.Second, Judge: want400, Send: body(`{"query": "{ __typename }"`)},
		{Name: "batch array", Expected: "400, a client code", MaxTime: time.Second, Judge: want400, Send: body(`[{"query": "{ __typename }"}]`)},
		{Name: "`query: 1`", Expected: "400, a client code", MaxTime: time.Second, Judge: want400, Send: body(`{"query": 1}`)},
		{Name: "chunked 2 MiB body", Expected: "413", MaxTime: 2 * time.Second, Judge: wantStatus(413),
			Send: func(ctx context.Context) outcome {
				r := io.MultiReader(strings.NewReader(`{"query": "{ __typename }", "variables": {"pad": "`),
					io.LimitReader(repeatByte('x'), 2<<20), strings.NewReader(`"}}`))
				return a.c.send(ctx, r, -1, "") // length -1: chunked, no Content-Length
			}},
		{Name: "slowly sent body (1 byte / 500 ms)", Expected: "4xx from a read timeout shorter than the 15 s deadline", MaxTime: 10 * time.Second, Judge: want4xx,
			Send: func(ctx context.Context) outcome { return slowPost(ctx, a.c.base, 40*time.Second) }},
		{Name: "1,000 same-name conflicting aliases", Expected: "refused or answered, ≤ 100 errors", MaxTime: time.Second, Judge: boundedErrors(100),
			Send: gql(hostile.ConflictingAliases(1000))},
		{Name: "25 levels of alliances→members", Expected: "refused or answered; Neo4j idle after", MaxTime: 6 * time.Second, Judge: notFailed, Neo4j: true,
			Send: gql(deepNesting(a.ent, 25))},
		{Name: "40,000 repeated `id` fields", Expected: "refused or answered", MaxTime: time.Second, Judge: notFailed,
			Send: gql(hostile.RepeatedField(a.ent, 40000))},
	}
}

// abuse runs every shape and returns its rows of the table.
func (a abuser) abuse(ctx context.Context) []check {
	var out []check
	for _, s := range a.shapes() {
		logf("abuse: %s", s.Name)
		out = append(out, a.try(ctx, s))
	}
	return out
}

func (a abuser) try(ctx context.Context, s shape) check {
	w := watchRSS(a.server)
	o := s.Send(ctx)
	growth := w.growth()
	observed, ok := s.Judge(o)
	elapsed := o.Latency
	numbers := fmt.Sprintf("%d ms (≤ %d); RSS +%s; %d B answer", elapsed.Milliseconds(), s.MaxTime.Milliseconds(), mib(growth), o.Bytes)
	ok = ok && elapsed <= s.MaxTime && growth <= maxGrowth
	if s.Neo4j {
		share, err := a.neo4jBusy()
		if err != nil {
			numbers += "; Neo4j CPU unknown: " + err.Error()
		} else {
			numbers += fmt.Sprintf("; Neo4j %.0f%% of a core 1–4 s after", share*100)
			ok = ok && share <= 0.2
		}
	}
	return check{Name: s.Name, Expected: s.Expected + fmt.Sprintf(" in ≤ %s, ≤ 64 MiB", s.MaxTime), Observed: observed, Pass: ok, Numbers: numbers}
}

// neo4jBusy measures Neo4j's CPU from 1 s to 4 s after an answer: a
// statement that outlives its answer by more than a second shows here.
func (a abuser) neo4jBusy() (float64, error) {
	pid, err := a.neo4jPID()
	if err != nil {
		return 0, err
	}
	time.Sleep(time.Second)
	return cpuShare(pid, 3*time.Second)
}

// describe says what an outcome was, briefly: status, class and first code.
func describe(o outcome) string {
	s := fmt.Sprintf("%d %s", o.Status, classify(o))
	if c := o.Code(); c != "" && c != string(classify(o)) {
		s += " " + c
	}
	if o.Errors > 1 {
		s += fmt.Sprintf(" (%d errors)", o.Errors)
	}
	if o.Err != "" {
		s += ": " + truncate(o.Err, 60)
	}
	return s
}

func wantCode(code string) func(outcome) (string, bool) {
	return func(o outcome) (string, bool) { return describe(o), o.Code() == code }
}

func wantStatus(status int) func(outcome) (string, bool) {
	return func(o outcome) (string, bool) { return describe(o), o.Status == status }
}

// want400 wants a 400 that names a client code, not INTERNAL.
func want400(o outcome) (string, bool) {
	return describe(o), o.Status == http.StatusBadRequest && classify(o) == classRefused
}

func want4xx(o outcome) (string, bool) {
	return describe(o), o.Status >= 400 && o.Status < 500
}

// notFailed accepts an answer or a refusal, not a failure.
func notFailed(o outcome) (string, bool) {
	c := classify(o)
	return describe(o), c == classOK || c == classRefused
}

func boundedErrors(n int) func(outcome) (string, bool) {
	return func(o outcome) (string, bool) {
		observed, ok := notFailed(o)
		return observed, ok && o.Errors <= n
	}
}

// deepNesting walks enterprise → alliances → alliance → members → member
// levels times, one of each at every level.
func deepNesting(id string, levels int) string {
	open := "... on Enterprise { id alliances(first: 1) { edges { node { alliance { id members(first: 1) { edges { node { member { id "
	return fmt.Sprintf(`{ node(id: %q) { %s%s} }`, id, strings.Repeat(open, levels), strings.Repeat("} } } } } } } } } ", levels))
}

// repeatByte is an endless reader of one byte.
type repeatByte byte

func (r repeatByte) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// slowPost sends a small request whose body trickles in a byte every 500
// ms, as a slowloris would, and reads whatever answer comes first. It gives
// up after limit.
func slowPost(ctx context.Context, base string, limit time.Duration) outcome {
	o := outcome{Start: time.Now()}
	body := `{"query": "{ __typename }", "variables": {"pad": "` + strings.Repeat("x", 100) + `"}}`
	conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		o.Err = err.Error()
		return o
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(limit))
	fmt.Fprintf(conn, "POST /query HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", strings.TrimPrefix(base, "http://"), len(body))
	answered := make(chan struct{})
	go func() {
		defer close(answered)
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			o.Err = err.Error()
			return
		}
		defer res.Body.Close()
		decodeAnswer(&o, res)
	}()
	t := time.NewTicker(500 * time.Millisecond)
	defer t.Stop()
	for i := 0; i < len(body); {
		select {
		case <-answered:
			o.Latency = time.Since(o.Start)
			return o
		case <-t.C:
			if _, err := conn.Write([]byte{body[i]}); err != nil {
				i = len(body) // the server stopped reading; wait for its answer
			}
			i++
		}
	}
	<-answered
	o.Latency = time.Since(o.Start)
	return o
}

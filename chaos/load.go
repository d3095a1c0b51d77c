package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"
)

// The load: a fixed number of workers, each in a closed loop of writes on
// enterprises it created itself (so every check knows what to expect) and
// reads of the sample graph, until the context ends or maxOps is reached.

const (
	qCreate = `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`
	qUpdate = `mutation($id: ID!, $input: UpdateEnterpriseInput!) { updateEnterprise(id: $id, input: $input) { id nameEn } }`
	qMember = `mutation($input: MembershipInput!) { addMembership(input: $input) { role } }`
	qCollab = `mutation($input: CollaborationInput!) { addCollaboration(input: $input) { kind } }`
	qNode   = `query($id: ID!) { node(id: $id) { id name ... on Alliance { members(first: 5) { edges { node { role member { id name } } } } } } }`
	qChain  = `query($from: ID!, $to: ID!) { chain(from: $from, to: $to, maxHops: 3, first: 3) { chains { length } } }`
	qNet    = `query($id: ID!) { network(id: $id, depth: 2, maxNodes: 50) { nodes { distance node { id } } } }`
	qPage   = `{ enterprises(first: 20, orderBy: {field: NAME}) { edges { node { id name } } pageInfo { hasNextPage } } }`
)

// collabKinds are the collaboration kinds a worker cycles through.
var collabKinds = []string{"JOINT_LAB", "JOINT_PROJECT", "RD_CENTER", "TECHNICAL_SERVICE"}

// write is one mutation the load sent, kept so that it can be verified and
// retried with exactly the same id and values.
type write struct {
	Op    string // createEnterprise, addMembership, addCollaboration, updateEnterprise
	Query string
	Vars  map[string]any
	Node  string // the enterprise written to (or from)
	Other string // the alliance or partner of a relationship
	Kind  string // the collaboration kind
	Value string // the nameEn an update set
}

// record is one request of the load.
type record struct {
	Op    string
	Out   outcome
	Class class
	Write *write // nil for reads
	Seq   int    // per-worker order of updates
}

// sample holds ids of the sample graph the load reads and links to.
type sample struct {
	Alliances    []string
	Universities []string
}

// loader runs the load and keeps every record.
type loader struct {
	c       *client
	run     string // tag of this run: ids and the industry of created enterprises
	s       sample
	workers int
	maxOps  int

	mu      sync.Mutex
	records []record
}

func (l *loader) add(r record) {
	l.mu.Lock()
	l.records = append(l.records, r)
	l.mu.Unlock()
}

// snapshot returns the records so far.
func (l *loader) snapshot() []record {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]record(nil), l.records...)
}

// industry tags every enterprise this run creates, so they can be counted.
func (l *loader) industry() string { return "chaos-" + l.run }

// loadRun runs the workers until ctx ends.
func (l *loader) loadRun(ctx context.Context) {
	var wg sync.WaitGroup
	for w := range l.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.worker(ctx, w)
		}()
	}
	wg.Wait()
}

// worker is one closed-loop client. Its writes touch only enterprises it
// created and was told were created; relationship pairs are tried once each.
func (l *loader) worker(loop context.Context, w int) {
	// The end of the load stops the loop, not a request in flight: a
	// request cut by the battery would tell nothing about the server.
	ctx := context.WithoutCancel(loop)
	rng := rand.New(rand.NewPCG(uint64(w), 42))
	var own []string
	tried := map[string]bool{}
	seq := 0
	for n := 0; n < l.maxOps && loop.Err() == nil; n++ {
		var r record
		switch p := rng.IntN(100); {
		case p < 20 || len(own) == 0:
			r = l.create(ctx, fmt.Sprintf("chaos-%s-w%d-%d", l.run, w, n), n)
			if r.Class == classOK {
				own = append(own, r.Write.Node)
			}
		case p < 30:
			r = l.member(ctx, own[rng.IntN(len(own))], l.s.Alliances[rng.IntN(len(l.s.Alliances))], tried)
		case p < 40:
			r = l.collab(ctx, own[rng.IntN(len(own))], l.s.Universities[rng.IntN(len(l.s.Universities))], collabKinds[rng.IntN(len(collabKinds))], tried)
		case p < 55:
			seq++
			r = l.update(ctx, own[rng.IntN(len(own))], fmt.Sprintf("v%d-%d", w, seq))
			r.Seq = seq
		default:
			r = l.read(ctx, rng)
		}
		if r.Op == "" {
			continue // a relationship pair already tried
		}
		l.add(r)
		if r.Class != classOK {
			// Back off a little so an outage is not a busy loop.
			select {
			case <-loop.Done():
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
}

func (l *loader) send(ctx context.Context, wr *write) record {
	out := l.c.gql(ctx, wr.Query, wr.Vars)
	return record{Op: wr.Op, Out: out, Class: classify(out), Write: wr}
}

func (l *loader) create(ctx context.Context, id string, n int) record {
	return l.send(ctx, &write{Op: "createEnterprise", Query: qCreate, Node: id, Vars: map[string]any{"input": map[string]any{
		"id": id, "name": "混沌企业 " + id, "industry": l.industry(),
		"region": "内蒙古自治区/巴彦淖尔市", "founded": 2000 + n%20,
	}}})
}

func (l *loader) member(ctx context.Context, ent, alliance string, tried map[string]bool) record {
	key := "m " + ent + " " + alliance
	if tried[key] {
		return record{}
	}
	tried[key] = true
	return l.send(ctx, &write{Op: "addMembership", Query: qMember, Node: ent, Other: alliance, Vars: map[string]any{"input": map[string]any{
		"memberId": ent, "allianceId": alliance, "role": "MEMBER", "since": 2020,
	}}})
}

func (l *loader) collab(ctx context.Context, ent, uni, kind string, tried map[string]bool) record {
	key := "c " + ent + " " + uni + " " + kind
	if tried[key] {
		return record{}
	}
	tried[key] = true
	return l.send(ctx, &write{Op: "addCollaboration", Query: qCollab, Node: ent, Other: uni, Kind: kind, Vars: map[string]any{"input": map[string]any{
		"fromId": ent, "toId": uni, "kind": kind, "title": "混沌合作 " + kind,
	}}})
}

func (l *loader) update(ctx context.Context, ent, value string) record {
	return l.send(ctx, &write{Op: "updateEnterprise", Query: qUpdate, Node: ent, Value: value, Vars: map[string]any{
		"id": ent, "input": map[string]any{"nameEn": value},
	}})
}

func (l *loader) read(ctx context.Context, rng *rand.Rand) record {
	a := l.s.Alliances[rng.IntN(len(l.s.Alliances))]
	u := l.s.Universities[rng.IntN(len(l.s.Universities))]
	var op, q string
	var vars map[string]any
	switch rng.IntN(4) {
	case 0:
		op, q, vars = "node", qNode, map[string]any{"id": a}
	case 1:
		op, q, vars = "chain", qChain, map[string]any{"from": a, "to": u}
	case 2:
		op, q, vars = "network", qNet, map[string]any{"id": u}
	default:
		op, q = "enterprises", qPage
	}
	out := l.c.gql(ctx, q, vars)
	return record{Op: op, Out: out, Class: classify(out)}
}

// loadSample reads the ids the load links to and reads.
func loadSample(ctx context.Context, c *client) (sample, error) {
	out := c.gql(ctx, `{ alliances(first: 50) { edges { node { id } } } universities(first: 50) { edges { node { id } } } }`, nil)
	var data struct {
		Alliances struct {
			Edges []struct{ Node struct{ ID string } }
		}
		Universities struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	if classify(out) != classOK {
		return sample{}, fmt.Errorf("read the sample graph: %s %v %s", classify(out), out.Codes, out.Err)
	}
	if err := out.decode(&data); err != nil {
		return sample{}, err
	}
	var s sample
	for _, e := range data.Alliances.Edges {
		s.Alliances = append(s.Alliances, e.Node.ID)
	}
	for _, e := range data.Universities.Edges {
		s.Universities = append(s.Universities, e.Node.ID)
	}
	if len(s.Alliances) == 0 || len(s.Universities) == 0 {
		return s, fmt.Errorf("the sample graph has no alliances or universities")
	}
	return s, nil
}

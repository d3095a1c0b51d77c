package main

import (
	"context"
	"fmt"
	"sync"
)

// Races: many clients write the same thing at the same moment. From each
// client's view the answers must be linearisable: of N deletes of one node
// exactly one deleted it.

const (
	qDelete = `mutation($id: ID!) { deleteNode(id: $id) { deletedId detached { kind count } } }`
	qRemove = `mutation($m: ID!, $a: ID!) { removeMembership(memberId: $m, allianceId: $a) { role } }`
)

// together sends n requests as nearly at once as it can and returns their outcomes.
func together(ctx context.Context, n int, send func(i int) outcome) []outcome {
	out := make([]outcome, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			out[i] = send(i)
		}()
	}
	close(start)
	wg.Wait()
	return out
}

// tally counts outcomes as OK or by their code (or class when there is no code).
func tally(outs []outcome) histogram {
	h := histogram{}
	for _, o := range outs {
		switch c := classify(o); {
		case c == classOK:
			h.add("OK")
		case o.Code() != "":
			h.add(o.Code())
		default:
			h.add(string(c))
		}
	}
	return h
}

// raceRunner prepares nodes and relationships for the races through the API.
type raceRunner struct {
	c   *client
	run string
	s   sample
}

// prepare creates an enterprise that is a member of the first sample alliance.
func (r raceRunner) prepare(ctx context.Context, id string) error {
	if o := r.c.gql(ctx, qCreate, map[string]any{"input": map[string]any{"id": id, "name": "混沌竞态 " + id, "industry": "chaos-race-" + r.run}}); classify(o) != classOK {
		return fmt.Errorf("create %s: %s %v", id, classify(o), o.Codes)
	}
	o := r.c.gql(ctx, qMember, map[string]any{"input": map[string]any{"memberId": id, "allianceId": r.s.Alliances[0]}})
	if classify(o) != classOK {
		return fmt.Errorf("add membership of %s: %s %v", id, classify(o), o.Codes)
	}
	return nil
}

const raceRounds = 5

// races runs each race raceRounds times and returns its rows of the table.
func (r raceRunner) races(ctx context.Context) []check {
	return []check{r.deletes(ctx), r.updateVsDelete(ctx), r.removes(ctx)}
}

// deletes: 32 concurrent deleteNode of one node, per round.
func (r raceRunner) deletes(ctx context.Context) check {
	return r.exactlyOne(ctx, "32 concurrent deleteNode of one node", "del", 32, func(id string) outcome {
		return r.c.gql(ctx, qDelete, map[string]any{"id": id})
	})
}

// removes: 16 concurrent removeMembership of one relationship, per round.
func (r raceRunner) removes(ctx context.Context) check {
	return r.exactlyOne(ctx, "16 concurrent removeMembership of one relationship", "rm", 16, func(id string) outcome {
		return r.c.gql(ctx, qRemove, map[string]any{"m": id, "a": r.s.Alliances[0]})
	})
}

// exactlyOne sends n copies of a write that can succeed only once, on a
// fresh enterprise each round: one must succeed and the rest be NOT_FOUND.
func (r raceRunner) exactlyOne(ctx context.Context, name, tag string, n int, send func(id string) outcome) check {
	all := histogram{}
	badRounds := 0
	for round := range raceRounds {
		id := fmt.Sprintf("chaos-%s-%s-%d", r.run, tag, round)
		if err := r.prepare(ctx, id); err != nil {
			return failedSetup(name, err)
		}
		h := tally(together(ctx, n, func(int) outcome { return send(id) }))
		if h["OK"] != 1 || h["NOT_FOUND"] != n-1 {
			badRounds++
		}
		for k, c := range h {
			all[k] += c
		}
	}
	return check{Name: name, Expected: fmt.Sprintf("1 OK, %d NOT_FOUND per round", n-1),
		Observed: fmt.Sprintf("%d of %d rounds wrong", badRounds, raceRounds), Pass: badRounds == 0, Numbers: all.String()}
}

// updateVsDelete: 16 updates of a node racing its delete, per round.
func (r raceRunner) updateVsDelete(ctx context.Context) check {
	all := histogram{}
	bad, resurrected := 0, 0
	for round := range raceRounds {
		id := fmt.Sprintf("chaos-%s-upd-%d", r.run, round)
		if err := r.prepare(ctx, id); err != nil {
			return failedSetup("updateEnterprise racing deleteNode", err)
		}
		outs := together(ctx, 17, func(i int) outcome {
			if i == 8 {
				return r.c.gql(ctx, qDelete, map[string]any{"id": id})
			}
			return r.c.gql(ctx, qUpdate, map[string]any{"id": id, "input": map[string]any{"nameEn": fmt.Sprint("race ", i)}})
		})
		if classify(outs[8]) != classOK {
			bad++
		}
		updates := append(append([]outcome(nil), outs[:8]...), outs[9:]...)
		h := tally(updates)
		for k, n := range h {
			all[k] += n
			if k != "OK" && k != "NOT_FOUND" {
				bad += n
			}
		}
		if o := r.c.gql(ctx, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}); string(o.Data) != `{"node":null}` {
			resurrected++
		}
	}
	return check{Name: "updateEnterprise racing deleteNode", Expected: "updates OK or NOT_FOUND; node gone",
		Observed: fmt.Sprintf("%d wrong answers, %d nodes left", bad, resurrected), Pass: bad == 0 && resurrected == 0,
		Numbers: fmt.Sprintf("%d rounds of 16 updates + 1 delete; updates: %s", raceRounds, all)}
}

func failedSetup(name string, err error) check {
	return check{Name: name, Expected: "runs", Observed: "setup failed", Numbers: truncate(err.Error(), 120)}
}

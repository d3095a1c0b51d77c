package main

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"
)

// retryResult is what retrying one write of unknown outcome gave.
type retryResult struct {
	W     *write
	First class // the class of the load's answer
	Final outcome
	Class class
}

// retryUnknown sends every create or add whose answer left its outcome
// unknown again, with the same id and values, as a careful client would;
// it retries a retryable answer a few times, a second apart.
func retryUnknown(ctx context.Context, c *client, records []record) []retryResult {
	var out []retryResult
	for _, r := range records {
		if r.Write == nil || r.Op == "updateEnterprise" || !r.Class.unknownOutcome() {
			continue
		}
		res := retryResult{W: r.Write, First: r.Class}
		for attempt := 0; attempt < 5; attempt++ {
			res.Final = c.gql(ctx, r.Write.Query, r.Write.Vars)
			res.Class = classify(res.Final)
			if res.Class != classUnavailable && res.Class != classTimeout && res.Class != classTransport {
				break
			}
			if sleep(ctx, time.Second) != nil {
				break
			}
		}
		out = append(out, res)
	}
	return out
}

// stored is one enterprise as read back after the load.
type stored struct {
	Found   bool
	Name    string
	NameEn  string
	Members map[string]int // alliance id → how many memberships
	Collabs map[string]int // "partner kind" → how many collaborations
	Err     string
}

const qReadBack = `query($id: ID!) { node(id: $id) { id name nameEn ... on Enterprise {
  alliances(first: 100) { edges { node { alliance { id } } } }
  collaborators(first: 100) { edges { node { kind from { id } to { id } } } } } } }`

// readBack reads every enterprise the load tried to create, four at a time.
func readBack(ctx context.Context, c *client, ids []string) map[string]stored {
	out := make(map[string]stored, len(ids))
	var mu sync.Mutex
	work := make(chan string)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range work {
				st := readOne(ctx, c, id)
				mu.Lock()
				out[id] = st
				mu.Unlock()
			}
		}()
	}
	for _, id := range ids {
		work <- id
	}
	close(work)
	wg.Wait()
	return out
}

func readOne(ctx context.Context, c *client, id string) stored {
	o := c.gql(ctx, qReadBack, map[string]any{"id": id})
	st := stored{Members: map[string]int{}, Collabs: map[string]int{}}
	var data struct {
		Node *struct {
			ID, Name  string
			NameEn    *string
			Alliances struct {
				Edges []struct {
					Node struct{ Alliance struct{ ID string } }
				}
			}
			Collaborators struct {
				Edges []struct {
					Node struct {
						Kind     string
						From, To struct{ ID string }
					}
				}
			}
		}
	}
	if cl := classify(o); cl != classOK {
		st.Err = fmt.Sprintf("%s %v %s", cl, o.Codes, o.Err)
		return st
	}
	if err := o.decode(&data); err != nil {
		st.Err = err.Error()
		return st
	}
	if data.Node == nil {
		return st
	}
	st.Found, st.Name = true, data.Node.Name
	if data.Node.NameEn != nil {
		st.NameEn = *data.Node.NameEn
	}
	for _, m := range data.Node.Alliances.Edges {
		st.Members[m.Node.Alliance.ID]++
	}
	for _, e := range data.Node.Collaborators.Edges {
		cb := e.Node
		partner := cb.To.ID
		if partner == id {
			partner = cb.From.ID
		}
		st.Collabs[partner+" "+cb.Kind]++
	}
	return st
}

// verification is the comparison of what the clients were told with what is stored.
type verification struct {
	Acked, AckedMissing  int // acknowledged creates and adds; those not stored
	Missing              []string
	Duplicates           int // relationships stored more than once
	Retried, RetryOK     int
	RetryClasses         histogram
	Updates, UpdatesLost int // nodes with an acknowledged update; whose value is neither it nor a later unknown one
	Created, Counted     int // enterprises of this run found by id, and counted by the list
	ReadErrors           int
}

// verify checks every acknowledged write, and every retried one, against
// the stored graph. count is the list's totalCount of this run's enterprises.
func verify(records []record, retries []retryResult, st map[string]stored, count int) verification {
	v := verification{RetryClasses: histogram{}, Counted: count}
	acked := map[*write]bool{}
	for _, r := range records {
		if r.Write != nil && r.Class == classOK {
			acked[r.Write] = true
		}
	}
	for _, rr := range retries {
		v.Retried++
		v.RetryClasses.add(string(rr.Class))
		if rr.Class == classOK {
			v.RetryOK++
			acked[rr.W] = true
		}
	}
	for w := range acked {
		if w.Op == "updateEnterprise" {
			continue
		}
		v.Acked++
		s := st[w.Node]
		ok := s.Found
		switch w.Op {
		case "createEnterprise":
			ok = ok && s.Name == "混沌企业 "+w.Node
		case "addMembership":
			ok = ok && s.Members[w.Other] > 0
		case "addCollaboration":
			ok = ok && s.Collabs[w.Other+" "+w.Kind] > 0
		}
		if !ok {
			v.AckedMissing++
			v.Missing = append(v.Missing, w.Op+" "+w.Node+" "+w.Other)
		}
	}
	sort.Strings(v.Missing)
	for _, s := range st {
		if s.Err != "" {
			v.ReadErrors++
		}
		if s.Found {
			v.Created++
		}
		for _, n := range s.Members {
			v.Duplicates += n - 1
		}
		for _, n := range s.Collabs {
			v.Duplicates += n - 1
		}
	}
	v.Updates, v.UpdatesLost = checkUpdates(records, st)
	return v
}

// checkUpdates finds, per enterprise, the last acknowledged update; the
// stored value must be it or that of a later update whose outcome was unknown.
func checkUpdates(records []record, st map[string]stored) (nodes, lost int) {
	type seen struct {
		acked string
		later map[string]bool
	}
	by := map[string]*seen{}
	// Only the worker that created a node updates it, and a worker records
	// its requests in the order it sends them.
	for _, r := range records {
		if r.Op != "updateEnterprise" {
			continue
		}
		s := by[r.Write.Node]
		if s == nil {
			s = &seen{later: map[string]bool{}}
			by[r.Write.Node] = s
		}
		switch {
		case r.Class == classOK:
			s.acked, s.later = r.Write.Value, map[string]bool{}
		case r.Class.unknownOutcome():
			s.later[r.Write.Value] = true
		}
	}
	for node, s := range by {
		if s.acked == "" {
			continue
		}
		nodes++
		if v := st[node].NameEn; v != s.acked && !s.later[v] {
			lost++
		}
	}
	return nodes, lost
}

// verifyChecks turns the comparison into rows of the table.
func verifyChecks(v verification) []check {
	missing := ""
	if len(v.Missing) > 0 {
		missing = "e.g. " + v.Missing[0]
	}
	return []check{
		{Name: "acknowledged writes stored", Expected: "all", Observed: fmt.Sprintf("%d of %d", v.Acked-v.AckedMissing, v.Acked),
			Pass: v.AckedMissing == 0 && v.ReadErrors == 0, Numbers: joinNonEmpty(fmt.Sprintf("creates, memberships, collaborations; %d read-back errors", v.ReadErrors), missing)},
		{Name: "acknowledged updates kept", Expected: "last value (or a later unknown one)", Observed: fmt.Sprintf("%d of %d nodes", v.Updates-v.UpdatesLost, v.Updates), Pass: v.UpdatesLost == 0},
		{Name: "no duplicates", Expected: "0 duplicate relationships; nodes counted = nodes found", Observed: fmt.Sprintf("%d duplicates; %d counted, %d found", v.Duplicates, v.Counted, v.Created),
			Pass: v.Duplicates == 0 && v.Counted == v.Created},
		{Name: "unknown-outcome writes retried", Expected: "each retry succeeds", Observed: fmt.Sprintf("%d of %d", v.RetryOK, v.Retried), Pass: v.RetryOK == v.Retried,
			Numbers: "retry answers: " + v.RetryClasses.String()},
	}
}

func joinNonEmpty(a, b string) string {
	if b == "" {
		return a
	}
	return a + "; " + b
}

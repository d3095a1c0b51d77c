package neo4jdb_test

import (
	"context"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/graph/model"
	"github.com/innograph/innograph/graph/model/modeltest"
	"github.com/innograph/innograph/neo4jdb"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
)

// slowStatement runs far longer than any timeout of these tests.
const slowStatement = `UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 99 RETURN count(i) AS slowTestStatement`

// ourTransactions lists the transactions still running slowStatement.
func ourTransactions(t *testing.T) int {
	t.Helper()
	cfg := neo4jtest.Config()
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, driver, `SHOW TRANSACTIONS YIELD currentQuery
		WHERE currentQuery CONTAINS 'AS slowTestStatement' AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n`,
		nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	return int(res.Records[0].Values[0].(int64))
}

// TestNoStatementOutlivesItsEnd: a read that hits its transaction timeout,
// and one whose caller gives up first, leave nothing running in Neo4j
// within a second.
func TestNoStatementOutlivesItsEnd(t *testing.T) {
	neo4jtest.Open(t)
	cfg := neo4jtest.Config()
	cfg.ReadTimeout = 300 * time.Millisecond
	db, err := neo4jdb.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	for _, tc := range []struct {
		name     string
		deadline time.Duration
		want     model.Code
	}{
		{"transaction timeout", time.Minute, model.CodeTimeout},
		{"caller's deadline", 100 * time.Millisecond, model.CodeTimeout},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, cancel := context.WithTimeout(ctx, tc.deadline)
			defer cancel()
			start := time.Now()
			err := db.Read(c, slowStatement)
			if modeltest.Code(err) != tc.want {
				t.Fatalf("got %v, want %s", err, tc.want)
			}
			ended := time.Since(start)
			for ourTransactions(t) > 0 {
				if time.Since(start)-ended > time.Second {
					t.Fatalf("the statement still runs in Neo4j %v after its end", time.Since(start)-ended)
				}
				time.Sleep(50 * time.Millisecond)
			}
		})
	}
}

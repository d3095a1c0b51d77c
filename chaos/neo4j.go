package main

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/innograph/innograph/localneo4j"
)

// neo4jCtl is the battery's own local Neo4j, which it starts, kills and
// stops.
type neo4jCtl struct{ localneo4j.Instance }

// waitServing polls Neo4j over Bolt with RETURN 1 every 100 ms until it
// answers, and says when. The start script polls only once a second and
// reports READY after its own checks, so this is the moment Neo4j could
// serve again, from which recovery is measured.
func (n neo4jCtl) waitServing(ctx context.Context, limit time.Duration) (time.Time, error) {
	driver, err := neo4j.NewDriverWithContext(n.URI(), neo4j.BasicAuth("neo4j", n.Password, ""))
	if err != nil {
		return time.Time{}, err
	}
	defer driver.Close(context.Background())
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		try, cancel := context.WithTimeout(ctx, time.Second)
		_, err = neo4j.ExecuteQuery(try, driver, "RETURN 1", nil, neo4j.EagerResultTransformer)
		cancel()
		if err == nil {
			return time.Now(), nil
		}
		_ = sleep(ctx, 100*time.Millisecond)
	}
	return time.Time{}, fmt.Errorf("neo4j did not answer RETURN 1 within %s: %v", limit, err)
}

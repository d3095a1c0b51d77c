package main

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"testing"

	"github.com/innograph/innograph/apitest"
	"github.com/innograph/innograph/neo4jdb/neo4jtest"
	"github.com/innograph/innograph/synthetic"
)

// TestSystemsAgree keeps the benchmark honest: on a small synthetic graph,
// our server, the @neo4j/graphql peer and the raw-Cypher endpoint give the
// same data for every workload, so make bench cannot rot unnoticed.
func TestSystemsAgree(t *testing.T) {
	ours := apitest.New(t)
	db := ours.DB
	if _, err := exec.LookPath("node"); err != nil {
		if os.Getenv("INNOGRAPH_TEST_REQUIRE_DB") == "1" {
			t.Fatal("node is needed to run the peer")
		}
		t.Skip("no node to run the peer")
	}
	ctx := t.Context()
	cfg := synthetic.DefaultConfig(2000, 3)
	neo4jtest.LoadSynthetic(t, db, cfg)

	dbCfg := neo4jtest.Config()
	rawURL, stopRaw, err := startRaw(ctx, dbCfg.URI, dbCfg.Password, 4, db)
	if err != nil {
		t.Fatal(err)
	}
	defer stopRaw()
	peer, err := startPeer(ctx, "peer/server.js", dbCfg.URI, dbCfg.Password, false)
	if err != nil {
		t.Fatalf("%v (run `make bench/peer/node_modules` first)", err)
	}
	defer peer.stop()

	client := newGraphQLClient("", 4)
	systems := []system{
		{name: "ours", client: client, query: oursQueries, url: func(string) string { return ours.URL + "/query" }},
		{name: "raw", client: client, url: func(w string) string { return rawURL + "/" + w }},
		{name: "peer", client: client, query: peerQueries, url: func(string) string { return peer.url }},
	}
	rng := rand.New(rand.NewPCG(3, 42))
	connected, _, err := classifyPairs(ctx, db, cfg, rng, 5)
	if err != nil || len(connected) == 0 {
		t.Fatalf("pairs: %v %v", connected, err)
	}
	if err := checkSame(ctx, systems, comparisons(cfg, rng, 5, connected), 5); err != nil {
		t.Fatal(err)
	}
}

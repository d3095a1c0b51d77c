# InnoGraph: `make run` serves the API with a local Neo4j and the sample
# graph; `make test` runs every test against its own local Neo4j.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

GO ?= go
NEO4J_LOCAL := scripts/neo4j-local.sh
NEO4J_LOCAL_PASSWORD ?= innograph-dev
export NEO4J_LOCAL_PASSWORD

# The instance `make run` serves from, and the one `make test` uses: another
# port and data directory, so tests never touch the data `make run` serves.
RUN_PORT ?= 7687
RUN_DIR ?= .data/neo4j
TEST_PORT ?= 7688
TEST_DIR ?= .data/neo4j-test
# Benchmarks get a third instance with more memory, so 1M synthetic
# relationships never land in the data `make run` serves.
BENCH_PORT ?= 7689
BENCH_DIR ?= .data/neo4j-bench
BENCH_NODES ?= 100000
BENCH_BATCH ?= 10000
BENCH_HTTP ?= 127.0.0.1:8181
PEER_HTTP ?= 127.0.0.1:8182
# e.g. BENCH_FLAGS="-concurrency 4 -duration 5s"
BENCH_FLAGS ?=
# The reliability battery kills and restarts a Neo4j of its own.
CHAOS_PORT ?= 7692
CHAOS_DIR ?= .data/neo4j-chaos
CHAOS_HTTP ?= 127.0.0.1:8183
# e.g. CHAOS_FLAGS="-docs docs/reliability.md" to put the table in the docs
CHAOS_FLAGS ?=

.PHONY: help run neo4j neo4j-stop seed bench bench-quick bench-seed bench-bulk bench-scale bench-shed fuzz test test-unit outage chaos check generate build clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

run: ## Serve the API on http://localhost:8080 (starts a local Neo4j unless NEO4J_URI is set)
ifeq ($(strip $(NEO4J_URI)),)
	@$(MAKE) --no-print-directory neo4j
	NEO4J_URI=bolt://127.0.0.1:$(RUN_PORT) NEO4J_USER=neo4j NEO4J_PASSWORD=$(NEO4J_LOCAL_PASSWORD) $(GO) run .
else
	$(GO) run .
endif

neo4j: ## Start the local Neo4j in the background (no-op if it runs)
	NEO4J_LOCAL_DIR=$(RUN_DIR) NEO4J_LOCAL_PORT=$(RUN_PORT) $(NEO4J_LOCAL) start

neo4j-stop: ## Stop the local Neo4j
	NEO4J_LOCAL_DIR=$(RUN_DIR) NEO4J_LOCAL_PORT=$(RUN_PORT) $(NEO4J_LOCAL) stop

seed: ## Load the sample graph (seed/data/sample) into the local Neo4j (or NEO4J_URI)
ifeq ($(strip $(NEO4J_URI)),)
	@$(MAKE) --no-print-directory neo4j
	NEO4J_URI=bolt://127.0.0.1:$(RUN_PORT) NEO4J_PASSWORD=$(NEO4J_LOCAL_PASSWORD) $(GO) run ./seed seed/data/sample
else
	$(GO) run ./seed seed/data/sample
endif

# make bench: a fresh synthetic graph in the bench instance; our server on
# BENCH_HTTP and the @neo4j/graphql peer on PEER_HTTP over it; then bench/
# checks that they (and its own raw-Cypher endpoint) answer alike, measures
# them side by side and writes bench/RESULTS.md. Load shedding is off: the
# bench is one client at up to 16 concurrent requests, measuring the engine.
bench: build bench/peer/node_modules ## Load a synthetic graph (BENCH_NODES) and benchmark ours, the @neo4j/graphql peer and raw Cypher; writes bench/RESULTS.md
	export NEO4J_LOCAL_DIR=$(BENCH_DIR) NEO4J_LOCAL_PORT=$(BENCH_PORT) NEO4J_LOCAL_HEAP=4g NEO4J_LOCAL_PAGECACHE=2g; \
	$(NEO4J_LOCAL) stop; rm -rf $(BENCH_DIR); \
	$(NEO4J_LOCAL) start; \
	server=; peer=; trap 'test -z "$$server" || kill $$server; test -z "$$peer" || kill $$peer; $(NEO4J_LOCAL) stop' EXIT; \
	export NEO4J_URI=bolt://127.0.0.1:$(BENCH_PORT) NEO4J_PASSWORD=$(NEO4J_LOCAL_PASSWORD); \
	$(GO) run ./seed generate -nodes $(BENCH_NODES) -batch-size $(BENCH_BATCH); \
	INNOGRAPH_ADDR=$(BENCH_HTTP) INNOGRAPH_LOAD_SAMPLE=false INNOGRAPH_CLIENT_RATE=0 INNOGRAPH_CLIENT_CONCURRENCY=0 \
	bin/innograph 2>.data/bench-server.log & server=$$!; \
	NODE_ENV=production PEER_PORT=$(lastword $(subst :, ,$(PEER_HTTP))) node bench/peer/server.js >.data/bench-peer.log 2>&1 & peer=$$!; \
	for i in $$(seq 60); do curl -sf http://$(BENCH_HTTP)/readyz >/dev/null && grep -q ready .data/bench-peer.log && break; sleep 1; done; \
	$(GO) run ./bench -graphql http://$(BENCH_HTTP)/query -peer http://$(PEER_HTTP)/ -neo4j $$NEO4J_URI \
		-nodes $(BENCH_NODES) -pids ours=$$server,peer=$$peer,neo4j=$$(cat $(BENCH_DIR)/neo4j.pid) \
		-results bench/RESULTS.md $(BENCH_FLAGS)

bench-quick: ## make bench on a small graph, briefly: for development (about 3 minutes)
	$(MAKE) bench BENCH_NODES=20000 BENCH_FLAGS="-quick $(BENCH_FLAGS)"

# The peer's packages, exactly as locked.
bench/peer/node_modules: bench/peer/package.json bench/peer/package-lock.json
	cd bench/peer && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The Node projects under test/ (the graphql-http audit, TestHTTPAudit; the
# Apollo Client setup of docs/clients.md, TestApolloClient), exactly as locked.
test/%/node_modules: test/%/package.json test/%/package-lock.json
	cd test/$* && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The load is measured into a fresh database, so every run measures the same work.
bench-seed: ## Generate and load a synthetic graph (BENCH_NODES nodes, ~6 relationships each) into a fresh Neo4j; prints rows/s
	export NEO4J_LOCAL_DIR=$(BENCH_DIR) NEO4J_LOCAL_PORT=$(BENCH_PORT) NEO4J_LOCAL_HEAP=4g NEO4J_LOCAL_PAGECACHE=2g; \
	$(NEO4J_LOCAL) stop; rm -rf $(BENCH_DIR); \
	$(NEO4J_LOCAL) start; \
	trap '$(NEO4J_LOCAL) stop' EXIT; \
	NEO4J_URI=bolt://127.0.0.1:$(BENCH_PORT) NEO4J_PASSWORD=$(NEO4J_LOCAL_PASSWORD) \
	$(GO) run ./seed generate -nodes $(BENCH_NODES) -batch-size $(BENCH_BATCH)

# make bench-bulk: the same synthetic graph loaded twice, side by side in one
# run: through transactions into a fresh bench instance (as bench-seed), then
# through Neo4j's offline importer into a new data directory (seed generate
# -bulk), started and its schema brought online (seed -dry-run creates the
# schema and waits for the indexes). Each step prints its wall time.
BULK_DIR ?= .data/neo4j-bulk-bench
BENCH_HEAP ?= 4g
BENCH_PAGECACHE ?= 2g
bench-bulk: ## Load BENCH_NODES synthetic nodes through transactions and through the offline importer (seed bulk), side by side; prints rows/s
	$(GO) build -o bin/seed ./seed
	export NEO4J_LOCAL_HEAP=$(BENCH_HEAP) NEO4J_LOCAL_PAGECACHE=$(BENCH_PAGECACHE) NEO4J_PASSWORD=$(NEO4J_LOCAL_PASSWORD) \
		NEO4J_URI=bolt://127.0.0.1:$(BENCH_PORT) NEO4J_LOCAL_PORT=$(BENCH_PORT) TIMEFORMAT='%R s wall'; \
	NEO4J_LOCAL_DIR=$(BENCH_DIR) $(NEO4J_LOCAL) stop; NEO4J_LOCAL_DIR=$(BULK_DIR) $(NEO4J_LOCAL) stop; \
	rm -rf $(BENCH_DIR) $(BULK_DIR); \
	trap 'NEO4J_LOCAL_DIR=$(BENCH_DIR) $(NEO4J_LOCAL) stop; NEO4J_LOCAL_DIR=$(BULK_DIR) $(NEO4J_LOCAL) stop' EXIT; \
	NEO4J_LOCAL_DIR=$(BENCH_DIR) $(NEO4J_LOCAL) start; \
	echo "== transactional: seed generate -nodes $(BENCH_NODES)"; \
	time bin/seed generate -nodes $(BENCH_NODES) -batch-size $(BENCH_BATCH); \
	NEO4J_LOCAL_DIR=$(BENCH_DIR) $(NEO4J_LOCAL) stop; \
	echo "== bulk: seed generate -bulk -nodes $(BENCH_NODES)"; \
	time bin/seed generate -bulk -nodes $(BENCH_NODES) -neo4j-dir $(BULK_DIR) 2>.data/bench-bulk-import.log; \
	echo "== bulk: start and bring the schema online"; \
	time { NEO4J_LOCAL_DIR=$(BULK_DIR) $(NEO4J_LOCAL) start && bin/seed -dry-run seed/data/sample >/dev/null; }

# make bench-scale: how costs grow with the graph. For each of SCALE_SIZES,
# a fresh Neo4j, the synthetic graph loaded through transactions (time and
# peak memory), our server on it and bench on it; bench/scale puts the sizes
# side by side in bench/SCALE.md. SCALE_DENSITY=2 makes the graph about 11
# relationships a node instead of 5.7.
SCALE_SIZES ?= 100000,1000000
SCALE_DENSITY ?= 1
bench-scale: build ## How load time and memory, and W1–W6 and path queries' p50/p99/db hits, grow from 100k to 1M nodes; writes bench/SCALE.md (~25 min)
	$(GO) build -o bin/seed ./seed
	$(GO) build -o bin/bench ./bench
	$(GO) run ./bench/scale -sizes $(SCALE_SIZES) -density $(SCALE_DENSITY) $(SCALE_FLAGS)

# make bench-shed: a fresh Neo4j with the sample graph; bench/shed starts the
# server itself, with load shedding on and off, and prints one table.
SHED_PORT ?= 7691
SHED_DIR ?= .data/neo4j-shed
bench-shed: build ## Well-behaved client's latency alone and under a flood, load shedding on and off (docs/reliability.md)
	export NEO4J_LOCAL_DIR=$(SHED_DIR) NEO4J_LOCAL_PORT=$(SHED_PORT); \
	$(NEO4J_LOCAL) stop; rm -rf $(SHED_DIR); \
	$(NEO4J_LOCAL) start; \
	trap '$(NEO4J_LOCAL) stop' EXIT; \
	NEO4J_URI=bolt://127.0.0.1:$(SHED_PORT) NEO4J_PASSWORD=$(NEO4J_LOCAL_PASSWORD) $(GO) run ./bench/shed -bin bin/innograph -neo4j-pidfile $(SHED_DIR)/neo4j.pid $(BENCH_FLAGS)

# make chaos: a fresh Neo4j and the server binary; chaos/ starts both, loads
# them, kills Neo4j mid-load and restarts it, and prints one table (exit 1 on
# any FAIL). Not part of make test: it takes about five minutes.
chaos: build ## Reliability battery: load with Neo4j killed mid-way, races, abuse shapes; one table (~5 min)
	export NEO4J_LOCAL_DIR=$(CHAOS_DIR) NEO4J_LOCAL_PORT=$(CHAOS_PORT); \
	$(NEO4J_LOCAL) stop; rm -rf $(CHAOS_DIR); \
	trap '$(NEO4J_LOCAL) stop >/dev/null' EXIT; \
	$(GO) run ./chaos -bin bin/innograph -addr $(CHAOS_HTTP) -neo4j-dir $(CHAOS_DIR) -neo4j-port $(CHAOS_PORT) $(CHAOS_FLAGS)

test: check bench/peer/node_modules test/http-audit/node_modules test/apollo-client/node_modules ## Run all tests against a Neo4j of their own (started and stopped here)
	set -e; \
	export NEO4J_LOCAL_DIR=$(TEST_DIR) NEO4J_LOCAL_PORT=$(TEST_PORT); \
	$(NEO4J_LOCAL) start; \
	trap '$(NEO4J_LOCAL) stop' EXIT; \
	export INNOGRAPH_TEST_NEO4J_URI=bolt://127.0.0.1:$(TEST_PORT) INNOGRAPH_TEST_NEO4J_PASSWORD=$(NEO4J_LOCAL_PASSWORD) INNOGRAPH_TEST_REQUIRE_DB=1; \
	$(GO) test -p 1 -count=1 ./...; \
	$(GO) test -run='^$$' -fuzz=FuzzQuery -fuzztime=$(TEST_FUZZTIME) ./edge

# make test fuzzes the HTTP handler briefly; make fuzz for longer (FUZZTIME).
TEST_FUZZTIME ?= 10s
fuzz: ## Fuzz the HTTP handler for FUZZTIME (default 15s) against the test Neo4j
	export NEO4J_LOCAL_DIR=$(TEST_DIR) NEO4J_LOCAL_PORT=$(TEST_PORT); \
	$(NEO4J_LOCAL) start; \
	trap '$(NEO4J_LOCAL) stop' EXIT; \
	INNOGRAPH_TEST_NEO4J_URI=bolt://127.0.0.1:$(TEST_PORT) INNOGRAPH_TEST_NEO4J_PASSWORD=$(NEO4J_LOCAL_PASSWORD) \
	INNOGRAPH_TEST_REQUIRE_DB=1 $(GO) test -run='^$$' -fuzz=FuzzQuery -fuzztime=$(or $(FUZZTIME),15s) ./edge

# make outage: kills a Neo4j of its own under load and restarts it (about a
# minute; not part of make test). Prints what clients were told, by phase.
OUTAGE_PORT ?= 7690
OUTAGE_DIR ?= .data/neo4j-outage

outage: ## Kill Neo4j mid-load, restart it, check the answers, /readyz and the recovery time
	export NEO4J_LOCAL_DIR=$(OUTAGE_DIR) NEO4J_LOCAL_PORT=$(OUTAGE_PORT); \
	$(NEO4J_LOCAL) start; \
	trap '$(NEO4J_LOCAL) stop' EXIT; \
	INNOGRAPH_OUTAGE_NEO4J_DIR=$(OUTAGE_DIR) INNOGRAPH_OUTAGE_NEO4J_PORT=$(OUTAGE_PORT) \
	INNOGRAPH_TEST_NEO4J_PASSWORD=$(NEO4J_LOCAL_PASSWORD) $(GO) test -count=1 -run '^TestOutage$$' -v ./edge

test-unit: ## Run the tests that need no database (integration tests skip)
	$(GO) test ./...

check: ## gofmt, go vet, generated code up to date, schema described, root fields nullable, one mutation argument convention, package diagram up to date
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	$(GO) run github.com/99designs/gqlgen generate
	@git diff --exit-code -- graph/ go.mod go.sum || { echo "generated code is stale: run 'make generate' and commit"; exit 1; }
	$(GO) test -count=1 -run '^(TestSchemaDescriptions|TestRootFieldsNullable|TestMutationArgumentConvention)$$' ./graph/
	scripts/package-diagram.sh --check docs/design.md

# The playground (GraphiQL, web/graphiql) is built with esbuild into
# edge/playground and committed, so `go build` alone serves it offline;
# make check rebuilds it from the sources and lockfile and compares.
.PHONY: graphiql check-graphiql
graphiql: web/graphiql/node_modules ## Rebuild the playground (web/graphiql → edge/playground); commit the result
	cd web/graphiql && node build.mjs ../../edge/playground

check: check-graphiql
check-graphiql: web/graphiql/node_modules
	@out=$$(mktemp -d); trap 'rm -rf "$$out"' EXIT; \
	(cd web/graphiql && node build.mjs "$$out/playground"); \
	diff -rq edge/playground "$$out/playground" || { echo "edge/playground differs from a build of web/graphiql: run 'make graphiql' and commit"; exit 1; }

# The web pages' packages, exactly as locked.
web/%/node_modules: web/%/package.json web/%/package-lock.json
	cd web/$* && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The explorer (/explore): TypeScript in web/explorer, bundled by esbuild
# into edge/explore, which is committed so that `go build` alone makes a
# binary whose pages work; make check rebuilds it and compares.
.PHONY: explorer explorer-check screenshot bench-explorer
explorer: web/explorer/node_modules ## Build the explorer (web/explorer) into edge/explore, from its lockfile
	cd web/explorer && npm run --silent typecheck && node build.mjs

check: explorer-check
explorer-check: web/explorer/node_modules ## Unit tests of the explorer, and the committed edge/explore is what its sources and lockfile build
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	(cd web/explorer && npm run --silent typecheck && npm test --silent && node build.mjs "$$tmp/explore"); \
	diff -r "$$tmp/explore" edge/explore || { echo "edge/explore is stale: run 'make explorer' and commit"; exit 1; }

# make bench-explorer: a synthetic graph (BENCH_NODES) in a Neo4j of its
# own, then the explorer drawing 200- and 1,000-node networks of it in
# headless Chromium (BenchmarkExplorerDraw; docs/explorer.md).
EXPLORER_BENCH_PORT ?= 7693
EXPLORER_BENCH_DIR ?= .data/neo4j-explorer-bench
bench-explorer: ## Time from answer to drawing of 200- and 1,000-node networks, and pan frame rate, in headless Chromium (docs/explorer.md)
	export NEO4J_LOCAL_DIR=$(EXPLORER_BENCH_DIR) NEO4J_LOCAL_PORT=$(EXPLORER_BENCH_PORT) NEO4J_LOCAL_HEAP=2g; \
	$(NEO4J_LOCAL) stop; rm -rf $(EXPLORER_BENCH_DIR); \
	$(NEO4J_LOCAL) start; \
	trap '$(NEO4J_LOCAL) stop' EXIT; \
	NEO4J_URI=bolt://127.0.0.1:$(EXPLORER_BENCH_PORT) NEO4J_PASSWORD=$(NEO4J_LOCAL_PASSWORD) $(GO) run ./seed generate -nodes $(BENCH_NODES) -batch-size $(BENCH_BATCH); \
	INNOGRAPH_TEST_NEO4J_URI=bolt://127.0.0.1:$(EXPLORER_BENCH_PORT) INNOGRAPH_TEST_NEO4J_PASSWORD=$(NEO4J_LOCAL_PASSWORD) \
	$(GO) test -run '^$$' -bench BenchmarkExplorerDraw -benchtime 5x ./test/browser/

# make screenshot: the README's picture of the explorer, taken by the
# browser test (test/browser) at a chain of the sample graph.
screenshot: ## Regenerate docs/explorer.png: the explorer showing a chain of the sample graph (headless Chromium)
	export NEO4J_LOCAL_DIR=$(TEST_DIR) NEO4J_LOCAL_PORT=$(TEST_PORT); \
	$(NEO4J_LOCAL) start; \
	trap '$(NEO4J_LOCAL) stop' EXIT; \
	INNOGRAPH_TEST_NEO4J_URI=bolt://127.0.0.1:$(TEST_PORT) INNOGRAPH_TEST_NEO4J_PASSWORD=$(NEO4J_LOCAL_PASSWORD) INNOGRAPH_TEST_REQUIRE_DB=1 \
	INNOGRAPH_SCREENSHOT=$(CURDIR)/docs/explorer.png $(GO) test -count=1 -run '^TestExplorer$$' ./test/browser/

generate: ## Regenerate gqlgen code after editing schema.graphqls
	$(GO) run github.com/99designs/gqlgen generate

build: ## Build the server binary into bin/
	$(GO) build -o bin/innograph .

clean: neo4j-stop ## Stop the local Neo4j and remove build output (keeps .data/)
	rm -rf bin neo4j-local/target

#!/usr/bin/env bash
# Starts, stops and reports on a local embedded Neo4j 5.26 (see neo4j-local/).
#
#   scripts/neo4j-local.sh start|stop|status
#   scripts/neo4j-local.sh import IMPORTER-OPTIONS...
#
# import runs Neo4j's offline importer (neo4j-admin database import full,
# from the same artifacts) into the default database of the data directory,
# which must be stopped and new: `go run ./seed bulk` calls it with the CSV
# files it wrote (seed/README.md, "Bulk load").
#
# Environment (defaults in brackets):
#   NEO4J_LOCAL_DIR       data directory, relative to the repo root [.data/neo4j]
#   NEO4J_LOCAL_PORT      Bolt port on 127.0.0.1 [7687]
#   NEO4J_LOCAL_PASSWORD  password of user neo4j [innograph-dev]
#   NEO4J_LOCAL_HEAP      JVM heap [1g]
#   NEO4J_LOCAL_PAGECACHE Neo4j page cache [512m]
#   NEO4J_LOCAL_WAIT      seconds to wait for Bolt on start [180]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
launcher="$root/neo4j-local"
dir="${NEO4J_LOCAL_DIR:-.data/neo4j}"
[[ "$dir" = /* ]] || dir="$root/$dir"
port="${NEO4J_LOCAL_PORT:-7687}"
heap="${NEO4J_LOCAL_HEAP:-1g}"
wait_s="${NEO4J_LOCAL_WAIT:-180}"
pidfile="$dir/neo4j.pid"
log="$dir/launcher.log"
export NEO4J_LOCAL_DIR="$dir" NEO4J_LOCAL_PORT="$port"
export NEO4J_LOCAL_PASSWORD="${NEO4J_LOCAL_PASSWORD:-innograph-dev}"
export NEO4J_LOCAL_PAGECACHE="${NEO4J_LOCAL_PAGECACHE:-512m}"

running() {
  [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# build compiles the launcher and lists its classpath, only when the sources
# or the pom changed since the last build. The first build downloads Neo4j
# from Maven Central.
build() {
  local stamp="$launcher/target/classpath.txt"
  if [[ -f "$stamp" ]] && [[ -z "$(find "$launcher/pom.xml" "$launcher/src" -newer "$stamp" -print -quit)" ]]; then
    return
  fi
  echo "building the local Neo4j launcher (the first time downloads Neo4j from Maven Central)..."
  mvn -B -q -f "$launcher/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$stamp"
  touch "$stamp" # Maven leaves an unchanged classpath file as it was
}

# explain prints why a start failed: the root cause first, then the log's tail.
explain() {
  echo "$1; last lines of $log:" >&2
  tail -n 40 "$log" >&2
  local cause
  cause=$(grep -E '^Caused by: ' "$log" | tail -n 1 || true)
  [[ -z "$cause" ]] || echo "=> ${cause#Caused by: }" >&2
}

start() {
  if running; then
    echo "local Neo4j already running (pid $(cat "$pidfile"), bolt://127.0.0.1:$port, data $dir)"
    return
  fi
  if port_open; then
    echo "port $port is taken by another process; set NEO4J_LOCAL_PORT to a free port" >&2
    exit 1
  fi
  build
  mkdir -p "$dir"
  : >"$log"
  # setsid: the DBMS outlives the shell that started it (make run's Ctrl-C stops only the server).
  setsid java "-Xmx$heap" -XX:+UseG1GC -cp "$launcher/target/classes:$(cat "$launcher/target/classpath.txt")" \
    dev.innograph.neo4jlocal.Main >>"$log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  for ((i = 0; i < wait_s; i++)); do
    if ! running; then
      explain "local Neo4j exited while starting"
      rm -f "$pidfile"
      exit 1
    fi
    if grep -q '^READY ' "$log" && port_open; then
      echo "local Neo4j ready on bolt://127.0.0.1:$port (data $dir, log $log) after ${i}s"
      return
    fi
    sleep 1
  done
  explain "local Neo4j did not answer within ${wait_s}s"
  stop
  exit 1
}

stop() {
  if ! running; then
    rm -f "$pidfile"
    echo "local Neo4j is not running (data $dir)"
    return
  fi
  local pid
  pid=$(cat "$pidfile")
  kill -TERM "$pid"
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "local Neo4j did not stop in 60s; killing it" >&2
    kill -KILL "$pid"
  fi
  rm -f "$pidfile"
  echo "local Neo4j stopped (data $dir)"
}

# import runs the offline importer with the launcher's classpath; Neo4j
# home is the data directory, so the store lands where start opens it.
import() {
  if running; then
    echo "local Neo4j is running (pid $(cat "$pidfile")); the offline importer needs it stopped" >&2
    exit 1
  fi
  build
  mkdir -p "$dir"
  NEO4J_HOME="$dir" java "-Xmx$heap" -XX:+UseG1GC -cp "$launcher/target/classes:$(cat "$launcher/target/classpath.txt")" \
    org.neo4j.cli.AdminTool database import full "$@" neo4j
}

case "${1:-}" in
  start) start ;;
  import)
    shift
    import "$@"
    ;;
  stop) stop ;;
  status)
    if running; then echo "running (pid $(cat "$pidfile"), bolt://127.0.0.1:$port)"; else echo "stopped"; exit 1; fi
    ;;
  *)
    echo "usage: $0 start|stop|status|import IMPORTER-OPTIONS..." >&2
    exit 2
    ;;
esac

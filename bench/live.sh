#!/usr/bin/env bash
# WebSocket fan-out benchmark (issue 6): the dashboard server (with a private Kafka + ClickHouse and
# one city update a second) in one JVM, N simulated screens in another; p50/p99 push delay per N.
# Usage: bench/live.sh [seconds-per-step] [client counts...]   Log: docs/bench-logs/live-<date>.log
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_STEP=${1:-30}; shift || true
COUNTS=${*:-"1000 2500 5000"}
LOG=docs/bench-logs/live-$(date +%F).log
mvn -o -q -pl dashboard -am test-compile -Dcheckstyle.skip >/dev/null
mvn -o -q -pl dashboard dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt >/dev/null
CP="dashboard/target/test-classes:dashboard/target/classes:local/target/test-classes:local/target/classes:contract/target/classes:storage/target/classes:$(cat dashboard/target/bench-cp.txt)"
ulimit -n "$(ulimit -Hn)"  # as high as this shell may go
PORT_FILE=$(mktemp)
rm -f "$PORT_FILE"
{ echo "# $(date) — $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load: $(cat /proc/loadavg)"; } | tee "$LOG"
java -Xmx1g -Dcivicpulse.broker.classpath=broker/target/classpath.txt -cp "$CP" \
    org.civicpulse.dashboard.bench.LiveBenchServer "$PORT_FILE" 2 > /tmp/live-bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do [ -s "$PORT_FILE" ] && break; kill -0 $SERVER 2>/dev/null || { cat /tmp/live-bench-server.log; exit 1; }; sleep 1; done
PORT=$(cat "$PORT_FILE")
for N in $COUNTS; do
    echo "## $N clients, ${SECONDS_PER_STEP}s, load: $(cat /proc/loadavg)" | tee -a "$LOG"
    java -Xmx1g -cp "$CP" org.civicpulse.dashboard.bench.WsLoadClient "$PORT" "$N" "$SECONDS_PER_STEP" bench-token 2>&1 | tee -a "$LOG"
done
tail -3 /tmp/live-bench-server.log | tee -a "$LOG"

#!/usr/bin/env bash
# Foundation benchmarks (issue 2): seconds from `./civicpulse up --no-sim` on a built tree to
# healthy, and the sustained rate replay → Kafka → Flink → ClickHouse. Runs a private stack in a
# temporary data folder on its own ports, then stops it. Prints Markdown rows for docs/BENCHMARKS.md.
#   bench/foundation.sh [EVENTS]   (default 500000)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
EVENTS="${1:-500000}"
DATA="$(mktemp -d /tmp/civicpulse-bench-XXXX)"
export CIVICPULSE_DATA_DIR="$DATA" CIVICPULSE_DASHBOARD_PORT=28080 CIVICPULSE_CLICKHOUSE_URL=http://127.0.0.1:28123 \
       CIVICPULSE_CLICKHOUSE_TCP_PORT=29000 CIVICPULSE_KAFKA_BOOTSTRAP=127.0.0.1:29092 \
       CIVICPULSE_KAFKA_CONTROLLER_PORT=29093 CIVICPULSE_FLINK_REST_PORT=28081
cd "$ROOT"
# Build first (not timed), so the start-up figure is for a built tree.
mvn -q -B -DskipTests install
mkdir -p target && touch target/.built
LOG="$DATA/up.log"
start=$(date +%s.%N)
CIVICPULSE_SKIP_BUILD=1 ./civicpulse up --no-sim > "$LOG" 2>&1 &
UP_PID=$!
trap 'kill -TERM $UP_PID 2>/dev/null; wait $UP_PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 600); do
    grep -q "CivicPulse is up" "$LOG" && break
    kill -0 $UP_PID 2>/dev/null || { cat "$LOG"; exit 1; }
    sleep 0.2
done
healthy=$(echo "$(date +%s.%N) - $start" | bc)
echo "| \`./civicpulse up --no-sim\` on a built tree → healthy (all four parts answer, job RUNNING) | | $(printf '%.1f' "$healthy") s | |"
CP="$ROOT/local/target/classes:$(cat "$ROOT/local/target/classpath.txt")"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.kafka=error \
    -cp "$CP" org.civicpulse.local.bench.IngestBenchmark "$EVENTS" 2>/dev/null

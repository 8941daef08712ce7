#!/usr/bin/env bash
# Simulator benchmark (issue 3): events/s the simulator generates, and produces to a local Kafka
# broker with nothing else running (no consumer competing for the 2 cores), for an 8-day
# full-scale Beijing backfill. Prints Markdown rows for docs/BENCHMARKS.md.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DATA="$(mktemp -d /tmp/civicpulse-bench-XXXX)"
KAFKA_PID=""
# set +e: under set -e a failing kill (broker already gone) would end the trap before the rm.
trap 'set +e; [ -z "$KAFKA_PID" ] || { kill -TERM "$KAFKA_PID" 2>/dev/null; wait "$KAFKA_PID" 2>/dev/null; }; rm -rf "$DATA"' EXIT
export CIVICPULSE_DATA_DIR="$DATA" CIVICPULSE_KAFKA_BOOTSTRAP=127.0.0.1:29092 CIVICPULSE_KAFKA_CONTROLLER_PORT=29093
cd "$ROOT"
mvn -q -B -DskipTests install
classpath() { echo "$ROOT/$1/target/classes:$(cat "$ROOT/$1/target/classpath.txt")"; }
QUIET="-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.kafka=error"
java $QUIET -Dcivicpulse.home="$ROOT" -cp "$(classpath local)" org.civicpulse.local.bench.KafkaOnly > "$DATA/kafka.log" 2>&1 &
KAFKA_PID=$!
for _ in $(seq 1 300); do grep -q "kafka ready" "$DATA/kafka.log" && break; sleep 0.2; done
java $QUIET -cp "$(classpath simulator)" org.civicpulse.simulator.bench.SimulatorBenchmark --days 8 --scale 1 2>/dev/null
java $QUIET -cp "$(classpath simulator)" org.civicpulse.simulator.bench.SimulatorBenchmark --days 8 --scale 1 --kafka 2>/dev/null

#!/usr/bin/env bash
# Metrics benchmark (issue 4, partial): how fast the whole job drains a backlog of the simulator's
# mix, against the floor (Kafka source + the one parse). Prints Markdown rows.
#   bench/metrics.sh [DAYS] [SCALE]   (default 2 days at scale 1)
# Only ClickHouse and Kafka: the benchmark runs its own job, and an idle product job took ~10% of the
# machine beside it.
STACK_UP_OPTIONS=--services-only
source "$(dirname "$0")/stack.sh"
DAYS="${1:-2}"; SCALE="${2:-1}"
FILE="$DATA/mix.jsonl"
java $QUIET -cp "$(classpath simulator)" org.civicpulse.simulator.SimulatorMain file --days "$DAYS" \
    --scale "$SCALE" --out "$FILE" --quiet
java $QUIET $OPERATOR_JVM -Xmx3g ${DRAIN_JAVA_OPTS:-} -cp "$(classpath jobs)" org.civicpulse.jobs.bench.DrainBenchmark "$FILE" 2> "${DRAIN_LOG:-/dev/null}"

#!/usr/bin/env bash
# State after 1, 7 and 30 simulated days (issue 4): the simulator's mix for each span drained by the
# whole job (as bench/metrics.sh does), with the size and duration of its last checkpoint before
# the end of the input, and the state of each job vertex (an operator chain) at that checkpoint.
# UNCHAINED=1 makes every operator its own vertex, to split a chain's state (same state, a much
# slower run, longer checkpoints). Prints Markdown rows.   bench/checkpoints.sh [SCALE] [DAYS ...]
#   (default scale 0.25; 1 7 30 days)
# Only ClickHouse and Kafka: the benchmark runs its own job, and an idle product job took ~10% of the
# machine beside it.
STACK_UP_OPTIONS=--services-only
source "$(dirname "$0")/stack.sh"
SCALE="${1:-0.25}"; shift || true
for DAYS in "${@:-1 7 30}"; do
    FILE="$DATA/mix-$DAYS.jsonl"
    java $QUIET -cp "$(classpath simulator)" org.civicpulse.simulator.SimulatorMain file --days "$DAYS" \
        --scale "$SCALE" --out "$FILE" --quiet
    echo "| $DAYS simulated days at scale $SCALE | | | |"
    java $QUIET $OPERATOR_JVM -Xmx4g -Dbench.unchained=${UNCHAINED:+true} -cp "$(classpath jobs)" org.civicpulse.jobs.bench.DrainBenchmark "$FILE" 2>/dev/null | grep -v "^| floor"
    rm -f "$FILE"
done

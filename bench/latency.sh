#!/usr/bin/env bash
# Ingest → live-topic latency (issue 4): HOTLINE events stamped "now" at a fixed rate into a
# private stack, p50/p99 until the live topic's city record counts them. Prints Markdown rows.
#   bench/latency.sh [RATE ...]   (default 1000 5000); LATENCY_SECONDS=300 for longer runs (default 60)
source "$(dirname "$0")/stack.sh"
RATES=("$@"); [ ${#RATES[@]} -gt 0 ] || RATES=(1000 5000)
for RATE in "${RATES[@]}"; do
    java $QUIET -cp "$(classpath local)" org.civicpulse.local.bench.LiveLatencyBenchmark $RATE "${LATENCY_SECONDS:-60}" 2> >(grep -v "^\s*$" | tail -20 >&2)
done

#!/usr/bin/env bash
# Ingest → live-topic latency (issue 4): HOTLINE events stamped "now" at a fixed rate into a
# private stack, p50/p99 until the live topic's city record counts them. Prints Markdown rows.
#   bench/latency.sh [RATE ...]   (default 1000 5000); LATENCY_SECONDS=300 for longer runs (default 60)
source "$(dirname "$0")/stack.sh"
RATES=("$@"); [ ${#RATES[@]} -gt 0 ] || RATES=(1000 5000)
# Busy and idle CPU ticks of the whole machine (/proc/stat): whether it was saturated at a rate
# tells queueing from the pipeline's own delays.
cpu_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8, $5 + $6}' /proc/stat; }
for RATE in "${RATES[@]}"; do
    read -r BUSY0 IDLE0 < <(cpu_ticks)
    java $QUIET -cp "$(classpath local)" org.civicpulse.local.bench.LiveLatencyBenchmark $RATE "${LATENCY_SECONDS:-60}" 2> >(grep -v "^\s*$" | tail -20 >&2)
    read -r BUSY1 IDLE1 < <(cpu_ticks)
    echo "| machine busy during the $RATE events/s run (stack, job, producer, consumer) | $(( 100 * (BUSY1 - BUSY0) / (BUSY1 - BUSY0 + IDLE1 - IDLE0) ))% of $(nproc) cores | | |"
done

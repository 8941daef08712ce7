#!/usr/bin/env bash
# Event → screen freshness (issue 8): HOTLINE events stamped "now" at a fixed rate into a private
# stack; a WebSocket client of /ws/live records when the city's count of hotline cases in the last 24 h
# covers each event (the broker's append time to arrival on the screen, one clock). Markdown rows.
#   bench/screen.sh [RATE ...]   (default 1000 10000); LATENCY_SECONDS=300 for longer runs (default 60)
export CIVICPULSE_TOKEN=bench-screen-token
source "$(dirname "$0")/stack.sh"
RATES=("$@"); [ ${#RATES[@]} -gt 0 ] || RATES=(1000 10000)
for RATE in "${RATES[@]}"; do
    java $QUIET -cp "$(classpath local)" org.civicpulse.local.bench.LiveLatencyBenchmark $RATE "${LATENCY_SECONDS:-60}" screen 2> >(grep -v "^\s*$" | tail -20 >&2)
done

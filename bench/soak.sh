#!/usr/bin/env bash
# Soak (issue 8, the suite's long mode): the simulator's mix at a fixed rate for MINUTES on a
# private stack with every job on; heap of the job's and the dashboard's JVMs, the job's state
# (latest checkpoint), consumer lag and ClickHouse parts sampled every 30 s. Prints Markdown.
#   bench/soak.sh [MINUTES] [EVENTS_PER_SECOND] [SCALE]   (default 120 min, 1000 ev/s, scale 0.25)
#   24 h: bench/soak.sh 1440  (the simulated range grows with the time; ~2 GB of disk per hour in ClickHouse and Kafka)
source "$(dirname "$0")/stack.sh"
MINUTES="${1:-120}"; EPS="${2:-1000}"; SCALE="${3:-0.25}"
java $QUIET -Dcivicpulse.home="$ROOT" -cp "$(classpath local)" org.civicpulse.local.bench.SoakBenchmark "$MINUTES" "$EPS" "$SCALE"

#!/usr/bin/env bash
# Sustained throughput (issue 8): the simulator's mix at each rate for STEP seconds on a private
# stack with every job on; consumer lag sampled every 5 s; stops at the first rate whose lag is not
# bounded and reports the knee. Prints Markdown.
#   bench/sustained.sh [STEP_SECONDS] [RATE ...]   (default 300 s; 2000 5000 8000 10000 15000 20000)
source "$(dirname "$0")/stack.sh"
STEP="${1:-300}"; shift || true
RATES="${*:-2000 5000 8000 10000 15000 20000}"
java $QUIET -Dcivicpulse.home="$ROOT" -cp "$(classpath local)" org.civicpulse.local.bench.SustainedBenchmark "$STEP" $RATES

#!/usr/bin/env bash
# Foundation benchmarks (issue 2): seconds from `./civicpulse up --no-sim` on a built tree to
# healthy, and the sustained rate replay → Kafka → Flink → ClickHouse. Prints Markdown rows for
# docs/BENCHMARKS.md.   bench/foundation.sh [EVENTS]   (default 500000)
source "$(dirname "$0")/stack.sh"
EVENTS="${1:-500000}"
echo "| \`./civicpulse up --no-sim\` on a built tree → healthy (all four parts answer, job RUNNING) | | $(printf '%.1f' "$HEALTHY") s | |"
java $QUIET -cp "$(classpath local)" org.civicpulse.local.bench.IngestBenchmark "$EVENTS" 2>/dev/null

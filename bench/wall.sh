#!/usr/bin/env bash
# The wall page's benchmark (issue 7): first meaningful paint over 7 cold loads, then the page's
# JS heap, DOM nodes and listeners once a minute during a run at 10 updates/s, in headless
# Chromium against the contract stand-in (dashboard/src/test/.../wall/FakeDashboard).
# Usage: bench/wall.sh [minutes (10; 30 for the long run)] [updates per second (10)]
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-10}"
RATE="${2:-10}"
LOG="docs/bench-logs/wall-$(date +%F)-${MINUTES}min.log"
{ echo "# $(date -Is) $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(chromium --version 2>/dev/null)"; } > "$LOG.head"
mvn -q -B -o -pl dashboard -am test -Dtest=WallPageBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dwall.bench.minutes="$MINUTES" -Dwall.bench.rate="$RATE" -Dwall.bench.log="$PWD/$LOG.body"
cat "$LOG.head" "$LOG.body" > "$LOG" && rm -f "$LOG.head" "$LOG.body"
cat "$LOG"

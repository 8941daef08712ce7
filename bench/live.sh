#!/usr/bin/env bash
# WebSocket fan-out benchmark (issue 6): the dashboard server (with a private Kafka + ClickHouse and
# one city update a second) in one JVM, N simulated screens in another; p50/p99 push delay per N.
# Usage: bench/live.sh [seconds-per-step] [client counts...]
# Logs: docs/bench-logs/live-<date>-<HHMM>.log (results), live-<date>-<HHMM>-server.log (the server JVM's output),
# live-<date>-<HHMM>-build.log (Maven). LIVE_BENCH_JFR=<dir> records a Java Flight Recording of both JVMs.
# LIVE_BENCH_SERVER_INSTANCES (default 2, the product's dashboard.instances): the server's HTTP verticles;
# LIVE_BENCH_CLIENT_THREADS (default 1): the client's reader threads (it shares the 2 cores with the server).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_STEP=${1:-30}; shift || true
COUNTS=${*:-"1000 2500 5000"}
STAMP=$(date +%F-%H%M)
LOG=docs/bench-logs/live-$STAMP.log
SERVER_LOG=docs/bench-logs/live-$STAMP-server.log
BUILD_LOG=docs/bench-logs/live-$STAMP-build.log
build() {
    if ! "$@" >> "$BUILD_LOG" 2>&1; then
        echo "live.sh: build failed ($*); the end of $BUILD_LOG:" >&2
        tail -30 "$BUILD_LOG" >&2
        exit 1
    fi
}
: > "$BUILD_LOG"
build mvn -B -o -q -pl dashboard -am test-compile -Dcheckstyle.skip
build mvn -B -o -q -pl dashboard dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
CP="dashboard/target/test-classes:dashboard/target/classes:local/target/test-classes:local/target/classes:contract/target/classes:storage/target/classes:$(cat dashboard/target/bench-cp.txt)"
ulimit -n "$(ulimit -Hn)"  # as high as this shell may go
jfr() { # the JVM option recording a flight recording named $1, when asked for
    [ -n "${LIVE_BENCH_JFR:-}" ] && echo "-XX:StartFlightRecording=filename=$LIVE_BENCH_JFR/$1.jfr,settings=profile"
    return 0
}
[ -n "${LIVE_BENCH_JFR:-}" ] && mkdir -p "$LIVE_BENCH_JFR"
PORT_FILE=$(mktemp)
rm -f "$PORT_FILE"
{ echo "# $(date) — $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load: $(cat /proc/loadavg)"; } | tee "$LOG"
java -Xmx1g $(jfr server) -Dcivicpulse.broker.classpath=broker/target/classpath.txt -cp "$CP" \
    org.civicpulse.dashboard.bench.LiveBenchServer "$PORT_FILE" "${LIVE_BENCH_SERVER_INSTANCES:-2}" > "$SERVER_LOG" 2>&1 &
SERVER=$!
# SIGTERM: the server's shutdown hook stops its private Kafka and ClickHouse and deletes their folder.
stop_server() {
    kill "$SERVER" 2>/dev/null && wait "$SERVER" || true
    rm -f "$PORT_FILE"
}
trap stop_server EXIT
for _ in $(seq 1 120); do
    [ -s "$PORT_FILE" ] && break
    kill -0 $SERVER 2>/dev/null || { echo "live.sh: the server died; the end of $SERVER_LOG:" >&2; tail -30 "$SERVER_LOG" >&2; exit 1; }
    sleep 1  # polling for the server's port file, up to 2 minutes
done
[ -s "$PORT_FILE" ] || { echo "live.sh: the server did not start within 2 minutes; see $SERVER_LOG" >&2; exit 1; }
PORT=$(cat "$PORT_FILE")
ROWS=()
for N in $COUNTS; do
    echo "## $N clients, ${SECONDS_PER_STEP}s, load: $(cat /proc/loadavg)" | tee -a "$LOG"
    # Each step's row is progress (indented on stderr); the table below is the result.
    java -Xmx1g $(jfr "client-$N") -cp "$CP" org.civicpulse.dashboard.bench.WsLoadClient "$PORT" "$N" "$SECONDS_PER_STEP" bench-token "${LIVE_BENCH_CLIENT_THREADS:-1}" 2>&1 \
        | tee -a "$LOG" | sed 's/^/  /' >&2
    ROWS+=("$(grep -E '^\| [0-9]' "$LOG" | tail -1)")
done
echo "## load after: $(cat /proc/loadavg)" | tee -a "$LOG"
LAST_UPDATE=$(grep -E '^update' "$SERVER_LOG" | tail -1)
echo "$LAST_UPDATE" | tee -a "$LOG"
# The client times the deltas written as they came; a delta held back for a slow screen (sent later
# in a batch, or covered by a snapshot) is not timed, so the percentiles hold only if none was.
HELD_BACK=$(echo "$LAST_UPDATE" | sed -n 's/.*held_back=\([0-9]*\).*/\1/p')
if [ "${HELD_BACK:-0}" != 0 ]; then
    echo "WARNING: the server held back $HELD_BACK deltas for slow screens; they are not in the percentiles" | tee -a "$LOG" >&2
fi
echo
echo "| clients | connected | deltas received | p50 | p99 | max |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"

#!/usr/bin/env bash
# Cost against history size (issue 8): raw_events grown inside ClickHouse to each size, with the
# cases and panes of the same history; cold latency of the dashboard's queries beside a naive
# GROUP BY over raw events. Prints Markdown; log in docs/bench-logs/history-<date>-<HHMM>.log, so a
# later run never overwrites an earlier one.
#   bench/history.sh [sizes...]   (default 1000000 10000000 100000000)
set -euo pipefail
cd "$(dirname "$0")/.."
LOG=docs/bench-logs/history-$(date +%F-%H%M).log
mvn -o -q -pl dashboard -am test-compile >/dev/null
mvn -o -q -pl dashboard dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt >/dev/null
CP="dashboard/target/test-classes:dashboard/target/classes:local/target/test-classes:local/target/classes:contract/target/classes:storage/target/classes:$(cat dashboard/target/bench-cp.txt)"
{ echo "# $(date) — $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load: $(cat /proc/loadavg)"; } | tee "$LOG"
java -Xmx2g -Dcivicpulse.broker.classpath=broker/target/classpath.txt -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$CP" org.civicpulse.dashboard.bench.HistoryBenchmark "$@" 2>&1 | tee -a "$LOG"

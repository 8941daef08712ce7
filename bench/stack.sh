# Shared by the bench scripts: a private stack (`./civicpulse up --no-sim`, or STACK_UP_OPTIONS) in a temporary data
# folder on its own ports, stopped on exit. Source it; it sets DATA and UP_PID.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$(mktemp -d /tmp/civicpulse-bench-XXXX)"
UP_PID=""
# On any exit, also a failed build or a stack that died: stop the stack and delete its folder.
# set +e first: under set -e a failing command (kill of a stack already gone) would end the trap
# before the rm. BENCH_KEEP_LOGS=DIR keeps the stack's logs (job, GC, dashboard) in DIR.
cleanup() {
    set +e
    if [ -n "$UP_PID" ]; then
        kill -TERM "$UP_PID" 2>/dev/null
        wait "$UP_PID" 2>/dev/null
    fi
    if [ -n "${BENCH_KEEP_LOGS:-}" ]; then
        mkdir -p "$BENCH_KEEP_LOGS" && cp -r "$DATA/logs" "$DATA/up.log" "$BENCH_KEEP_LOGS/" 2>/dev/null
    fi
    rm -rf "$DATA"
}
trap cleanup EXIT
# BENCH_PORTS moves the whole port block, so two benchmarks can run side by side (e.g. a soak
# and a quick check): BENCH_PORTS=38000 bench/soak.sh
P="${BENCH_PORTS:-28000}"
export CIVICPULSE_DATA_DIR="$DATA" CIVICPULSE_DASHBOARD_PORT=$((P + 80)) CIVICPULSE_CLICKHOUSE_URL=http://127.0.0.1:$((P + 123)) \
       CIVICPULSE_CLICKHOUSE_TCP_PORT=$((P + 1000)) CIVICPULSE_KAFKA_BOOTSTRAP=127.0.0.1:$((P + 1092)) \
       CIVICPULSE_KAFKA_CONTROLLER_PORT=$((P + 1093)) CIVICPULSE_FLINK_REST_PORT=$((P + 81))
cd "$ROOT"
# Build first (not timed), so every figure is for a built tree.
mvn -q -B -DskipTests install
mkdir -p target && touch target/.built
STARTED=$(date +%s.%N)
# STACK_UP_OPTIONS=--services-only (set before sourcing) starts ClickHouse and Kafka alone, for a
# benchmark that runs its own job: no idle product job then shares the cores with the one measured.
CIVICPULSE_SKIP_BUILD=1 ./civicpulse up ${STACK_UP_OPTIONS:---no-sim} > "$DATA/up.log" 2>&1 &
UP_PID=$!
for _ in $(seq 1 600); do
    grep -q "CivicPulse is up" "$DATA/up.log" && break
    kill -0 $UP_PID 2>/dev/null || { cat "$DATA/up.log"; exit 1; }
    sleep 0.2
done
HEALTHY=$(echo "$(date +%s.%N) - $STARTED" | bc)
classpath() { echo "$ROOT/$1/target/classes:$(cat "$ROOT/$1/target/classpath.txt")"; }
# The JVM options of the product's job JVM (FlinkJobProcess.OPERATOR_JVM_OPTIONS), for benchmarks that run the
# job in their own JVM; biased locking exists up to Java 17 only.
OPERATOR_JVM=""
if java -XX:+UseBiasedLocking -version > /dev/null 2>&1; then OPERATOR_JVM="-XX:+UseBiasedLocking"; fi
QUIET="-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.kafka=error"

#!/usr/bin/env bash
# Hotspot detection evaluation (issue 5): runs the detectors directly (no Flink, no Kafka) on the
# simulator's new problems with injected bursts, tuning seeds then report seeds, and keeps the
# Markdown it prints (and the progress) in docs/bench-logs/detection-<date>.log.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# DETECTION_LOG: another name, so a second run on one day does not overwrite the first.
LOG="${DETECTION_LOG:-docs/bench-logs/detection-$(date +%F).log}"
mvn -q -B -o -pl jobs -am -DskipTests compile
{ date; nproc; } > "$LOG"
./civicpulse evaluate-detection "$@" 2>&1 | tee -a "$LOG"

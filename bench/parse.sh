#!/usr/bin/env bash
# Reading occurredAt (issue 4, the one parse): java.time's formatter against the validator's
# hand-written common shape. Builds the contract module, then prints a Markdown row per round.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o -pl contract test-compile dependency:build-classpath -Dmdep.outputFile=target/parse-bench.cp 2>/dev/null \
    || mvn -q -B -pl contract test-compile dependency:build-classpath -Dmdep.outputFile=target/parse-bench.cp
java -cp "contract/target/test-classes:contract/target/classes:$(cat contract/target/parse-bench.cp)" \
    org.civicpulse.contract.bench.EventTimeParseBenchmark

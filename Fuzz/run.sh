#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/Package.swift) and runs each for FUZZ_SECONDS on its
# corpus in Fuzz/corpus/<target>. New interesting inputs are added to the corpus; crashes
# are written to Fuzz/findings/<target>/ and make the run fail. Summary lines go to stdout
# and to Fuzz/findings/<target>/last-run.txt; the full libFuzzer log stays in Fuzz/.build/.
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-60}"
SWIFT="${SWIFT:-swift}"
"$SWIFT" build --scratch-path .build -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
  | grep -E "error|Build" || true
# Known leaks outside kgsh's code (see the file); any other leak still fails the run.
export LSAN_OPTIONS="suppressions=$PWD/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
for pair in FuzzCommandLine:commandline FuzzScript:script FuzzQuery:query; do
  target="${pair%%:*}"
  name="${pair##*:}"
  mkdir -p "corpus/$name" "findings/$name"
  log=".build/fuzz-$name.log"
  set +e
  ".build/debug/$target" "corpus/$name" -max_total_time="$SECONDS_PER_TARGET" -max_len=4096 -timeout=10 \
    -rss_limit_mb=4096 -artifact_prefix="findings/$name/" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -E "^stat::number_of_executed_units" "$log" | awk '{print $2}')
  crashes=$(ls "findings/$name" | grep -cE "^(crash|leak|timeout|oom)-" || true)
  summary="$target: ${runs:-?} executions in ${SECONDS_PER_TARGET}s, exit $rc, $crashes crash file(s) in Fuzz/findings/$name"
  echo "$summary"
  { echo "$summary ($(date -u +%Y-%m-%dT%H:%MZ))"; grep -E "^stat::" "$log" || true; } >"findings/$name/last-run.txt"
  if [ "$rc" -ne 0 ]; then status=1; fi
done
exit $status

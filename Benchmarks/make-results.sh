#!/usr/bin/env bash
# Collects the latest runs (Benchmarks/results-M.md and results-L.md, written by
# `make bench SIZE=M` / `SIZE=L`) under the summary in Benchmarks/RESULTS-summary.md into
# Benchmarks/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")"
{
  cat RESULTS-summary.md
  for size in M L; do
    [ -f "results-$size.md" ] || continue
    echo
    sed 's/^# /## /; s/^## \([A-Z]\)/### \1/' "results-$size.md"
  done
} > RESULTS.md
echo "wrote Benchmarks/RESULTS.md"

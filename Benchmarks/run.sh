#!/usr/bin/env bash
# The side-by-side benchmark: kgsh against the sqlite3 CLI, networkx and Kùzu (BENCHMARK.md).
# Usage: bash Benchmarks/run.sh [S|M|L] [bench.py options...]      (make bench SIZE=M)
#   KGSH=path/to/kgsh to benchmark another binary (default .build/release/kgsh).
# Sets up Benchmarks/.venv (pinned peers from requirements.txt), generates Benchmarks/data/SIZE
# when missing, runs Benchmarks/bench.py and writes its table to Benchmarks/results-SIZE.md.
# Exits non-zero when the engines' answers disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-S}
shift || true
case "$SIZE" in S|M|L) ;; *) echo "usage: $0 [S|M|L] [bench.py options]" >&2; exit 2 ;; esac
KGSH=${KGSH:-.build/release/kgsh}
[ -x "$KGSH" ] || { echo "no kgsh binary at $KGSH: run 'make build' first (or set KGSH)" >&2; exit 2; }

# System tools: the sqlite3 CLI, hyperfine and GNU time (for peak RSS).
missing=""
command -v sqlite3 >/dev/null || missing="$missing sqlite3"
command -v hyperfine >/dev/null || missing="$missing hyperfine"
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ]; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  echo "installing:$missing" >&2
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
fi

# Python peers in a venv, reinstalled when requirements.txt changes.
VENV=Benchmarks/.venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" || {
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
    python3 -m venv "$VENV"
  }
fi
if ! cmp -s Benchmarks/requirements.txt "$VENV/requirements.installed"; then
  "$VENV/bin/pip" install -q --disable-pip-version-check -r Benchmarks/requirements.txt
  cp Benchmarks/requirements.txt "$VENV/requirements.installed"
fi

DATA=Benchmarks/data/$SIZE
if [ ! -f "$DATA/params.json" ]; then
  echo "generating the $SIZE graph into $DATA" >&2
  python3 Benchmarks/generate.py "$SIZE" "$DATA.tmp" >/dev/null
  rm -rf "$DATA" && mv "$DATA.tmp" "$DATA"
fi

exec "$VENV/bin/python" Benchmarks/bench.py --size "$SIZE" --kgsh "$KGSH" --data "$DATA" \
  --out "Benchmarks/results-$SIZE.md" "$@"

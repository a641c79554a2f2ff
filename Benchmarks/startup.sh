#!/usr/bin/env bash
# Start-to-first-answer: kgsh -c 'show Zhipu' against the sqlite3 CLI doing the equivalent
# lookup on the same file, side by side in one hyperfine run (medians; the machine is noisy).
# Usage: Benchmarks/startup.sh [path/to/kgsh]   (default .build/release/kgsh)
set -euo pipefail
cd "$(dirname "$0")/.."
KGSH=${1:-.build/release/kgsh}
command -v hyperfine >/dev/null || { echo "installing hyperfine"; apt-get install -y -qq hyperfine sqlite3; }
work=$(mktemp -d)
export XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state KGSH_KNOWLEDGE=$PWD/Knowledge
"$KGSH" -c 'stats' >/dev/null   # builds the default knowledge base once
DB=$XDG_DATA_HOME/kgsh/default.sqlite
hyperfine -N --warmup 5 --runs 30 --export-markdown "$work/startup.md" \
  -n sqlite3 "sqlite3 $DB \"select n.key, n.name, f.predicate, f.value from node n join fact f on f.node_id = n.id where n.name = 'Zhipu AI'\"" \
  -n kgsh "$KGSH --db $DB -c 'show Zhipu'"
cat "$work/startup.md"

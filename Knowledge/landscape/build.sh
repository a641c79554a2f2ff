#!/bin/sh
# Re-runs the landscape through kgsh: imports Knowledge/landscape/{hand,catalog,rounds} into a fresh
# default knowledge base (built from Knowledge/ as committed), exports what was imported and
# appends it to Knowledge/ with the next free ids. Run from the repository root on a
# Knowledge/ that does not hold the landscape yet (git stash or a clean checkout).
# Usage: Knowledge/landscape/build.sh [KGSH]
set -eu
kgsh=${1:-kgsh}
tmp=$(mktemp -d)
export KGSH_KNOWLEDGE="$PWD/Knowledge" XDG_DATA_HOME="$tmp/data"
"$kgsh" -c "import knowledge Knowledge/landscape/hand --strict; import knowledge Knowledge/landscape/catalog --strict; import knowledge Knowledge/landscape/rounds --strict; export knowledge $tmp/out" | tail -12
Knowledge/landscape/merge.sh "$tmp/out" Knowledge
"$kgsh" --db :memory: -c 'check-knowledge Knowledge' | tail -3

#!/bin/sh
# Appends rows exported by `export knowledge DIR` (layer user) to Knowledge/*.tsv, giving
# facts and edges the next free F/E ids (FORMAT.md: only append, ids stay stable) and
# dropping the `original` column when the exported rows leave it empty.
# Usage: Knowledge/landscape/merge.sh EXPORT_DIR [KNOWLEDGE_DIR]
set -eu
src=$1; dst=${2:-Knowledge}
for f in sources entities; do tail -n +2 "$src/$f.tsv" >> "$dst/$f.tsv"; done
next() { awk -F'\t' -v p="$2" 'NR>1 && index($1,p)==1 { n=substr($1,2)+0; if (n>m) m=n } END { print m+1 }' "$1"; }
nf=$(next "$dst/facts.tsv" F); ne=$(next "$dst/edges.tsv" E)
cols=$(head -1 "$dst/facts.tsv" | awk -F'\t' '{print NF}')
tail -n +2 "$src/facts.tsv" | awk -F'\t' -v OFS='\t' -v n="$nf" -v c="$cols" '
  { if (c == 14 && $15 != "") { print "fact " $1 " has an original value; add the column first" > "/dev/stderr"; exit 1 }
    $1 = sprintf("F%04d", n++); NF = c; print }' >> "$dst/facts.tsv"
tail -n +2 "$src/edges.tsv" | awk -F'\t' -v OFS='\t' -v n="$ne" '{ $1 = sprintf("E%04d", n++); print }' >> "$dst/edges.tsv"
echo "appended from $src: facts from F$(printf %04d "$nf"), edges from E$(printf %04d "$ne")"

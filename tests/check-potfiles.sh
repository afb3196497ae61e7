#!/bin/sh
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, when POTFILES.in names a file that does not exist, or when
# it is not sorted.
set -eu
top="$1"
cd "$top"

listed=$(mktemp)
found=$(mktemp)
trap 'rm -f "$listed" "$found"' EXIT

grep -v '^#' po/POTFILES.in | sed '/^$/d' > "$listed"

status=0
if ! LC_ALL=C sort -c "$listed" 2>/dev/null; then
  echo "po/POTFILES.in is not sorted"
  status=1
fi

while read -r file; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in names $file, which does not exist"
    status=1
  fi
done < "$listed"

# C sources that mark strings with _(), C_(), N_(), NC_() or ngettext.
grep -rlE '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|ngettext|g_dpgettext2)[ ]?\(' --include='*.c' src >> "$found" || true
# Interface files with translatable properties, and the data files.
grep -rl 'translatable="yes"' --include='*.ui' src >> "$found" || true
ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml.in >> "$found" 2>/dev/null || true

LC_ALL=C sort -u "$found" | while read -r file; do
  if ! grep -qxF "$file" "$listed"; then
    echo "$file has translatable strings but is not in po/POTFILES.in"
    exit 1
  fi
done || status=1

if [ "$status" -eq 0 ]; then
  echo "po/POTFILES.in lists all $(wc -l < "$found") files with translatable strings"
fi
exit "$status"

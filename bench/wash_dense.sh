#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# dkcpr wash and reveal at -j 1 on dense input: nothing but numbers, one
# "ddmmyy-ssss" (or e-CPR "ddmmyyCLLD") per 12-byte line, the worst case for
# throughput per byte. Prints MB per CPU second for each kind of number and
# keep mode. Usage: bench/wash_dense.sh [NUMBERS, default 200000]
# (DKCPR_BUILD_DIR picks the build, default build)
set -euo pipefail
cd "$(dirname "$0")/.."
dkcpr=${DKCPR_BUILD_DIR:-build}/tools/dkcpr
count=${1:-200000}
[[ -x $dkcpr ]] || { echo "build first: cmake --build build --target dkcpr_cli" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$dkcpr" keygen -o "$tmp/key"

dashed() { LC_ALL=C awk '{ print substr($0, 1, 6) "-" substr($0, 7) }'; }
"$dkcpr" generate --count "$count" --born 1930..2020 --mod11 yes --seed dense | dashed >"$tmp/pass"
"$dkcpr" generate --count "$count" --born 1930..2020 --mod11 no --seed dense | dashed >"$tmp/fail"
"$dkcpr" generate --count "$count" --born 1930..2020 --never-real --seed dense | dashed >"$tmp/day60"
# e-CPR: X (7th 1 in the 1900s, 7 in the 2000s) and D (0 and 6), random dates and letters.
/usr/bin/python3 - "$count" >"$tmp/ecpr" <<'PY'
import random, sys, datetime
r = random.Random(1)
base = datetime.date(1930, 1, 1)
for i in range(int(sys.argv[1])):
    d = base + datetime.timedelta(days=r.randrange(33237))
    c7 = ("1" if d.year < 2000 else "7") if i % 2 else ("0" if d.year < 2000 else "6")
    print(d.strftime("%d%m%y") + c7 + chr(65 + r.randrange(26)) + chr(65 + r.randrange(26)) + str(r.randrange(10)))
PY

cpu() { # prints user + system seconds of the command
  /usr/bin/time -f "%U %S" -o "$tmp/t" "$@" && awk '{ print $1 + $2 }' "$tmp/t"; }
row() { # kind file, keep, extra options
  local file=$1 keep=$2; shift 2
  local bytes ws rs
  bytes=$(stat -c %s "$tmp/$file")
  ws=$(cpu "$dkcpr" wash -q -j 1 -k "$tmp/key" --keep "$keep" "$@" -o "$tmp/w" "$tmp/$file")
  rs=$(cpu "$dkcpr" reveal -q -j 1 -k "$tmp/key" --keep "$keep" "$@" -o "$tmp/r" "$tmp/w")
  cmp -s "$tmp/r" "$tmp/$file" || echo "round trip differs: $file $keep $*" >&2
  awk -v f="$file" -v k="$keep$([[ $# -gt 0 ]] && echo " $*")" -v b="$bytes" -v w="$ws" -v r="$rs" \
    'BEGIN { printf "%-6s %-24s wash %8.2f MB/CPU-s  reveal %8.2f MB/CPU-s  (%.2f, %.2f M numbers/s)\n",
             f, k, b / 1e6 / w, b / 1e6 / r, b / 12e6 / w, b / 12e6 / r }'
}
echo "dense input, $count numbers of 12 bytes, -j 1, MB per CPU second"
for keep in year,sex date,sex date; do
  row pass "$keep"
  row fail "$keep"
  row day60 "$keep"
  row ecpr "$keep"
  row pass "$keep" --never-real
done

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# dkcpr wash on a generated file (default 1 GB) with one number per 200
# bytes: prints MB/s and peak memory (via /usr/bin/time -v).
# Targets: >= 150 MB/s, peak resident memory < 32 MB.
# Usage: bench/wash_cli.sh [MEGABYTES]   (DKCPR_BUILD_DIR picks the build, default build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${DKCPR_BUILD_DIR:-build}
dkcpr=$build/tools/dkcpr
megabytes=${1:-1000}
[[ -x $dkcpr ]] || { echo "build first: cmake --build $build --target dkcpr_cli" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$dkcpr" keygen -o "$tmp/key"

# A 2,000,000-byte block of 10,000 lines of 200 bytes, each holding one
# number (half dashed, half 10 digits) among SQL-like text; the block is
# repeated to the size asked for.
"$dkcpr" generate --count 10000 --seed bench --born 1930..2020 |
  LC_ALL=C awk -v q="'" '{
    n = (NR % 2) ? substr($0, 1, 6) "-" substr($0, 7) : $0
    line = "INSERT INTO patient VALUES (" NR ", " q n q ", " q "Hanne Soerensen" q ", " \
           q "Egevaenget 91" q ", " q "4000" q ", " q "Roskilde" q ", " q "+45 34275176" q \
           ", " q "kontrol efter udskrivelse"
    while (length(line) < 196) line = line "."
    print substr(line, 1, 196) q ");"
  }' >"$tmp/block"
block_bytes=$(stat -c %s "$tmp/block")
repeats=$(( (megabytes * 1000000 + block_bytes - 1) / block_bytes ))
for ((i = 0; i < repeats; i++)); do cat "$tmp/block"; done >"$tmp/input.sql"
head -c 400 "$tmp/block" | grep -q "^INSERT.*');$" # a sanity check of the layout
rm -f "$tmp/block"
bytes=$(stat -c %s "$tmp/input.sql")

exec 3>&1 # results go here even when a command's output goes to /dev/null
run() { # label, then the command; prints one result line (MB: of $run_bytes)
  local label=$1 bytes=${run_bytes:-$bytes}
  shift
  /usr/bin/time -v -o "$tmp/time" "$@"
  local secs cpu kb
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
           for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$tmp/time")
  cpu=$(awk -F': ' '/(User|System) time/ { s += $2 } END { print s }' "$tmp/time")
  kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time")
  # MB per CPU second too: wall time depends on what else the machine runs.
  awk -v l="$label" -v b="$bytes" -v s="$secs" -v c="$cpu" -v kb="$kb" 'BEGIN {
    printf "%-30s %6.0f MB in %6.2f s: %6.1f MB/s (%6.1f MB per CPU s), peak memory %5.1f MB\n",
           l, b / 1e6, s, (s > 0 ? b / 1e6 / s : 0), (c > 0 ? b / 1e6 / c : 0), kb / 1024 }' >&3
}

cat "$tmp/input.sql" >/dev/null # into the page cache: measure the program, not the disk
echo "dkcpr wash, $(nproc) cores (load $(cut -d' ' -f1 /proc/loadavg)), one number per 200 bytes"
run "pseudonym, to /dev/null" "$dkcpr" wash -q --key-file "$tmp/key" "$tmp/input.sql" >/dev/null
run "pseudonym, one thread (-j 1)" "$dkcpr" wash -q -j 1 --key-file "$tmp/key" "$tmp/input.sql" >/dev/null
run "pseudonym, -o file (atomic)" "$dkcpr" wash -q --key-file "$tmp/key" -o "$tmp/out.sql" "$tmp/input.sql"
rm -f "$tmp/out.sql"
run "mask, to /dev/null" "$dkcpr" wash -q --mode mask "$tmp/input.sql" >/dev/null
run "scan (audit), to /dev/null" sh -c '"$0" scan "$1" >/dev/null || [ $? -eq 1 ]' "$dkcpr" "$tmp/input.sql"

# Other encodings and compression: sizes are of the input as stored.
iconv -f UTF-8 -t UTF-16LE "$tmp/input.sql" >"$tmp/input16.sql"
rm -f "$tmp/input.sql"
run_bytes=$(stat -c %s "$tmp/input16.sql")
run "UTF-16LE pseudonym, /dev/null" "$dkcpr" wash -q --key-file "$tmp/key" "$tmp/input16.sql" >/dev/null
iconv -f UTF-16LE -t UTF-8 "$tmp/input16.sql" | gzip -6 >"$tmp/input.sql.gz"
rm -f "$tmp/input16.sql"
run_bytes=$(stat -c %s "$tmp/input.sql.gz")
run "gzip pseudonym, recompressed" "$dkcpr" wash -q --key-file "$tmp/key" "$tmp/input.sql.gz" >/dev/null
# The floor: zlib alone, decompressing and compressing the same stream.
run "gzip -dc | gzip -6 (zlib alone)" sh -c 'gzip -dc "$0" | gzip -6 >/dev/null' "$tmp/input.sql.gz"

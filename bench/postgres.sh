#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Figures of the PostgreSQL extension on a throwaway server (the tests'
# cluster, postgres/test/cluster.sh): is_valid against a bare count(*), a
# pseudonymized copy by CREATE TABLE AS with 0, 1 and 2 parallel workers,
# and UPDATE ... SET cpr = pseudonymize(cpr) from one session and from two
# sessions each updating half (PostgreSQL 15 runs no UPDATE in parallel
# workers). Each figure is the faster of two runs: wall time (psql's
# \timing) and, without parallel workers, the backend's CPU time.
#
#   bench/postgres.sh [BUILD_DIR [ROWS]]   defaults: build, 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
rows=${2:-1000000}
pg_config=$(command -v pg_config || echo /usr/lib/postgresql/15/bin/pg_config)
[[ -f $build/postgres/dkcpr.so ]] || {
  echo "no $build/postgres/dkcpr.so: build with DKCPR_BUILD_POSTGRES=ON first" >&2
  exit 1
}
source postgres/test/cluster.sh
trap pgc_stop EXIT
pgc_start "$pg_config" "$build/postgres" postgres "$build/lib" \
  "shared_buffers = 512MB" "max_wal_size = 8GB" "synchronous_commit = off" \
  "jit = off" "max_parallel_workers_per_gather = 2" "autovacuum = off"
pgc_key bench "$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')"

# rows of valid numbers born 1937-1999 (7th digit 0-3), as text
pgc_psql <<SQL
CREATE EXTENSION dkcpr;
CREATE TABLE borger AS
  SELECT i AS id, to_char(date '1937-01-01' + ((i::bigint * 7919) % 23000)::int, 'DDMMYY') ||
         lpad(((i * 7) % 4000)::text, 4, '0') AS cpr
  FROM generate_series(1, $rows) i;
VACUUM ANALYZE borger;
SQL

calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }
calc_true() { awk "BEGIN { exit !($1) }"; }

# timed SETUP SQL: "WALL CPU" in seconds for SQL, run after SETUP in the
# same session. WALL is the server round trip psql reports (\timing: the
# connection is not counted); CPU is the backend's user + system time from
# /proc, which a loaded machine does not inflate (parallel workers' time is
# not in it).
timed() {
  local hz
  hz=$(getconf CLK_TCK)
  pgc_psql -At <<SQL | awk -v hz="$hz" '
    /^Time:/ { t = $2 } /^cpu0 / { c0 = $2 } /^cpu1 / { c1 = $2 }
    END { printf "%.6f %.6f\n", t / 1000, (c1 - c0) / hz }'
SELECT pg_backend_pid() AS pid \gset
\setenv BENCH_PID :pid
$1;
\! awk '{ print "cpu0", \$14 + \$15 }' /proc/\$BENCH_PID/stat
\timing on
$2;
\timing off
\! awk '{ print "cpu1", \$14 + \$15 }' /proc/\$BENCH_PID/stat
SQL
}
# seconds SETUP SQL: the run with the best wall time of two.
seconds() {
  local best= s i
  for i in 1 2; do
    s=$(timed "$1" "$2")
    if [[ -z $best ]] || calc_true "${s% *} < ${best% *}"; then best=$s; fi
  done
  echo "$best"
}
force='SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
       SET min_parallel_table_scan_size = 0;'
report() { # name "wall cpu" [cpu]: wall time and rows per second, and the
  # backend's CPU time where it is the whole work (no parallel workers)
  local wall=${2% *} cpu=${2#* }
  printf '%-44s %7.3f s %9.0f rows/s' "$1" "$wall" "$(calc "$rows / $wall")"
  [[ ${3:-} == cpu ]] && printf '   CPU %6.3f s %9.0f rows/CPU s' "$cpu" "$(calc "$rows / $cpu")"
  echo
}

echo "PostgreSQL $("$pg_config" --version | cut -d' ' -f2), $rows rows, $(nproc) cores"
for w in 0 2; do
  set_w="SET max_parallel_workers_per_gather = $w;"
  base=$(seconds "$set_w $force" "SELECT count(*) FROM borger")
  valid=$(seconds "$set_w $force" "SELECT count(*) FILTER (WHERE dkcpr.is_valid(cpr)) FROM borger")
  cpu=; ((w)) || cpu=cpu
  report "count(*), $w workers" "$base" $cpu
  report "count(*) FILTER (is_valid), $w workers" "$valid" $cpu
  printf '%-44s %7.2f x wall' "is_valid / count(*), $w workers" "$(calc "${valid% *} / ${base% *}")"
  ((w)) || printf '   %6.2f x CPU' "$(calc "${valid#* } / ${base#* }")"
  echo
done
for w in 0 1 2; do
  s=$(seconds "SET max_parallel_workers_per_gather = $w; $force DROP TABLE IF EXISTS copy" \
    "CREATE TABLE copy AS SELECT id, dkcpr.pseudonymize(cpr, key => 'bench') AS cpr FROM borger")
  cpu=; ((w)) || cpu=cpu
  report "CREATE TABLE AS pseudonymize, $w workers" "$s" $cpu
done
s=$(seconds "DROP TABLE IF EXISTS copy" "CREATE TABLE copy AS SELECT id, cpr FROM borger")
report "CREATE TABLE AS plain copy (baseline)" "$s" cpu

# UPDATE on a fresh copy each time (no bloat from the run before).
fresh() {
  pgc_psql -c "DROP TABLE IF EXISTS u" -c "CREATE TABLE u AS SELECT * FROM borger" \
    -c "VACUUM ANALYZE u"
}
update() { # sessions expression
  # the sessions start together; the slowest one's time counts
  local n=$1 expr=$2 best= s i j pids out=$PGC_DIR/update
  for i in 1 2; do
    fresh
    pids=()
    for ((j = 0; j < n; j++)); do
      timed "SELECT 1" "UPDATE u SET cpr = $expr WHERE id % $n = $j" >"$out.$j" &
      pids+=($!)
    done
    for j in "${pids[@]}"; do wait "$j"; done
    s=$(cat "$out".* | awk '$1 > m { m = $1 } { c += $2 } END { print m, c }')
    rm -f "$out".*
    if [[ -z $best ]] || calc_true "${s% *} < ${best% *}"; then best=$s; fi
  done
  echo "$best"
}
report "UPDATE SET cpr = cpr (baseline), 1 session" "$(update 1 cpr)" cpu
report "UPDATE pseudonymize, 1 session" "$(update 1 "dkcpr.pseudonymize(cpr, key => 'bench')")" cpu
report "UPDATE pseudonymize, 2 sessions (CPU: sum)" \
  "$(update 2 "dkcpr.pseudonymize(cpr, key => 'bench')")" cpu

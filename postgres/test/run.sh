#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The extension's tests against a real PostgreSQL server started for them:
# pg_regress over postgres/test/sql (expected output in expected/), then the
# key-secrecy check: no key file's content appears in the server log (every
# statement logged), pg_stat_statements, pg_stat_activity or the test
# output. The server is stopped and its directory removed on any exit.
#
#   [DKCPR_PG_RESULTS=DIR] run.sh PG_CONFIG EXT_BUILD_DIR LIBDKCPR_DIR VECTORS_DIR
set -euo pipefail
pg_config=$1 ext_build=$2 libdir=$3 vectors=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/cluster.sh"
trap pgc_stop EXIT

pgc_start "$pg_config" "$ext_build" "$here/.." "$libdir" \
  "shared_preload_libraries = 'pg_stat_statements'" \
  "pg_stat_statements.track = all" \
  "log_statement = 'all'" "log_min_messages = info" \
  "log_min_error_statement = info" "log_error_verbosity = verbose"

# The golden vectors' keys, named by their first four hex digits (k603d,
# k0001); a malformed key and one readable by others, for the error tests.
mapfile -t keys < <(tail -n +2 "$vectors/pseudonyms.tsv" | cut -f1 | sort -u)
for k in "${keys[@]}"; do pgc_key "k${k:0:4}" "$k"; done
bad_key=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeX
open_key=fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210
pgc_key bad "$bad_key"
pgc_key open "$open_key" 644

work=$PGC_DIR/regress
mkdir -p "$work/out"
cp -r "$here/sql" "$here/expected" "$work/"
cp "$vectors/pseudonyms.tsv" "$work/"
# Lines with raw bytes (\xHH) cannot be SQL text; the others are loaded.
grep -v '\\x' "$vectors/cpr.tsv" >"$work/cpr.tsv"
[[ $(id -u) -eq 0 ]] && chown -R nobody:nogroup "$work"

tests=(type info keyed golden errors parallel recipe wash secrecy)
pgxs=$(dirname "$("$pg_config" --pgxs)")/..
status=0
pgc_as_server env DKCPR_VECTORS="$work" DKCPR_KEYS="$PGC_DIR/keys" \
  "$pgxs/test/regress/pg_regress" --inputdir="$work" --outputdir="$work/out" \
  --bindir="$PGC_BIN" --host="$PGHOST" --port="$PGPORT" --user=postgres \
  --dbname=dkcpr_regress "${tests[@]}" || status=$?
if ((status)); then
  cat "$work/out/regression.diffs" 2>/dev/null || true
fi
# DKCPR_PG_RESULTS=DIR keeps what the tests printed, for a look.
if [[ -n ${DKCPR_PG_RESULTS:-} ]]; then
  mkdir -p "$DKCPR_PG_RESULTS"
  cp "$work/out/results"/*.out "$DKCPR_PG_RESULTS/"
fi

# What the server shows of the statements it ran.
pgc_psql -At -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" \
  -c "SELECT query FROM pg_stat_statements" \
  -c "SELECT query FROM pg_stat_activity" >"$work/views.txt"
leaks=0
for k in "${keys[@]}" "$bad_key" "$open_key"; do
  for f in "$PGC_DIR/server.log" "$work/views.txt" "$work/out"/results/*.out; do
    if grep -qiF -e "$k" -e "${k:8:32}" "$f"; then
      echo "key material found in ${f#"$PGC_DIR"/}" >&2
      leaks=1
    fi
  done
done
# The search can fail: hexadecimal text sent in a statement on purpose
# (a canary, no key) is found in the log and in pg_stat_statements.
canary=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
pgc_psql -At -c "SELECT length('$canary')" >/dev/null
pgc_psql -At -c "SELECT query FROM pg_stat_statements" >"$work/canary.txt"
grep -qiF "$canary" "$PGC_DIR/server.log" ||
  { echo "the log search does not find a canary" >&2; leaks=1; }
grep -qF "SELECT length(" "$work/canary.txt" ||
  { echo "pg_stat_statements does not show the canary's statement" >&2; leaks=1; }
((leaks == 0)) || status=1
exit "$status"

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A production database washed as users do: pg_dump, dkcpr wash, psql into a
# new database. Checks that the washed dump loads (foreign keys on the CPR
# number included), that joins match row for row, that every column that held
# a number holds the same person's pseudonym, that no original number is left
# in any form, and that reveal gives the dump back byte for byte.
#
#   pg_dump_roundtrip.sh PG_CONFIG EXT_BUILD_DIR LIBDKCPR_DIR DKCPR_PROGRAM
set -euo pipefail
pg_config=$1 ext_build=$2 libdir=$3 dkcpr=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../postgres/test/cluster.sh"
trap pgc_stop EXIT
pgc_start "$pg_config" "$ext_build" "$here/../../postgres" "$libdir"
work=$PGC_DIR/wash
mkdir -p "$work"
bin=$("$pg_config" --bindir)

fail() {
  echo "pg_dump_roundtrip: $*" >&2
  [[ -n ${DKCPR_KEEP_WORK:-} ]] && { trap - EXIT; echo "kept $PGC_DIR" >&2; }
  exit 1
}

# 400 people with numbers of every century digit, 1,200 visits.
"$dkcpr" generate --count=400 --seed=pg-roundtrip --born=1900..2020 >"$work/numbers"
pgc_psql -c "CREATE DATABASE prod" -c "CREATE DATABASE test"
"$bin/psql" -X -q -v ON_ERROR_STOP=1 -d prod <<SQL
CREATE TABLE person (
  cpr char(10) PRIMARY KEY,
  cpr_dash varchar(11) NOT NULL,
  cpr_number bigint NOT NULL,
  name text NOT NULL,
  profile jsonb NOT NULL,
  path text NOT NULL
);
CREATE TABLE visit (
  id integer PRIMARY KEY,
  patient_cpr char(10) NOT NULL REFERENCES person (cpr),
  note text NOT NULL
);
CREATE TEMP TABLE numbers (cpr char(10));
\copy numbers FROM '$work/numbers'
INSERT INTO person
  SELECT cpr, substr(cpr, 1, 6) || '-' || substr(cpr, 7), cpr::bigint,
         'Navn ' || row_number() OVER (ORDER BY cpr),
         jsonb_build_object('cpr', cpr, 'note', 'ring om ' || cpr),
         'C:\\journal\\' || cpr || '.pdf'
  FROM numbers;
INSERT INTO visit
  SELECT g, p.cpr, 'Borger ' || p.cpr_dash || E' ringede.\\nCPR: ' || p.cpr
  FROM generate_series(1, 1200) g
  JOIN (SELECT cpr, cpr_dash, row_number() OVER (ORDER BY cpr) - 1 AS k FROM person) p
    ON p.k = g % 400;
SQL
"$bin/pg_dump" -d prod -f "$work/prod.sql"

key=$work/key
"$dkcpr" keygen -o "$key" >/dev/null
"$dkcpr" wash -q -k "$key" -o "$work/test.sql" "$work/prod.sql"
"$bin/psql" -X -q -v ON_ERROR_STOP=1 -d test -f "$work/test.sql" >/dev/null ||
  fail "the washed dump does not load"

q() { "$bin/psql" -X -q -A -t -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

# Same rows, same joins: visit i belongs to the same (renamed) person.
for t in person visit; do
  [[ $(q prod "SELECT count(*) FROM $t") == $(q test "SELECT count(*) FROM $t") ]] ||
    fail "$t: row counts differ"
done
join="SELECT v.id, p.name FROM visit v JOIN person p ON p.cpr = v.patient_cpr ORDER BY v.id"
[[ $(q prod "$join" | md5sum) == $(q test "$join" | md5sum) ]] || fail "joins differ"
[[ $(q test "SELECT count(*) FROM visit") == 1200 ]] || fail "visits lost"

# Every form of a person's number is that person's pseudonym.
bad=$(q test "SELECT count(*) FROM person WHERE cpr_dash <> substr(cpr, 1, 6) || '-' || substr(cpr, 7)
  OR cpr_number <> cpr::bigint OR profile->>'cpr' <> cpr
  OR profile->>'note' <> 'ring om ' || cpr OR path <> 'C:\\journal\\' || cpr || '.pdf'")
[[ $bad == 0 ]] || fail "$bad people whose columns name different numbers"
bad=$(q test "SELECT count(*) FROM visit v JOIN person p ON p.cpr = v.patient_cpr
  WHERE v.note <> 'Borger ' || p.cpr_dash || E' ringede.\\nCPR: ' || p.cpr")
[[ $bad == 0 ]] || fail "$bad visit notes name another number"

# No original number in any form, in the database or in the washed dump.
"$bin/pg_dump" -d test -f "$work/test-again.sql"
sed 's/^0*//' "$work/numbers" >"$work/numbers-as-integers"
for f in "$work/test.sql" "$work/test-again.sql"; do
  if grep -F -o -f "$work/numbers" "$f" | head -n 3 | grep -q .; then
    fail "$(basename "$f") still holds original numbers"
  fi
  if grep -w -F -o -f "$work/numbers-as-integers" "$f" | head -n 3 | grep -q .; then
    fail "$(basename "$f") still holds original numbers as integers"
  fi
done
[[ $(q test "SELECT count(*) FROM person") == 400 ]] || fail "people lost"

# The numbers are new ones, and reveal gives the dump back byte for byte.
"$dkcpr" reveal -q -k "$key" -o "$work/prod-again.sql" "$work/test.sql"
cmp -s "$work/prod.sql" "$work/prod-again.sql" || fail "reveal does not give the dump back"

# pg_dump --column-inserts: INSERT statements instead of COPY give the same data.
"$bin/pg_dump" -d prod --column-inserts -f "$work/prod-inserts.sql"
"$dkcpr" wash -q -k "$key" -o "$work/test-inserts.sql" "$work/prod-inserts.sql"
pgc_psql -c "CREATE DATABASE test_inserts"
"$bin/psql" -X -q -v ON_ERROR_STOP=1 -d test_inserts -f "$work/test-inserts.sql" >/dev/null ||
  fail "the washed --column-inserts dump does not load"
for t in "person ORDER BY cpr" "visit ORDER BY id"; do
  [[ $(q test "SELECT * FROM $t" | md5sum) == $(q test_inserts "SELECT * FROM $t" | md5sum) ]] ||
    fail "${t%% *}: INSERT and COPY dumps wash to different data"
done
"$dkcpr" reveal -q -k "$key" -o "$work/prod-inserts-again.sql" "$work/test-inserts.sql"
cmp -s "$work/prod-inserts.sql" "$work/prod-inserts-again.sql" ||
  fail "reveal does not give the --column-inserts dump back"
echo "pg_dump_roundtrip: 400 people, 1200 visits washed, loaded, joined and revealed (COPY and INSERT)"

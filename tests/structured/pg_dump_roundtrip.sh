#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A production database washed as users do: pg_dump, dkcpr wash, psql into a
# new database. Checks that the washed dump loads (foreign keys on the CPR
# number included), that joins match row for row, that every column that held
# a number holds the same person's pseudonym, that no original number is left
# in any form, and that reveal gives the dump back byte for byte. With
# --rules, birth dates and genders follow each row's pseudonym, phones are
# redacted and e-mail addresses emptied.
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
-- The birth date and gender a CPR number says (century from the 7th digit).
CREATE FUNCTION cpr_born(c text) RETURNS date LANGUAGE sql IMMUTABLE AS \$\$
  SELECT make_date(
    CASE WHEN substr(c, 7, 1) IN ('0', '1', '2', '3') THEN 1900
         WHEN substr(c, 7, 1) IN ('4', '9') THEN CASE WHEN substr(c, 5, 2)::int <= 36 THEN 2000 ELSE 1900 END
         ELSE CASE WHEN substr(c, 5, 2)::int <= 57 THEN 2000 ELSE 1800 END
    END + substr(c, 5, 2)::int, substr(c, 3, 2)::int, substr(c, 1, 2)::int)
\$\$;
CREATE FUNCTION cpr_gender(c text) RETURNS char(1) LANGUAGE sql IMMUTABLE AS \$\$
  SELECT CASE WHEN substr(c, 10, 1)::int % 2 = 1 THEN 'M' ELSE 'K' END
\$\$;
CREATE TABLE person (
  cpr char(10) PRIMARY KEY,
  cpr_dash varchar(11) NOT NULL,
  cpr_number bigint NOT NULL,
  name text NOT NULL,
  profile jsonb NOT NULL,
  path text NOT NULL,
  born date NOT NULL,
  gender char(1) NOT NULL,
  phone text,
  email text
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
         jsonb_build_object('cpr', cpr, 'note', 'ring om ' || cpr, 'cpr_number', cpr::bigint),
         'C:\\journal\\' || cpr || '.pdf', cpr_born(cpr), cpr_gender(cpr),
         '2' || lpad((row_number() OVER (ORDER BY cpr))::text, 7, '0'),
         'navn' || row_number() OVER (ORDER BY cpr) || '@firma.dk'
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
  OR cpr_number <> cpr::bigint OR profile->>'cpr' <> cpr OR (profile->>'cpr_number')::bigint <> cpr::bigint
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

# --rules: birth date and gender follow the pseudonym (--keep none changes
# both), in COPY data; reveal gives the dump back as the rows agreed.
printf 'fields:\n  born: {birth_date: YYYY-MM-DD}\n  gender: {sex: {male: M, female: K}}\n' \
  >"$work/rules.yaml"
"$dkcpr" wash -q -k "$key" --keep=none --rules="$work/rules.yaml" --manifest="$work/rules.json" \
  -o "$work/test-rules.sql" "$work/prod.sql"
pgc_psql -c "CREATE DATABASE test_rules"
"$bin/psql" -X -q -v ON_ERROR_STOP=1 -d test_rules -f "$work/test-rules.sql" >/dev/null ||
  fail "the dump washed with --rules does not load"
bad=$(q test_rules "SELECT count(*) FROM person WHERE born <> cpr_born(cpr) OR gender <> cpr_gender(cpr)")
[[ $bad == 0 ]] || fail "--rules: $bad people whose birth date or gender contradicts their number"
kept=$(comm -12 <(q prod "SELECT name || ' ' || born FROM person ORDER BY 1") \
                <(q test_rules "SELECT name || ' ' || born FROM person ORDER BY 1") | wc -l)
((kept < 20)) || fail "--rules: $kept of 400 people kept their real birth date"
[[ $(q test_rules "$join" | md5sum) == $(q prod "$join" | md5sum) ]] || fail "--rules: joins differ"
"$dkcpr" reveal -q -k "$key" --manifest="$work/rules.json" -o "$work/prod-rules-again.sql" \
  "$work/test-rules.sql"
cmp -s "$work/prod.sql" "$work/prod-rules-again.sql" ||
  fail "reveal --manifest does not give back the dump washed with --rules"

# Phones redacted, e-mail addresses emptied (NULL); COPY rows and INSERT
# statements alike.
printf 'fields:\n  born: {birth_date: YYYY-MM-DD}\n  phone: redact\n  email: empty\n' \
  >"$work/rules2.yaml"
for dump in prod prod-inserts; do
  "$dkcpr" wash -q -k "$key" --rules="$work/rules2.yaml" -o "$work/$dump-rules2.sql" \
    "$work/$dump.sql"
  db=test_${dump//-/_}_rules2
  pgc_psql -c "CREATE DATABASE $db"
  "$bin/psql" -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$work/$dump-rules2.sql" >/dev/null ||
    fail "$dump: the dump washed with redact and empty rules does not load"
  [[ $(q "$db" "SELECT count(*) FROM person WHERE phone = '[CPR]' AND email IS NULL") == 400 ]] ||
    fail "$dump: phones not redacted or e-mail addresses not emptied"
  ! grep -q -E -w -e '[a-z0-9]+@firma\.dk' -e '2000[0-9]{4}' "$work/$dump-rules2.sql" ||
    fail "$dump: a phone or e-mail survived"
done
for db in test_prod_rules2 test_prod_inserts_rules2; do
  [[ $(q "$db" "SELECT count(*) FROM person WHERE born = cpr_born(cpr)") == 400 ]] ||
    fail "--rules: $db: birth dates do not follow the pseudonyms"
done
echo "pg_dump_roundtrip: 400 people, 1200 visits washed, loaded, joined and revealed (COPY and INSERT, with and without --rules)"

-- The cpr type: every written form in, the canonical characters out;
-- compares, sorts, indexes and hashes like the text of those characters.
CREATE EXTENSION dkcpr;
SELECT extversion, extnamespace::regnamespace FROM pg_extension WHERE extname = 'dkcpr';
-- Operators are found through search_path: the schema goes on it, for
-- this session and the tests after it (docs/postgresql.md says the same).
SET search_path = public, dkcpr;
DO $$ BEGIN
  EXECUTE format('ALTER DATABASE %I SET search_path = public, dkcpr', current_database());
END $$;

-- Forms (cpr-rules.md 8.1: 211062-5629 and 070761-4285).
SELECT '211062-5629'::dkcpr.cpr AS dashed, '2110625629'::dkcpr.cpr AS compact,
       '211062 5629'::dkcpr.cpr AS spaced, ' 211062–5629 '::dkcpr.cpr AS lenient,
       '２１１０６２５６２９'::dkcpr.cpr AS fullwidth;
-- Replacement numbers (day + 60) and e-CPR letters are stored as written.
SELECT '6701651004'::dkcpr.cpr AS replacement, '020329-1WQ3'::dkcpr.cpr AS ecpr;
-- A birth date after today is accepted: the type never depends on the day.
SELECT '0101575004'::dkcpr.cpr AS born_2057;
SELECT NULL::dkcpr.cpr IS NULL AS null_stays_null;

-- Comparison and order are those of the canonical characters.
SELECT '211062-5629'::dkcpr.cpr = '2110625629' AS eq,
       '211062-5629'::dkcpr.cpr <> '070761-4285' AS ne,
       '070761-4285'::dkcpr.cpr < '211062-5629' AS lt,
       '070761-4285'::dkcpr.cpr <= '070761-4285' AS le,
       '211062-5629'::dkcpr.cpr > '070761-4285' AS gt,
       '211062-5629'::dkcpr.cpr >= '211062-5629' AS ge;
CREATE TABLE people (id int, cpr dkcpr.cpr);
INSERT INTO people VALUES (1, '211062-5629'), (2, '070761-4285'), (3, '010111-1113'),
  (4, '2110625629'), (5, NULL), (6, '6701651004');
SELECT id, cpr FROM people ORDER BY cpr, id;
SELECT cpr, count(*) FROM people GROUP BY cpr ORDER BY cpr;
CREATE INDEX people_cpr ON people (cpr);
CREATE INDEX people_cpr_hash ON people USING hash (cpr);
SET enable_seqscan = off;
SELECT id FROM people WHERE cpr = '211062-5629' ORDER BY id;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM people WHERE cpr = '211062-5629';
RESET enable_seqscan;
RESET enable_bitmapscan;
SELECT count(DISTINCT cpr) FROM people;
SELECT a.id, b.id FROM people a JOIN people b ON a.cpr = b.cpr WHERE a.id < b.id;

-- Text and varchar columns convert implicitly, cpr to text on assignment.
CREATE TABLE legacy (cpr text, cpr_v varchar(11));
INSERT INTO legacy VALUES ('211062-5629', '070761-4285');
SELECT p.id FROM people p JOIN legacy l ON p.cpr = l.cpr ORDER BY p.id;
SELECT p.id FROM people p JOIN legacy l ON p.cpr = l.cpr_v;
INSERT INTO legacy SELECT cpr, cpr FROM people WHERE id = 3;
SELECT * FROM legacy ORDER BY cpr;
SELECT length('211062-5629'::dkcpr.cpr::text);

-- Binary transfer (send, receive) round-trips.
\getenv work DKCPR_VECTORS
\set binfile :work '/people.bin'
COPY people TO :'binfile' (FORMAT binary);
CREATE TABLE people2 (LIKE people);
COPY people2 FROM :'binfile' (FORMAT binary);
SELECT count(*) FROM people p JOIN people2 q USING (id) WHERE p.cpr IS NOT DISTINCT FROM q.cpr;

-- The functions run in parallel workers, and give there what they give in
-- the leader. 20000 valid numbers born 1950-1999 (7th digit 0-3).
CREATE TABLE borger AS
  SELECT i AS id, to_char(date '1950-01-01' + i % 18000, 'DDMMYY') ||
         lpad(((i * 7) % 4000)::text, 4, '0') AS cpr
  FROM generate_series(1, 20000) i;
ANALYZE borger;
SELECT count(*) FILTER (WHERE dkcpr.is_valid(cpr)) FROM borger;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT count(*) FILTER (WHERE dkcpr.is_valid(cpr)) FROM borger;
EXPLAIN (COSTS OFF) CREATE TABLE test_copy AS
  SELECT id, dkcpr.pseudonymize(cpr, key => 'k603d') AS cpr FROM borger;

-- Workers are launched and do the work (the leader does not take part).
CREATE FUNCTION pg_temp.workers(q text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON) ' || q INTO plan;
  RETURN (SELECT max((n->>'Workers Launched')::int)
            FROM json_array_elements(plan->0->'Plan'->'Plans') n);
END $$;
SELECT pg_temp.workers($$SELECT count(*) FILTER (WHERE dkcpr.is_valid(cpr)) FROM borger$$) > 0
  AS is_valid_in_workers;
SELECT pg_temp.workers($$SELECT count(*) FROM borger
  WHERE dkcpr.reveal(dkcpr.pseudonymize(cpr, key => 'k603d'), key => 'k603d') = cpr$$) > 0
  AS pseudonymize_in_workers;
SELECT count(*) FILTER (WHERE dkcpr.is_valid(cpr)) FROM borger;

-- CREATE TABLE AS in parallel equals the serial result, and the key named
-- by dkcpr.key_name reaches the workers.
SET dkcpr.key_name = 'k603d';
CREATE TABLE test_copy AS
  SELECT id, dkcpr.pseudonymize(cpr) AS cpr, dkcpr.pseudonymize(cpr::dkcpr.cpr) AS typed
  FROM borger;
RESET dkcpr.key_name;
SET max_parallel_workers_per_gather = 0;
SELECT count(*) AS rows,
       count(*) FILTER (WHERE t.cpr = dkcpr.pseudonymize(b.cpr, key => 'k603d')
                        AND t.typed = t.cpr::dkcpr.cpr) AS serial_equal,
       count(DISTINCT t.cpr) AS distinct_pseudonyms
  FROM borger b JOIN test_copy t USING (id);
RESET ALL;

-- Every error: its SQLSTATE (22Kxx, xx the library status number, for the
-- library's statuses) and its message, which never holds the value.
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT pg_temp.err($$SELECT '21106256'::dkcpr.cpr$$) AS e_length;
SELECT pg_temp.err($$SELECT '21106a-5629'::dkcpr.cpr$$) AS e_char;
SELECT pg_temp.err($$SELECT '211062/5629'::dkcpr.cpr$$) AS e_separator;
SELECT pg_temp.err($$SELECT '511062-5629'::dkcpr.cpr$$) AS e_date;
SELECT pg_temp.err($$SELECT dkcpr.parse('2902191234')$$) AS e_date_leap;
SELECT pg_temp.err($$SELECT dkcpr.pseudonymize('2110620629', key => 'k603d', policy => 'strict')$$) AS e_mod11;
SELECT pg_temp.err($$SELECT dkcpr.cpr_age('0707614285', '1961-07-06')$$) AS e_future;
SELECT pg_temp.err($$SELECT dkcpr.cpr_age('0707614285', 'infinity')$$) AS e_date_infinite;
SELECT pg_temp.err($$SELECT dkcpr.pseudonymize('6701651004', key => 'k603d', never_real => true)$$) AS e_kind;
SELECT pg_temp.err($$SELECT dkcpr.pseudonymize(-1::bigint, key => 'k603d')$$) AS int_negative;
SELECT pg_temp.err($$SELECT dkcpr.pseudonymize(10000000000, key => 'k603d')$$) AS int_too_big;
SELECT pg_temp.err($$INSERT INTO people VALUES (9, '3102509000')$$) AS insert_rejected;
-- Arguments.
SELECT pg_temp.err($$SELECT dkcpr.is_valid('211062-5629', 'lax')$$) AS policy;
SELECT pg_temp.err($$SELECT dkcpr.pseudonymize('211062-5629', key => 'k603d', keep => 'year,age')$$) AS keep;
SELECT pg_temp.err($$SELECT dkcpr.pseudonymize('211062-5629', key => 'k603d', keep => '')$$) AS keep_empty;
SELECT pg_temp.err($$SELECT dkcpr.cpr_format('211062-5629', 'iso')$$) AS style;
SELECT pg_temp.err($$SELECT dkcpr.token('211062-5629', key => 'k603d', chars => 15)$$) AS token_short;
SELECT pg_temp.err($$SELECT dkcpr.token('211062-5629', key => 'k603d', chars => 53)$$) AS token_long;
SELECT pg_temp.err($$SELECT dkcpr.wash('x', key => 'k603d', mode => 'reveal')$$) AS wash_mode;
-- Keys: messages name the key and the setting, never the key's content.
SELECT pg_temp.err($$SELECT dkcpr.pseudonymize('211062-5629')$$) AS no_key;
SELECT pg_temp.err($$SELECT dkcpr.pseudonymize('211062-5629', key => '../k603d')$$) AS bad_name;
SELECT pg_temp.err($$SELECT dkcpr.pseudonymize('211062-5629', key => 'nosuchkey')$$) AS missing;
SELECT pg_temp.err($$SELECT dkcpr.pseudonymize('211062-5629', key => 'bad')$$) AS malformed;
SELECT pg_temp.err($$SELECT dkcpr.pseudonymize('211062-5629', key => 'open')$$) AS readable_by_others;
SET dkcpr.key_name = 'nosuchkey';
SELECT pg_temp.err($$SELECT dkcpr.pseudonymize('211062-5629')$$) AS missing_default;
RESET dkcpr.key_name;
BEGIN;
SET LOCAL dkcpr.key_directory = '';
SELECT pg_temp.err($$SELECT dkcpr.pseudonymize('211062-5629', key => 'k603d')$$) AS no_directory;
ROLLBACK;
-- Still working after all that.
SELECT dkcpr.pseudonymize('211062-5629', key => 'k603d', context => 'golden');
-- As psql shows it: the message, and the status in the detail.
SELECT '511062-5629'::dkcpr.cpr;

-- Keys stay on the server: the directory setting is superuser-only, reveal
-- needs a grant; a plain role can pseudonymize and nothing more.
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE ROLE tester;
GRANT USAGE ON SCHEMA dkcpr TO tester;
SET ROLE tester;
SELECT dkcpr.pseudonymize('211062-5629', key => 'k603d', context => 'golden');
SELECT pg_temp.err($$SHOW dkcpr.key_directory$$) AS show_directory;
SELECT pg_temp.err($$SET dkcpr.key_directory = '/tmp'$$) AS set_directory;
SELECT pg_temp.err($$SELECT dkcpr.reveal('310762-6831', key => 'k603d', context => 'golden')$$)
  AS reveal;
SELECT count(*) AS settings_shown FROM pg_settings WHERE name = 'dkcpr.key_directory';
RESET ROLE;
GRANT EXECUTE ON FUNCTION dkcpr.reveal(text, text, text, text, boolean, text) TO tester;
SET ROLE tester;
SELECT dkcpr.reveal('310762-6831', key => 'k603d', context => 'golden');
RESET ROLE;
REVOKE ALL ON FUNCTION dkcpr.reveal(text, text, text, text, boolean, text) FROM tester;
REVOKE ALL ON SCHEMA dkcpr FROM tester;
DROP ROLE tester;
-- A replaced key file is read again at the next statement: key "rot" is
-- first a copy of k0001, then of k603d.
\! cp -p "$DKCPR_KEYS/k0001.key" "$DKCPR_KEYS/rot.key"
SELECT dkcpr.pseudonymize('211062-5629', key => 'rot', context => 'golden')
     = dkcpr.pseudonymize('211062-5629', key => 'k0001', context => 'golden') AS first_key;
\! cp "$DKCPR_KEYS/k603d.key" "$DKCPR_KEYS/rot.key"
SELECT dkcpr.pseudonymize('211062-5629', key => 'rot', context => 'golden') AS second_key;

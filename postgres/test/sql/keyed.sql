-- Keyed functions, values from tests/vectors/pseudonyms.tsv. Key k603d is
-- the vectors' key 603deb10..., k0001 the key 00010203...; both are files
-- in dkcpr.key_directory, written by the test runner.
-- 211062-5629 under k603d, context "golden", every keep mode:
SELECT dkcpr.pseudonymize('211062-5629', key => 'k603d', context => 'golden', keep => 'none') AS none,
       dkcpr.pseudonymize('211062-5629', key => 'k603d', context => 'golden', keep => 'sex') AS sex,
       dkcpr.pseudonymize('211062-5629', key => 'k603d', context => 'golden', keep => 'year') AS year,
       dkcpr.pseudonymize('211062-5629', key => 'k603d', context => 'golden') AS year_sex,
       dkcpr.pseudonymize('211062-5629', key => 'k603d', context => 'golden', keep => 'date') AS date;
-- The written form is kept: space, en dash, full-width digits.
SELECT dkcpr.pseudonymize('211062 5629', key => 'k603d', context => 'golden'),
       dkcpr.pseudonymize('211062–5629', key => 'k603d', context => 'golden'),
       dkcpr.pseudonymize('２１１０６２５６２９', key => 'k603d', context => 'golden');
-- The cpr type gives the canonical characters; e-CPR keeps its kind.
SELECT dkcpr.pseudonymize('211062-5629'::dkcpr.cpr, key => 'k603d', context => 'golden'),
       dkcpr.pseudonymize('0203291WQ3'::dkcpr.cpr, key => 'k603d', context => 'golden');
-- The integer form: 0605673678 is 605673678 (no context, keep none).
SELECT dkcpr.pseudonymize(605673678, key => 'k603d', keep => 'none') AS int_form,
       dkcpr.pseudonymize('0605673678', key => 'k603d', keep => 'none') AS text_form;
-- never_real: into the day + 60 space (0312723670 -> 8406019817).
SELECT dkcpr.pseudonymize('0312723670', key => 'k603d', keep => 'none', never_real => true);
-- The other key, default keep: 1407283801 -> 0309281845 under k603d,
-- 8105813458 -> 7803814974 under k0001.
SELECT dkcpr.pseudonymize('1407283801', key => 'k603d'),
       dkcpr.pseudonymize('8105813458', key => 'k0001');

-- reveal undoes each form.
SELECT dkcpr.reveal('310762-6831', key => 'k603d', context => 'golden'),
       dkcpr.reveal('3107626831'::dkcpr.cpr, key => 'k603d', context => 'golden'),
       dkcpr.reveal(411322424, key => 'k603d', keep => 'none'),
       dkcpr.reveal('8406019817', key => 'k603d', keep => 'none', never_real => true);

-- The key named by dkcpr.key_name when none is passed.
SET dkcpr.key_name = 'k603d';
SELECT dkcpr.pseudonymize('1407283801'), dkcpr.reveal('0309281845');
RESET dkcpr.key_name;

-- Context separates datasets: another context, another pseudonym.
SELECT dkcpr.pseudonymize('211062-5629', key => 'k603d', context => 'golden')
    <> dkcpr.pseudonymize('211062-5629', key => 'k603d', context => 'other') AS differs;

-- Tokens: fixed length, base32, the same for every written form of a
-- number, different per key and context, equal to the wash token.
SELECT length(t) AS len, t ~ '^[a-z2-7]+$' AS base32,
       t = dkcpr.token('2110625629'::dkcpr.cpr, key => 'k603d') AS same_for_type,
       t = dkcpr.token(2110625629, key => 'k603d') AS same_for_int,
       t <> dkcpr.token('211062-5629', key => 'k0001') AS per_key,
       t <> dkcpr.token('211062-5629', key => 'k603d', context => 'x') AS per_context,
       length(dkcpr.token('211062-5629', key => 'k603d', chars => 52)) AS len52,
       'CPR ' || t = dkcpr.wash('CPR 211062-5629', key => 'k603d', mode => 'token') AS wash_token
  FROM (SELECT dkcpr.token('211062-5629', key => 'k603d') AS t) s;

-- STRICT: NULL in, NULL out.
SELECT dkcpr.pseudonymize(NULL::text, key => 'k603d') IS NULL AS n1,
       dkcpr.pseudonymize('211062-5629', key => NULL) IS NULL AS n2,
       dkcpr.reveal(NULL::dkcpr.cpr, key => 'k603d') IS NULL AS n3,
       dkcpr.token(NULL::bigint, key => 'k603d') IS NULL AS n4;

-- Volatility and parallel markings.
SELECT p.proname, p.provolatile, p.proparallel, p.proisstrict, count(*)
  FROM pg_proc p WHERE p.pronamespace = 'dkcpr'::regnamespace
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;

-- Every line of tests/vectors/pseudonyms.tsv: pseudonymize gives the frozen
-- output and reveal the input, through the text, cpr and integer forms.
\getenv work DKCPR_VECTORS
\set golden :work '/pseudonyms.tsv'
CREATE TABLE golden (key_hex text, context_hex text, keep int, flags int,
  policy int, parse_flags int, input text, output text);
COPY golden FROM :'golden' WITH (FORMAT text, HEADER true);
-- Keys by name, never by value: k + the key's first four hex digits.
CREATE VIEW g AS SELECT 'k' || left(key_hex, 4) AS key,
    convert_from(decode(context_hex, 'hex'), 'UTF8') AS context,
    concat_ws(',', CASE WHEN keep & 1 <> 0 THEN 'sex' END,
                   CASE WHEN keep & 2 <> 0 THEN 'year' END,
                   CASE WHEN keep & 4 <> 0 THEN 'date' END,
                   CASE WHEN keep = 0 THEN 'none' END) AS keep,
    flags = 1 AS never_real,
    (ARRAY['default', 'known-dates', 'strict'])[policy + 1] AS policy,
    input, output
  FROM golden;
SELECT count(*) AS lines, count(DISTINCT key) AS keys FROM g;
SELECT count(*) AS pseudonym_mismatches FROM g
  WHERE dkcpr.pseudonymize(input, key, keep, context, never_real, policy) <> output;
SELECT count(*) AS reveal_mismatches FROM g
  WHERE dkcpr.reveal(output, key, keep, context, never_real, policy) <> input;
-- The compact ASCII lines again as the cpr type and as integers.
SELECT count(*) AS compact_lines,
       count(*) FILTER (WHERE dkcpr.pseudonymize(input::dkcpr.cpr, key, keep, context,
                              never_real, policy)::text = output) AS cpr_matching,
       count(*) FILTER (WHERE input ~ '^[0-9]+$' AND output ~ '^[0-9]+$') AS digit_lines,
       count(*) FILTER (WHERE input ~ '^[0-9]+$' AND output ~ '^[0-9]+$' AND
                        dkcpr.pseudonymize(input::bigint, key, keep, context, never_real,
                                           policy) = output::bigint
                        AND dkcpr.reveal(output::bigint, key, keep, context, never_real,
                                         policy) = input::bigint) AS int_matching
  FROM g WHERE input ~ '^[0-9A-Z]{10}$';

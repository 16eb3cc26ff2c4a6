-- Validation and what a number says, against cpr-rules.md's vectors.
-- 211062-5629: 1862-10-21, male, mod 11 holds (rules 8.1, python-stdnum).
SELECT * FROM dkcpr.parse('211062-5629');
-- 010180-1234: 1980-01-01 (a known date), female, mod 11 fails.
SELECT * FROM dkcpr.parse('010180-1234'::dkcpr.cpr);
-- 6701651004: replacement number, real date 1965-01-07.
SELECT * FROM dkcpr.parse('6701651004');
-- 020329-1WQ3: X-eCPR (7th character 1), 1929-03-02, male (3 is odd).
SELECT * FROM dkcpr.parse('020329-1WQ3');
SELECT (dkcpr.parse('070761-4285')).birth_date;

SELECT dkcpr.birth_date('070761-4285'), dkcpr.sex('070761-4285'),
       dkcpr.sex('211062-5629');
-- Ages (age.tsv): 59 the day before the 60th birthday, 60 on it.
SELECT dkcpr.cpr_age('0707614285', '2021-07-06'), dkcpr.cpr_age('0707614285', '2021-07-07'),
       dkcpr.cpr_age('0707614285', '1961-07-07');
-- A 29 February birthday is reached on 1 March.
SELECT dkcpr.cpr_age('2902004001', '2001-02-28'), dkcpr.cpr_age('2902004001', '2001-03-01');
SELECT dkcpr.cpr_age('0707614285') >= 65 AS default_is_today;
-- Formats (format.tsv).
SELECT dkcpr.cpr_format('0707614285') AS dashed,
       dkcpr.cpr_format('0707614285', 'compact') AS compact,
       dkcpr.cpr_format('0707614285', 'masked') AS masked,
       dkcpr.cpr_format('0707614285', 'masked-full') AS masked_full,
       dkcpr.cpr_format('0203291WQ3', 'dashed') AS ecpr;
SELECT dkcpr.mask('0707614285'), dkcpr.mask('0707614285', true);

-- is_valid: the library's defaults, today's date for the not-yet-born check.
SELECT dkcpr.is_valid('211062-5629') AS stdnum,
       dkcpr.is_valid('511062-5629') AS no_such_day,
       dkcpr.is_valid('2110620629') AS mod11_fails,
       dkcpr.is_valid('2110620629', 'strict') AS strict,
       dkcpr.is_valid('0101800000', 'known-dates') AS known_date,
       dkcpr.is_valid('6701651004') AS replacement,
       dkcpr.is_valid('0101575004') AS born_2057,
       dkcpr.is_valid('') AS empty, dkcpr.is_valid('21106256290') AS long;
SELECT dkcpr.is_valid(NULL) IS NULL AS strict_null, dkcpr.birth_date(NULL) IS NULL,
       dkcpr.parse(NULL::text) IS NULL;

-- All of cpr.tsv that SQL text can hold (lines with raw bytes, \xHH, are
-- left out by the test runner: a text value cannot hold them).
\getenv work DKCPR_VECTORS
\set cprfile :work '/cpr.tsv'
CREATE TABLE v (input text, policy text, flags text, ref_date date, status text,
  year text, month text, day text, sex text, kind text, mod11 text, known_date text, note text);
COPY v FROM :'cprfile' WITH (FORMAT text, HEADER true);
SELECT count(*) > 500 AS loaded FROM v;
-- Every valid line: parse gives its fields (parse accepts every form, kind
-- and date, and every policy's valid numbers are valid under the default).
SELECT count(*) AS ok_lines,
       count(*) FILTER (WHERE (p).birth_date = make_date(year::int, month::int, day::int)
         AND (p).sex = sex AND (p).kind = kind AND (p).mod11 = (mod11 = '1')
         AND (p).known_date = (known_date = '1')) AS matching
  FROM (SELECT *, dkcpr.parse(input) AS p FROM v WHERE status = 'DKCPR_OK') s;
-- Lines without flags: is_valid agrees with the status (not-yet-born lines
-- left out, their outcome moves with the date).
SELECT count(*) AS plain_lines,
       count(*) FILTER (WHERE dkcpr.is_valid(input, policy) = (status = 'DKCPR_OK')) AS agreeing
  FROM v WHERE flags = '-' AND status <> 'DKCPR_E_FUTURE';

-- Washing in place where the CPR column is a key that others reference
-- (docs/postgresql.md). A pseudonym may equal a number not yet updated, so
-- one UPDATE of a unique column can collide mid-way; two ways round it.
CREATE TABLE person (cpr dkcpr.cpr PRIMARY KEY, name text);
CREATE TABLE visit (id int PRIMARY KEY,
  cpr dkcpr.cpr NOT NULL REFERENCES person ON UPDATE CASCADE);
CREATE TABLE note (id int PRIMARY KEY,
  cpr dkcpr.cpr NOT NULL REFERENCES person DEFERRABLE INITIALLY IMMEDIATE);
INSERT INTO person SELECT DISTINCT cpr::dkcpr.cpr, 'p' || id FROM borger WHERE id <= 5000;
INSERT INTO visit SELECT id, cpr FROM borger WHERE id <= 5000;
INSERT INTO note SELECT id, cpr FROM borger WHERE id <= 5000 AND id % 3 = 0;
CREATE TABLE original AS SELECT v.id, v.cpr FROM visit v;

-- 1. never_real: pseudonyms are day + 60 numbers, which no real number in
--    the column equals, so one UPDATE cannot collide; ON UPDATE CASCADE
--    carries it to visit; note's deferrable key is updated in the same
--    transaction.
BEGIN;
SET CONSTRAINTS ALL DEFERRED;
UPDATE person SET cpr = dkcpr.pseudonymize(cpr, key => 'k603d', never_real => true);
UPDATE note SET cpr = dkcpr.pseudonymize(cpr, key => 'k603d', never_real => true);
COMMIT;
SELECT count(*) AS visits, count(*) FILTER (WHERE v.cpr = dkcpr.pseudonymize(o.cpr,
         key => 'k603d', never_real => true)) AS as_expected,
       count(*) FILTER (WHERE (dkcpr.parse(v.cpr)).kind = 'replacement') AS day_plus_60
  FROM visit v JOIN original o USING (id);
SELECT count(*) AS notes_joined FROM note n JOIN person p USING (cpr);

-- 2. Real-looking pseudonyms: from the day + 60 space back into the real
--    one (reveal, then pseudonymize without never_real), again disjoint
--    from every value still in the column.
BEGIN;
SET CONSTRAINTS ALL DEFERRED;
UPDATE person SET cpr = dkcpr.pseudonymize(dkcpr.reveal(cpr, key => 'k603d', never_real => true),
                                           key => 'k603d', context => 'test');
UPDATE note SET cpr = dkcpr.pseudonymize(dkcpr.reveal(cpr, key => 'k603d', never_real => true),
                                         key => 'k603d', context => 'test');
COMMIT;
SELECT count(*) AS visits, count(*) FILTER (WHERE v.cpr = dkcpr.pseudonymize(o.cpr,
         key => 'k603d', context => 'test')) AS as_expected,
       count(*) FILTER (WHERE (dkcpr.parse(v.cpr)).kind = 'cpr') AS ordinary
  FROM visit v JOIN original o USING (id);
SELECT count(*) AS notes_joined FROM note n JOIN person p USING (cpr);
-- and reveal brings the real numbers back.
SELECT count(*) FILTER (WHERE dkcpr.reveal(v.cpr, key => 'k603d', context => 'test') = o.cpr)
  AS revealed FROM visit v JOIN original o USING (id);

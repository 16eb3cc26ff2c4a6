-- wash: numbers in free text replaced, every other byte kept.
SELECT dkcpr.wash('Patient 070761-4285 (cpr 2110625629) set 2024-01-01.', mode => 'mask');
SELECT dkcpr.wash('Patient 070761-4285 seen.', mode => 'redact');
SELECT dkcpr.wash('no numbers here: 12345, 2024-01-01', mode => 'mask');
SELECT dkcpr.wash('', mode => 'mask') = '' AS empty;
-- Pseudonym mode gives pseudonymize's output, in place.
SELECT dkcpr.wash('Ref: 211062-5629; ref2: 211062 5629.', key => 'k603d', context => 'golden');
SELECT dkcpr.wash(d, key => 'k0001', keep => 'date', context => 'c')
     = replace(d, '070761-4285', dkcpr.pseudonymize('070761-4285', key => 'k0001',
                                                    keep => 'date', context => 'c'))
  AS same_as_pseudonymize
  FROM (SELECT repeat('x ', 3000) || 'cpr: 070761-4285 ' || repeat('y', 5000) AS d) s;
SELECT dkcpr.wash(NULL, mode => 'mask') IS NULL AS strict;

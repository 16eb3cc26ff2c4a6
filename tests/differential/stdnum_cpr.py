#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Differential test: dkcpr (default policy) against Debian's python3-stdnum
(stdnum.dk.cpr) over random inputs, validity and birth date, with the
reference date pinned on both sides.

Usage: stdnum_cpr.py PATH/TO/cpr_verdict [COUNT] [SEED]

Deliberate differences, each checked rather than ignored:
* stdnum.dk.cpr.compact() deletes every space and hyphen anywhere, strips
  surrounding white space and maps Unicode dashes and some other characters
  to ASCII before validating; dkcpr's default mode accepts only the three
  ASCII forms DDMMYYSSSS, DDMMYY-SSSS and DDMMYY SSSS (lenient forms are a
  separate option). So where stdnum accepts an input that is not in one of
  those forms and dkcpr reports a shape error (length, character,
  separator), the disagreement is explained only if dkcpr accepts
  stdnum's compacted form with the same birth date.
* Everything else must agree exactly: valid in both with the same date, or
  invalid in both.
Exit status 0 when no disagreement is left unexplained, 1 otherwise, 77
(skip) when stdnum is not installed.
"""
import datetime
import random
import re
import subprocess
import sys
import types

try:
    from stdnum.dk import cpr
    from stdnum.exceptions import ValidationError
except ImportError:
    print('python3-stdnum is not installed: skipping')
    sys.exit(77)

REF = datetime.date(2026, 11, 26)


class PinnedDate(datetime.date):
    """datetime.date whose today() is the pinned reference date."""

    @classmethod
    def today(cls):
        return cls(REF.year, REF.month, REF.day)


# stdnum.dk.cpr calls datetime.date.today() through its module global.
cpr.datetime = types.SimpleNamespace(date=PinnedDate)

ASCII_FORM = re.compile(r'\A[0-9]{6}[- ]?[0-9]{4}\Z')
SHAPE_ERRORS = {'DKCPR_E_LENGTH', 'DKCPR_E_CHAR', 'DKCPR_E_SEPARATOR'}
UNICODE_DASHES = ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015',
                  '\u2212', '\uff0d', '\u00ad', '\u058a']
UNICODE_SPACES = ['\u00a0', '\u2003', '\u3000', '\u2009', '\u202f']


def random_number(rng):
    """A CPR-like candidate with a realistic spread of dates and centuries."""
    r = rng.random()
    day = rng.randint(1, 31) if r < 0.75 else rng.randint(61, 91) if r < 0.85 else rng.randint(0, 99)
    month = rng.randint(1, 12) if rng.random() < 0.9 else rng.randint(0, 19)
    if rng.random() < 0.15:  # around the century and 29 February boundaries
        yy = rng.choice([0, 1, 20, 25, 26, 27, 35, 36, 37, 38, 56, 57, 58, 59, 96, 99])
        day, month = rng.choice([(day, month), (29, 2), (28, 2), (1, 1), (31, 12), (26, 11), (27, 11)])
    else:
        yy = rng.randint(0, 99)
    return '%02d%02d%02d%d%03d' % (day, month, yy, rng.randint(0, 9), rng.randint(0, 999))


def mutate(rng, s):
    kind = rng.random()
    chars = list(s)
    alphabet = '0123456789- ABZaz/.\t_'
    if kind < 0.3 and chars:
        chars[rng.randrange(len(chars))] = rng.choice(alphabet)
    elif kind < 0.55:
        chars.insert(rng.randint(0, len(chars)), rng.choice(alphabet))
    elif kind < 0.8 and chars:
        del chars[rng.randrange(len(chars))]
    else:
        chars[7:9] = rng.choice(['WQ', 'AB', 'wq', 'Z9', 'ÆØ'])
    return ''.join(chars)


def candidate(rng):
    s = random_number(rng)
    r = rng.random()
    if r < 0.35:
        return s
    if r < 0.50:
        return s[:6] + '-' + s[6:]
    if r < 0.57:
        return s[:6] + ' ' + s[6:]
    if r < 0.67:
        return ''.join(rng.choice('0123456789') for _ in range(10))
    if r < 0.77:
        return mutate(rng, rng.choice([s, s[:6] + '-' + s[6:]]))
    if r < 0.82:  # separators other than one '-' or ' '
        sep = rng.choice(['/', '.', '--', ' - ', '  ', '\t', '_', '-\u00a0', '+'])
        return s[:6] + sep + s[6:]
    if r < 0.87:  # surrounding white space
        return rng.choice([' ', '\t', '\n ', '']) + s + rng.choice([' ', '\r\n', '\t', ' '])
    if r < 0.92:  # Unicode dashes, spaces and full-width digits
        sep = rng.choice(UNICODE_DASHES + UNICODE_SPACES)
        if rng.random() < 0.5:
            s = ''.join(chr(0xFF10 + int(c)) if rng.random() < 0.5 else c for c in s)
        return s[:6] + sep + s[6:]
    if r < 0.96:  # spaces and hyphens anywhere
        out = []
        for c in s:
            out.append(c)
            if rng.random() < 0.15:
                out.append(rng.choice(['-', ' ', '--']))
        return ''.join(out)
    n = rng.randint(0, 14)
    return ''.join(rng.choice('0123456789- x') for _ in range(n))


def stdnum_verdict(s):
    try:
        number = cpr.validate(s)
    except ValidationError:
        return None
    return cpr.get_birth_date(number).isoformat()


def dkcpr_verdicts(prog, inputs):
    data = '\n'.join(s.encode('utf-8').hex() for s in inputs) + '\n'
    out = subprocess.run([prog, REF.isoformat()], input=data.encode('ascii'),
                         stdout=subprocess.PIPE, check=True).stdout.decode('ascii')
    lines = out.split('\n')[:-1]
    assert len(lines) == len(inputs), (len(lines), len(inputs))
    return lines


def main():
    prog = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261126
    rng = random.Random(seed)
    inputs = [candidate(rng) for _ in range(count)]
    ours = dkcpr_verdicts(prog, inputs)
    theirs = [stdnum_verdict(s) for s in inputs]

    # Second opinion on stdnum's compacted form, for the explained class.
    compacted = {}
    for s, o, t in zip(inputs, ours, theirs):
        if t is not None and o in SHAPE_ERRORS and not ASCII_FORM.match(s):
            compacted[s] = cpr.compact(s)
    keys = list(compacted)
    second = dict(zip(keys, dkcpr_verdicts(prog, [compacted[k] for k in keys])))

    stats = {'valid in both, same date': 0, 'invalid in both': 0,
             'explained: stdnum compacts, dkcpr accepts the compact form': 0}
    unexplained = []
    for s, o, t in zip(inputs, ours, theirs):
        if o.startswith('OK ') and t is not None:
            if o[3:] == t:
                stats['valid in both, same date'] += 1
                continue
        elif not o.startswith('OK ') and t is None:
            stats['invalid in both'] += 1
            continue
        elif s in second and second[s] == 'OK ' + t:
            stats['explained: stdnum compacts, dkcpr accepts the compact form'] += 1
            continue
        unexplained.append((s, o, t))

    print('inputs: %d (seed %d, reference date %s, default policy)' % (count, seed, REF))
    for k, v in stats.items():
        print('  %-60s %d' % (k, v))
    print('  %-60s %d' % ('unexplained disagreements', len(unexplained)))
    for s, o, t in unexplained[:20]:
        print('    %r: dkcpr %s, stdnum %s' % (s, o, t or 'invalid'))
    # The sample must exercise both verdicts and the explained class.
    if min(stats.values()) < 1000:
        print('too few cases in some class: the generator is broken')
        return 1
    return 1 if unexplained else 0


if __name__ == '__main__':
    sys.exit(main())

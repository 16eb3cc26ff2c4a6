# SPDX-License-Identifier: Apache-2.0
"""The frozen pseudonyms (tests/vectors/pseudonyms.tsv): identical output to
C, Java and the command line, through single and batch calls."""

import itertools

import dkcpr
from conftest import read_tsv

POLICIES = {"0": "default", "1": "known-dates", "2": "strict"}
KEEP_BITS = {1: "sex", 2: "year", 4: "date"}


def settings(row):
    return (row["key_hex"], row["context_hex"], row["keep"], row["flags"], row["policy"],
            row["parse_flags"])


def pseudonymizer(key_hex, context_hex, keep, flags, policy, parse_flags):
    keep_names = tuple(name for bit, name in KEEP_BITS.items() if int(keep) & bit)
    assert int(flags) in (0, 1) and int(parse_flags) & ~3 == 0
    return dkcpr.Pseudonymizer(
        bytes.fromhex(key_hex), bytes.fromhex(context_hex), keep=keep_names,
        never_real=int(flags) == 1, policy=POLICIES[policy],
        lenient=bool(int(parse_flags) & 1), allow_replacement=bool(int(parse_flags) & 2))


def test_golden_pseudonyms():
    rows = read_tsv("pseudonyms.tsv")
    groups = itertools.groupby(sorted(rows, key=settings), key=settings)
    checked = 0
    for setting, group in groups:
        group = list(group)
        inputs = [r["input"] for r in group]
        outputs = [r["output"] for r in group]
        with pseudonymizer(*setting) as p:
            for i, o in zip(inputs, outputs):
                assert p.pseudonymize(i) == o, (setting, i)
                assert p.reveal(o) == i, (setting, o)
            assert p.pseudonymize_many(inputs) == outputs, setting
            assert p.reveal_many(outputs) == inputs, setting
        checked += len(group)
    assert checked == len(rows) > 200

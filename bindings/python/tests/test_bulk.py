# SPDX-License-Identifier: Apache-2.0
"""A bulk run of 1,000,000 numbers through the batch calls."""

import dkcpr
from conftest import TEST_KEY, assert_same
from cprgen import cpr_numbers


def test_million():
    numbers = cpr_numbers(1_000_000, serials_per_day=40)
    with dkcpr.Pseudonymizer(TEST_KEY, context="bulk") as p:
        out = p.pseudonymize_many(numbers)
        assert len(out) == len(numbers)
        assert len(set(out)) == len(numbers)  # no two persons share a pseudonym
        assert all(map(dkcpr.is_valid, out))
        for a, b in zip(numbers[::997], out[::997]):
            pa, pb = dkcpr.parse(a), dkcpr.parse(b)
            assert (pa.birth_date.year, pa.sex) == (pb.birth_date.year, pb.sex)
        back = p.reveal_many(out)
        assert_same(back, numbers)
        single = [p.pseudonymize(s) for s in numbers[::10007]]
        assert_same(single, out[::10007])

# SPDX-License-Identifier: Apache-2.0
"""Synthetic numbers."""

import datetime

import pytest

import dkcpr


def test_generate_valid_distinct_reproducible():
    born = (datetime.date(1970, 1, 1), datetime.date(1979, 12, 31))
    xs = dkcpr.generate(500, born=born, seed=b"seed")
    assert len(xs) == len(set(xs)) == 500
    for x in xs:
        c = dkcpr.parse(x)
        assert born[0] <= c.birth_date <= born[1]
    assert dkcpr.generate(500, born=born, seed=b"seed") == xs
    assert dkcpr.generate(500, born=born, seed=b"other") != xs
    assert dkcpr.generate(10, born=born, seed=b"seed", first=490) == xs[490:]


def test_generate_filters():
    day = datetime.date(1990, 5, 17)
    women = dkcpr.generate(50, born=(day, day), sex="female", seed=1)
    assert all(dkcpr.parse(x).sex is dkcpr.Sex.FEMALE for x in women)
    assert all(dkcpr.parse(x).birth_date == day for x in women)
    good = dkcpr.generate(50, born=(day, day), mod11=True, seed=1)
    assert all(dkcpr.parse(x).mod11 for x in good)
    fake = dkcpr.generate(20, never_real=True, seed=1)
    assert all(dkcpr.parse(x, allow_replacement=True).replacement is dkcpr.Kind.REPLACEMENT
               for x in fake)
    assert dkcpr.generate(5, seed=7) == dkcpr.generate(5, seed="7") == dkcpr.generate(5, seed=b"7")


def test_generate_errors():
    day = datetime.date(1990, 5, 17)
    with pytest.raises(dkcpr.CprError) as err:
        dkcpr.generate(100000, born=(day, day), seed=1)
    assert err.value.status == "DKCPR_E_RANGE"
    with pytest.raises(ValueError):
        dkcpr.generate(-1)
    with pytest.raises(TypeError):
        dkcpr.generate(5, born=("1990-01-01", None))
    with pytest.raises(ValueError):
        dkcpr.generate(5, sex="other")
    assert dkcpr.generate(0) == []

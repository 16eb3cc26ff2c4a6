# SPDX-License-Identifier: Apache-2.0
"""Known-dates lists: the shipped one, extended from dates, text or a file."""

import datetime

import pytest

import dkcpr
from conftest import TEST_KEY, VECTORS

WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def without_mod11(ddmmyy: str) -> str:
    """A number for the date whose weighted digit sum is not 0 mod 11."""
    for serial in range(1000, 4000):
        digits = f"{ddmmyy}{serial:04d}"
        if sum(w * int(c) for w, c in zip(WEIGHTS, digits)) % 11:
            return digits
    raise AssertionError("unreachable")


LISTED = without_mod11("010160")      # 1960-01-01 is on the CPR office's list
UNLISTED = without_mod11("010161")    # 1961-01-01 is not


def test_shipped_list():
    assert dkcpr.parse(LISTED, policy="known-dates").known_date
    with pytest.raises(dkcpr.CprError) as err:
        dkcpr.parse(UNLISTED, policy="known-dates")
    assert err.value.status == "DKCPR_E_MOD11"
    assert dkcpr.is_valid(UNLISTED)  # the default policy does not ask for mod 11


def test_extended_list():
    extra = dkcpr.KnownDates([datetime.date(1961, 1, 1)])
    assert datetime.date(1961, 1, 1) in extra and datetime.date(1960, 1, 1) in extra
    assert datetime.date(1963, 1, 1) not in extra and "1961-01-01" not in extra
    cpr = dkcpr.parse(UNLISTED, policy="known-dates", known_dates=extra)
    assert cpr.known_date and not cpr.mod11
    assert dkcpr.is_valid(UNLISTED, policy="known-dates", known_dates=extra)
    assert not dkcpr.parse(UNLISTED).known_date
    assert [m.digits for m in dkcpr.scan(f"x {UNLISTED} y", policy="known-dates",
                                          known_dates=extra)] == [UNLISTED]
    assert dkcpr.scan(f"x {UNLISTED} y", policy="known-dates") == []


def test_text_and_file():
    from_text = dkcpr.KnownDates(text="# more\n\n 1961-01-01 \n")
    assert datetime.date(1961, 1, 1) in from_text
    shipped = dkcpr.KnownDates(path=VECTORS / "known_dates.txt")
    assert datetime.date(1995, 1, 1) in shipped and datetime.date(1961, 1, 1) not in shipped
    with pytest.raises(dkcpr.CprError) as err:
        dkcpr.KnownDates(text="1960-01-01\nnot a date\n")
    assert (err.value.status, err.value.line) == ("DKCPR_E_SYNTAX", 2)
    assert str(err.value).startswith("line 2: ")
    with pytest.raises(dkcpr.CprError) as err:
        dkcpr.KnownDates([datetime.date(1857, 12, 31)])
    assert err.value.status == "DKCPR_E_DATE"
    with pytest.raises(TypeError):
        dkcpr.parse(LISTED, known_dates=[datetime.date(1961, 1, 1)])


def test_pseudonymizer_and_wash_use_the_list():
    extra = dkcpr.KnownDates([datetime.date(1961, 1, 1)])
    with dkcpr.Pseudonymizer(TEST_KEY, policy="known-dates", known_dates=extra) as p:
        fake = p.pseudonymize(UNLISTED)
        assert p.reveal(fake) == UNLISTED
        washed = dkcpr.wash(f"cpr {UNLISTED}", p)
        assert washed == f"cpr {fake}"
        assert dkcpr.wash(washed, p, mode="reveal") == f"cpr {UNLISTED}"
    with dkcpr.Pseudonymizer(TEST_KEY, policy="known-dates") as p:
        with pytest.raises(dkcpr.CprError):
            p.pseudonymize(UNLISTED)

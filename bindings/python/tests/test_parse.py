# SPDX-License-Identifier: Apache-2.0
"""Parsing and validation against the shared vectors (tests/vectors/cpr.tsv)."""

import datetime

import pytest

import dkcpr
from conftest import iso, read_tsv, unescape

FLAG_NAMES = {"lenient", "replacement", "future"}


def options(row):
    flags = set() if row["flags"] == "-" else set(row["flags"].split("|"))
    assert flags <= FLAG_NAMES, row
    return dict(policy=row["policy"], lenient="lenient" in flags,
                allow_replacement="replacement" in flags,
                allow_future="future" in flags, today=iso(row["ref_date"]))


@pytest.fixture(scope="module")
def rows():
    return read_tsv("cpr.tsv")


def test_vectors(rows):
    checked = 0
    for row in rows:
        raw = unescape(row["input"])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue  # covered by test_invalid_utf8_vectors
        opts = options(row)
        where = f"{row['input']!r} ({row['note']})"
        assert dkcpr.is_valid(text, **opts) == (row["status"] == "DKCPR_OK"), where
        if row["status"] != "DKCPR_OK":
            with pytest.raises(dkcpr.CprError) as err:
                dkcpr.parse(text, **opts)
            assert err.value.status == row["status"], where
            continue
        cpr = dkcpr.parse(text, **opts)
        assert cpr.birth_date == datetime.date(int(row["year"]), int(row["month"]),
                                               int(row["day"])), where
        assert cpr.sex == (dkcpr.Sex.MALE if row["sex"] == "M" else dkcpr.Sex.FEMALE), where
        assert cpr.mod11 == (row["mod11"] == "1"), where
        assert cpr.known_date == (row["known_date"] == "1"), where
        kind = dkcpr.Kind(row["kind"])
        assert cpr.replacement == (None if kind is dkcpr.Kind.CPR else kind), where
        assert len(cpr.digits) == 10
        assert cpr.formatted == cpr.digits[:6] + "-" + cpr.digits[6:]
        assert cpr.masked == cpr.digits[:6] + "-XXXX"
        checked += 1
    assert checked > 100


def test_invalid_utf8_vectors(rows):
    """A str cannot hold invalid UTF-8; its closest form (lone surrogates) is
    rejected, and as E_UTF8 in lenient mode."""
    seen = 0
    for row in rows:
        raw = unescape(row["input"])
        try:
            raw.decode("utf-8")
            continue
        except UnicodeDecodeError:
            pass
        seen += 1
        text = raw.decode("utf-8", "surrogateescape")
        opts = options(row)
        assert not dkcpr.is_valid(text, **opts)
        with pytest.raises(dkcpr.CprError) as err:
            dkcpr.parse(text, **opts)
        if opts["lenient"]:
            assert err.value.status == "DKCPR_E_UTF8"
    assert seen > 0


def test_fast_path_equals_explicit_defaults():
    today = datetime.date.today()
    for s in ["211062-5629", "2110625629", "0101375005", "511062-5629", "x"]:
        assert dkcpr.is_valid(s) == dkcpr.is_valid(s, policy="default", today=today)


def test_format_compact_mask():
    assert dkcpr.format("2110625629") == "211062-5629"
    assert dkcpr.compact("211062 5629") == "2110625629"
    assert dkcpr.mask("211062-5629") == "211062-XXXX"
    with pytest.raises(dkcpr.CprError):
        dkcpr.format("511062-5629")


def test_cpr_value():
    cpr = dkcpr.parse("070761-4285")
    assert cpr.digits == "0707614285"
    assert str(cpr) == "070761-4285"
    assert "4285" not in repr(cpr)  # repr is masked, so logs do not leak
    with pytest.raises(AttributeError):
        cpr.digits = "0101010101"  # frozen
    assert cpr == dkcpr.parse("0707614285")
    assert hash(cpr) == hash(dkcpr.parse("0707614285"))


def test_age():
    cpr = dkcpr.parse("070761-4285")  # born 1961-07-07
    assert cpr.age(datetime.date(2021, 7, 6)) == 59
    assert cpr.age(datetime.date(2021, 7, 7)) == 60
    assert cpr.age() == (datetime.date.today().year - 1961
                         - ((datetime.date.today().month, datetime.date.today().day) < (7, 7)))
    with pytest.raises(dkcpr.CprError) as err:
        cpr.age(datetime.date(1960, 1, 1))
    assert err.value.status == "DKCPR_E_FUTURE"
    with pytest.raises(TypeError):
        cpr.age("2021-07-07")


def test_replacement_kind():
    cpr = dkcpr.parse("611062-5629", allow_replacement=True)  # day + 60
    assert cpr.replacement is dkcpr.Kind.REPLACEMENT
    assert cpr.birth_date == datetime.date(1862, 10, 1)
    with pytest.raises(dkcpr.CprError) as err:
        dkcpr.parse("611062-5629")
    assert err.value.status == "DKCPR_E_REPLACEMENT"

# SPDX-License-Identifier: Apache-2.0
"""dkcpr.stdnum_compat against Debian's python3-stdnum (stdnum.dk.cpr) on
the shared vectors: the same answers, birth dates, exception classes and
written forms, wherever the documented differences do not apply."""

import datetime

import pytest

from conftest import read_tsv, unescape

cpr = pytest.importorskip("stdnum.dk.cpr")
from stdnum.exceptions import ValidationError  # noqa: E402

from dkcpr import stdnum_compat as compat  # noqa: E402


def inputs():
    seen = []
    for row in read_tsv("cpr.tsv"):
        try:
            text = unescape(row["input"]).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if text not in seen:
            seen.append(text)
    # Forms stdnum's compact() accepts that dkcpr's default parse does not.
    seen += ["2110 62-56 29", " 211062-5629 ", "21-10-62-5629", "211062--5629", "", "-",
             "12345", "abcdefghij", "21106256290", "0101001234"]
    return seen


def outcome(module, fn, text):
    try:
        return ("ok", getattr(module, fn)(text))
    except ValidationError as e:
        return ("error", type(e).__name__)


def test_same_answers_as_stdnum():
    compared = 0
    for text in inputs():
        if not text.isascii():
            continue  # documented difference: stdnum maps some Unicode first
        assert compat.compact(text) == cpr.compact(text), repr(text)
        assert compat.format(text) == cpr.format(text), repr(text)
        assert compat.is_valid(text) == cpr.is_valid(text), repr(text)
        assert outcome(compat, "validate", text) == outcome(cpr, "validate", text), repr(text)
        if cpr.is_valid(text):
            assert compat.get_birth_date(text) == cpr.get_birth_date(text), repr(text)
            assert compat.checksum(compat.compact(text)) == cpr.checksum(cpr.compact(text))
        compared += 1
    assert compared > 100


def test_exceptions_are_stdnums():
    with pytest.raises(ValidationError) as err:
        compat.validate("511062-5629")
    assert type(err.value).__name__ == "InvalidComponent"
    assert compat.InvalidFormat is __import__("stdnum.exceptions").exceptions.InvalidFormat
    assert compat.get_birth_date("2110525629") == datetime.date(2052, 10, 21)
    with pytest.raises(ValidationError) as err:
        compat.validate("2110525629")
    assert "not been born" in str(err.value)
    assert compat.is_valid(None) is False and compat.is_valid(2110625629) is False


def test_documented_differences():
    # Shape first: stdnum reads the first seven characters of anything.
    with pytest.raises(compat.InvalidLength):
        compat.get_birth_date("21106256290")
    with pytest.raises(compat.InvalidFormat):
        compat.get_birth_date("21106x5629")

# SPDX-License-Identifier: Apache-2.0
"""The column calls (is_valid_many, parse_many, pseudonymize_many,
reveal_many, token_many) against the shared vectors and the one-number
calls, with missing values and integer columns."""

import datetime
import math

import pytest

import dkcpr
from conftest import TEST_KEY, iso, read_tsv, unescape
from test_parse import options

REF = datetime.date(2026, 11, 26)


def test_vectors_through_columns():
    groups = {}
    for row in read_tsv("cpr.tsv"):
        try:
            text = unescape(row["input"]).decode("utf-8")
        except UnicodeDecodeError:
            continue
        key = tuple(sorted(options(row).items()))
        groups.setdefault(key, []).append((text, row))
    checked = 0
    for key, cases in groups.items():
        opts = dict(key)
        texts = [t for t, _ in cases]
        valid = dkcpr.is_valid_many(texts, **opts)
        parsed = dkcpr.parse_many(texts, errors="none", **opts)
        for (text, row), v, c in zip(cases, valid, parsed):
            ok = row["status"] == "DKCPR_OK"
            assert v is ok, (text, row["note"])
            assert (c is not None) == ok, (text, row["note"])
            if ok:
                assert c.birth_date == datetime.date(int(row["year"]), int(row["month"]),
                                                     int(row["day"])), text
                assert c.sex.value[0].upper() == row["sex"], text
                assert c.mod11 == (row["mod11"] == "1") and c.known_date == (
                    row["known_date"] == "1"), text
            checked += 1
    assert checked > 100


def test_parse_many_raises_for_the_first_bad_element():
    with pytest.raises(dkcpr.CprError) as err:
        dkcpr.parse_many(["0707614285", None, "3102611234", "511062-5629"])
    assert err.value.index == 2 and err.value.status == "DKCPR_E_DATE"
    assert dkcpr.parse_many([]) == [] and dkcpr.is_valid_many(()) == []


def test_long_column_crosses_chunks():
    # Longer than one internal chunk, with the bad element far in.
    column = ["0707614285"] * 9000 + ["3102611234"] + [None] * 10
    valid = dkcpr.is_valid_many(column)
    assert valid[:9000] == [True] * 9000 and valid[9000] is False
    assert valid[9001:] == [None] * 10
    with pytest.raises(dkcpr.CprError) as err:
        dkcpr.parse_many(column)
    assert err.value.index == 9000


MISSING = [None, float("nan"), math.nan]


def missing_values():
    values = list(MISSING)
    try:
        import numpy
        values.append(numpy.float64("nan"))
    except ImportError:
        pass
    try:
        import pandas
        values += [pandas.NA, pandas.NaT]
    except ImportError:
        pass
    return values


def test_missing_values_pass_through():
    gaps = missing_values()
    column = ["0707614285"] + gaps + ["3102611234"]
    n = len(gaps)
    assert dkcpr.is_valid_many(column) == [True] + [None] * n + [False]
    assert dkcpr.parse_many(column, errors="none")[1:] == [None] * (n + 1)
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        for errors in ("raise", "none"):
            out = p.pseudonymize_many(column[:-1], errors=errors)
            assert out == [p.pseudonymize("0707614285")] + [None] * n
            assert p.reveal_many(out, errors=errors) == ["0707614285"] + [None] * n
            assert p.token_many(column[:-1], errors=errors) == [p.token("0707614285")] + [None] * n


def test_wrong_types_name_the_element_and_the_keyword():
    with pytest.raises(TypeError, match=r"item 1: .*int.*nine_digits=True"):
        dkcpr.is_valid_many(["0707614285", 707614285])
    with pytest.raises(TypeError, match="item 0"):
        dkcpr.is_valid_many([b"0707614285"], nine_digits=True)
    with pytest.raises(TypeError, match="item 0"):
        dkcpr.is_valid_many([True], nine_digits=True)
    with pytest.raises(TypeError):
        dkcpr.is_valid_many(42)
    with pytest.raises(ValueError, match="errors"):
        dkcpr.parse_many([], errors="ignore")


def test_nine_digits():
    # 070761-4285 stored in an integer column or a spreadsheet loses its zero.
    lost = [707614285, 707614285.0, "707614285", 2110625629, "0707614285"]
    assert dkcpr.is_valid_many(lost, nine_digits=True) == [True] * 5
    parsed = dkcpr.parse_many(lost, nine_digits=True)
    assert [c.digits for c in parsed] == ["0707614285"] * 3 + ["2110625629", "0707614285"]
    bad = [-707614285, 70761428.5, 10 ** 10, 10 ** 30, "70761428", "7076142850x"]
    assert dkcpr.is_valid_many(bad, nine_digits=True) == [False] * len(bad)
    # Without the keyword a nine-digit str is just too short.
    assert dkcpr.is_valid_many(["707614285"]) == [False]
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        out = p.pseudonymize_many([707614285], nine_digits=True)
        assert out == [p.pseudonymize("0707614285")]


def test_numpy_integers():
    numpy = pytest.importorskip("numpy")
    column = [numpy.int64(707614285), numpy.int32(707614285), numpy.float64(707614285)]
    assert dkcpr.is_valid_many(column, nine_digits=True) == [True] * 3


def test_options_reach_the_column():
    future = "2110525629"  # born 2052
    assert dkcpr.is_valid_many([future], today=REF) == [False]
    assert dkcpr.is_valid_many([future], today=REF, allow_future=True) == [True]
    assert dkcpr.is_valid_many([future]) == [dkcpr.is_valid(future)]
    assert dkcpr.is_valid_many(["0101901234"], policy="strict") == [
        dkcpr.is_valid("0101901234", policy="strict")]
    assert dkcpr.is_valid_many([" 070761–4285 "], lenient=True) == [True]


def test_token_many_matches_token():
    numbers = ["0707614285", "211062-5629", "2110625629"]
    with dkcpr.Pseudonymizer(TEST_KEY, context="t") as p:
        for length in (16, 26, 52):
            assert p.token_many(numbers, length) == [p.token(s, length) for s in numbers]
        assert p.token_many(["3102611234", "0707614285"], errors="none") == [
            None, p.token("0707614285")]
        with pytest.raises(dkcpr.CprError) as err:
            p.token_many(["0707614285", "3102611234"])
        assert err.value.index == 1
        with pytest.raises(dkcpr.CprError):
            p.token_many(numbers, 15)


def test_typemapped_calls():
    key = dkcpr.keygen()
    assert isinstance(key, bytes) and len(key) == dkcpr.KEY_BYTES and key != dkcpr.keygen()
    assert dkcpr.key_from_hex(key.hex() + "\n") == key
    for bad in ("00" * 31, "zz" * 32, ""):
        with pytest.raises(dkcpr.CprError) as err:
            dkcpr.key_from_hex(bad)
        assert err.value.status == "DKCPR_E_KEY"
    with pytest.raises(TypeError):
        dkcpr.key_from_hex(b"00" * 32)
    for row in read_tsv("age.tsv"):
        flags = {} if row["flags"] == "-" else {"allow_replacement": True}
        cpr = dkcpr.parse(row["input"], allow_future=True, **flags)
        try:
            at = iso(row["at_date"])
        except ValueError:
            continue  # an impossible date: datetime.date cannot hold it
        if row["status"] == "DKCPR_OK":
            assert cpr.age(at) == int(row["years"]), row
        else:
            with pytest.raises(dkcpr.CprError) as err:
                cpr.age(at)
            assert err.value.status == row["status"], row


def test_a_list_changed_during_the_call_is_an_error_not_a_crash():
    column = []

    class Shrinks:
        def __index__(self):
            column.clear()
            return 707614285

    column += ["0707614285", Shrinks(), "0707614285"]
    with pytest.raises(RuntimeError, match="changed size"):
        dkcpr.is_valid_many(column, nine_digits=True)
    # Growing is harmless: the call covers the elements it started with.
    column = ["0707614285"]

    class Grows:
        def __index__(self):
            column.extend(["x"] * 10000)
            return 707614285

    column += [Grows(), "0707614285"]
    assert dkcpr.is_valid_many(column, nine_digits=True) == [True, True, True]

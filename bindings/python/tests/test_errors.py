# SPDX-License-Identifier: Apache-2.0
"""Exception types, attributes and messages."""

import pickle

import pytest

import dkcpr
from conftest import TEST_KEY


def test_cprerror_is_valueerror_with_status():
    with pytest.raises(dkcpr.CprError) as err:
        dkcpr.parse("320162-5629")
    e = err.value
    assert isinstance(e, ValueError)
    assert e.status == "DKCPR_E_DATE"
    assert e.code == -6
    assert e.index is None
    assert str(e) == "the birth date in the CPR number does not exist (DKCPR_E_DATE)"
    assert type(e).__module__ == "dkcpr" and type(e).__name__ == "CprError"


@pytest.mark.parametrize("text,status", [
    ("", "DKCPR_E_LENGTH"),
    ("21106256290", "DKCPR_E_LENGTH"),
    ("21106a5629", "DKCPR_E_CHAR"),
    ("211062/5629", "DKCPR_E_SEPARATOR"),
    ("211062-5629\udc80", "DKCPR_E_LENGTH"),
])
def test_status_names(text, status):
    with pytest.raises(dkcpr.CprError) as err:
        dkcpr.parse(text)
    assert err.value.status == status
    assert status in str(err.value)


def test_messages_never_contain_the_input():
    with pytest.raises(dkcpr.CprError) as err:
        dkcpr.parse("511062-5629")
    assert "5629" not in str(err.value) and "511062" not in str(err.value)


@pytest.mark.parametrize("bad", [2110625629, b"2110625629", None, ["2110625629"]])
def test_type_errors(bad):
    with pytest.raises(TypeError):
        dkcpr.parse(bad)
    with pytest.raises(TypeError):
        dkcpr.is_valid(bad)


def test_is_valid_never_raises_for_bad_numbers():
    for s in ["", "x" * 1000, "\udc80" * 11, "211062-5629\n", "31.12.99-1234"]:
        assert dkcpr.is_valid(s) is False
    assert dkcpr.is_valid("211062-5629") is True


def test_option_values():
    with pytest.raises(ValueError, match="policy"):
        dkcpr.parse("2110625629", policy="lax")
    with pytest.raises(TypeError):
        dkcpr.parse("2110625629", today="2020-01-01")


def test_key_errors():
    with pytest.raises(dkcpr.CprError) as err:
        dkcpr.Pseudonymizer(b"short")
    assert err.value.status == "DKCPR_E_KEY"
    with pytest.raises(TypeError):
        dkcpr.Pseudonymizer("00" * 32)
    with pytest.raises(TypeError):
        dkcpr.Pseudonymizer(12345)
    with pytest.raises(ValueError, match="keep"):
        dkcpr.Pseudonymizer(TEST_KEY, keep=("age",))
    with pytest.raises(dkcpr.CprError) as err:
        dkcpr.key_from_hex("zz" * 32)
    assert err.value.status == "DKCPR_E_KEY"


def test_key_helpers():
    k = dkcpr.keygen()
    assert isinstance(k, bytes) and len(k) == dkcpr.KEY_BYTES == 32
    assert dkcpr.keygen() != k
    assert dkcpr.key_from_hex(TEST_KEY.hex()) == TEST_KEY
    assert dkcpr.key_from_hex(TEST_KEY.hex().upper() + "\n") == TEST_KEY
    # bytearray and memoryview work as keys too
    for key in (bytearray(TEST_KEY), memoryview(TEST_KEY)):
        with dkcpr.Pseudonymizer(key) as p:
            assert dkcpr.is_valid(p.pseudonymize("0707614285"))


def test_batch_error_names_the_item():
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        with pytest.raises(dkcpr.CprError) as err:
            p.pseudonymize_many(["0707614285", "0707614285", "511062-5629"])
        assert err.value.index == 2
        assert err.value.status == "DKCPR_E_DATE"
        assert str(err.value).startswith("item 2: ")
        with pytest.raises(TypeError, match="item 1"):
            p.pseudonymize_many(["0707614285", 707614285])
        with pytest.raises(ValueError, match="errors"):
            p.pseudonymize_many([], errors="ignore")


def test_closed_pseudonymizer():
    p = dkcpr.Pseudonymizer(TEST_KEY)
    p.close()
    p.close()
    assert p.closed
    for call in (lambda: p.pseudonymize("0707614285"), lambda: p.reveal("0707614285"),
                 lambda: p.token("0707614285"), lambda: p.pseudonymize_many([]),
                 lambda: p.reveal_many([]), lambda: dkcpr.wash("x", p)):
        with pytest.raises(ValueError, match="closed"):
            call()


def test_version():
    assert dkcpr.__version__ == dkcpr._native.version_string()
    major, minor, patch = map(int, dkcpr.__version__.split("."))
    assert dkcpr._native.version_number() == major * 10000 + minor * 100 + patch


def test_enums_match_the_library():
    for i, kind in enumerate(dkcpr.Kind):
        assert kind.value == dkcpr._native.kind_name(i)
    for c in dkcpr.Confidence:
        assert c.name.lower() == dkcpr._native.confidence_name(int(c))


def test_token_length_errors():
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        for bad in (-1, 0, 15, 53):
            with pytest.raises(dkcpr.CprError) as err:
                p.token("0707614285", length=bad)
            assert err.value.status == "DKCPR_E_ARG"
        with pytest.raises(TypeError):
            p.token("0707614285", length="26")
        with pytest.raises(dkcpr.CprError):
            dkcpr.wash("070761-4285", p, mode="token", token_length=-5)


def test_pickling():
    """Values and errors cross process boundaries (multiprocessing); keys do not."""
    cpr = dkcpr.parse("070761-4285")
    assert pickle.loads(pickle.dumps(cpr)) == cpr
    match = dkcpr.scan("x 070761-4285")[0]
    assert pickle.loads(pickle.dumps(match)) == match
    with pytest.raises(dkcpr.CprError) as err:
        dkcpr.parse("320162-5629")
    again = pickle.loads(pickle.dumps(err.value))
    assert type(again) is dkcpr.CprError
    assert (again.status, again.code, str(again)) == (err.value.status, err.value.code,
                                                      str(err.value))
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        with pytest.raises(TypeError, match="key"):
            pickle.dumps(p)

# SPDX-License-Identifier: Apache-2.0
"""dkcpr.pandas on Series and DataFrames from Debian's python3-pandas."""

import datetime

import pytest

pd = pytest.importorskip("pandas")

import dkcpr  # noqa: E402
import dkcpr.pandas as dp  # noqa: E402
from conftest import TEST_KEY  # noqa: E402


@pytest.fixture
def frame():
    return pd.DataFrame({
        "cpr": ["070761-4285", None, "3102611234", pd.NA, "2110625629"],
        "as_int": pd.array([707614285, None, 3102611234, None, 2110625629], dtype="Int64"),
        "as_float": [707614285.0, float("nan"), 3102611234.0, float("nan"), 2110625629.0],
        "name": list("abcde"),
    }, index=[10, 11, 12, 13, 14])


def test_is_valid(frame):
    for column, kw in (("cpr", {}), ("as_int", {"nine_digits": True}),
                       ("as_float", {"nine_digits": True})):
        v = dp.is_valid(frame[column], **kw)
        assert str(v.dtype) == "boolean" and list(v.index) == list(frame.index)
        assert v.name == column
        assert v.tolist() == [True, pd.NA, False, pd.NA, True]
    # An int64 column without missing values (tolist gives Python ints).
    ints = pd.Series([707614285, 2110625629], dtype="int64")
    assert dp.is_valid(ints, nine_digits=True).tolist() == [True, True]
    with pytest.raises(TypeError, match="nine_digits"):
        dp.is_valid(ints)


def test_parse(frame):
    parsed = dp.parse(frame["cpr"], errors="none")
    assert list(parsed.index) == list(frame.index)
    assert parsed.loc[10, "birth_date"] == datetime.date(1961, 7, 7)
    assert parsed.loc[10, "sex"] == "male" and parsed.loc[14, "formatted"] == "211062-5629"
    assert parsed["mod11"].tolist() == [True, pd.NA, pd.NA, pd.NA, True]
    assert parsed.loc[11].isna().all() and parsed.loc[12].isna().all()
    with pytest.raises(dkcpr.CprError) as err:
        dp.parse(frame["cpr"])
    assert err.value.index == 2  # the position in the column, not the label


def test_pseudonyms_and_tokens(frame):
    with dkcpr.Pseudonymizer(TEST_KEY, context="pandas") as p:
        fake = dp.pseudonymize(frame["cpr"], p, errors="none")
        assert str(fake.dtype) == "string" and list(fake.index) == list(frame.index)
        assert fake[10] == p.pseudonymize("070761-4285") and fake[14] == p.pseudonymize("2110625629")
        assert fake.isna().tolist() == [False, True, True, True, False]
        assert dp.reveal(fake, p, errors="none")[[10, 14]].tolist() == ["070761-4285", "2110625629"]
        from_int = dp.pseudonymize(frame["as_int"], p, errors="none", nine_digits=True)
        assert from_int[10] == p.pseudonymize("0707614285")
        tokens = dp.token(frame["cpr"], p, 16, errors="none")
        assert tokens[10] == p.token("070761-4285", 16) and tokens.isna().sum() == 3
        safe = dp.pseudonymize_frame(frame, ["cpr"], p, errors="none")
        assert safe["name"].tolist() == frame["name"].tolist()
        assert safe["cpr"].tolist() == fake.tolist()
        assert frame.loc[10, "cpr"] == "070761-4285"  # the input is left as it was

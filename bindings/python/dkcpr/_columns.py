# SPDX-License-Identifier: Apache-2.0
"""Column calls: a whole list (a data column) through one library call.

Missing values (None, NaN, and pandas.NA and pandas.NaT when pandas is
loaded) give None and never raise. ``nine_digits=True`` accepts integers,
integral floats and nine-digit str as numbers whose leading zero was lost
(an integer column, a spreadsheet); the zero is put back.
"""

from __future__ import annotations

import sys
from typing import Any, Iterable, List, Optional

from . import _native
from ._types import Cpr

_column = _native._column
_from_native = Cpr._from_native


def missing_values() -> tuple:
    """The missing-value objects besides None and NaN: pandas's, if pandas is
    loaded (a column cannot hold them otherwise; pandas is never imported here)."""
    pd = sys.modules.get("pandas")
    if pd is None:
        return ()
    return tuple(v for v in (getattr(pd, "NA", None), getattr(pd, "NaT", None))
                 if v is not None)


def flags(errors: str, nine_digits: bool) -> int:
    if errors == "raise":
        bits = 0
    elif errors == "none":
        bits = _native.PY_NONE_ON_ERROR
    else:
        raise ValueError(f"errors must be 'raise' or 'none', not {errors!r}")
    return bits | (_native.PY_NINE_DIGITS if nine_digits else 0)


def is_valid_many(items: Iterable[Any], opts: Any, nine_digits: bool) -> List[Optional[bool]]:
    return _column(items, _native.PY_VALIDATE, flags("raise", nine_digits),
                   missing_values(), opts, None, 0)


def parse_many(items: Iterable[Any], opts: Any, errors: str,
               nine_digits: bool) -> List[Optional[Cpr]]:
    out = _column(items, _native.PY_PARSE, flags(errors, nine_digits),
                  missing_values(), opts, None, 0)
    return [None if t is None else _from_native(t) for t in out]


def pseudonym_many(h: Any, items: Iterable[Any], opts: Any, reveal: bool,
                   errors: str, nine_digits: bool) -> List[Optional[str]]:
    op = _native.PY_REVEAL if reveal else _native.PY_PSEUDONYMIZE
    return _column(items, op, flags(errors, nine_digits), missing_values(), opts, h, 0)


def token_many(h: Any, items: Iterable[Any], opts: Any, length: int, errors: str,
               nine_digits: bool) -> List[Optional[str]]:
    return _column(items, _native.PY_TOKEN, flags(errors, nine_digits),
                   missing_values(), opts, h, length)

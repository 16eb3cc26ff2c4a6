# SPDX-License-Identifier: Apache-2.0
"""dkcpr for pandas: a Series (a DataFrame column) in, a Series or DataFrame
out, with the same index and pandas's missing value for a missing or (with
``errors="none"``) rejected element.

Imported only on request (``import dkcpr.pandas``); needs pandas, which
dkcpr itself does not. Each call hands the whole column to one dkcpr column
call (:func:`dkcpr.is_valid_many` and its siblings), so the keywords are
theirs: ``nine_digits=True`` for an integer column that lost the leading
zero, and the parse options of :func:`dkcpr.parse`.
"""

from __future__ import annotations

from typing import Any, Iterable, Optional

try:
    import pandas as pd
except ImportError as e:  # pragma: no cover (pandas is a test dependency)
    raise ImportError("dkcpr.pandas needs pandas (Debian: python3-pandas)",
                      name="dkcpr.pandas") from e

import dkcpr

__all__ = ["is_valid", "parse", "pseudonymize", "reveal", "token", "pseudonymize_frame"]

_PARSED = ["digits", "birth_date", "sex", "mod11", "known_date", "replacement",
           "formatted", "masked"]


def _values(series: Any) -> list:
    # tolist() gives Python ints and floats for numeric columns, which the
    # column calls read directly; iterating would give NumPy scalars.
    return series.tolist() if hasattr(series, "tolist") else list(series)


def _like(series: Any, values: list, dtype: str) -> "pd.Series":
    return pd.Series(values, index=getattr(series, "index", None),
                     name=getattr(series, "name", None), dtype=dtype)


def is_valid(series: Any, **options: Any) -> "pd.Series":
    """A nullable boolean Series: True, False, or <NA> for a missing value."""
    return _like(series, dkcpr.is_valid_many(_values(series), **options), "boolean")


def parse(series: Any, *, errors: str = "raise", **options: Any) -> "pd.DataFrame":
    """One row per element with the :class:`dkcpr.Cpr` fields as columns
    (``sex`` and ``replacement`` as their string values, ``birth_date`` as
    datetime.date); all <NA> for a missing (or, with ``errors="none"``,
    rejected) element."""
    rows = []
    for c in dkcpr.parse_many(_values(series), errors=errors, **options):
        if c is None:
            rows.append([pd.NA] * len(_PARSED))
        else:
            rows.append([c.digits, c.birth_date, c.sex.value, c.mod11, c.known_date,
                         c.replacement.value if c.replacement else None,
                         c.formatted, c.masked])
    frame = pd.DataFrame(rows, columns=_PARSED, index=getattr(series, "index", None))
    for name in ("mod11", "known_date"):
        frame[name] = frame[name].astype("boolean")
    return frame


def pseudonymize(series: Any, p: dkcpr.Pseudonymizer, *, errors: str = "raise",
                 nine_digits: bool = False) -> "pd.Series":
    """A string Series of pseudonyms (ten digits for integer input)."""
    return _like(series, p.pseudonymize_many(_values(series), errors=errors,
                                             nine_digits=nine_digits), "string")


def reveal(series: Any, p: dkcpr.Pseudonymizer, *, errors: str = "raise",
           nine_digits: bool = False) -> "pd.Series":
    """A string Series of the originals of pseudonyms."""
    return _like(series, p.reveal_many(_values(series), errors=errors,
                                       nine_digits=nine_digits), "string")


def token(series: Any, p: dkcpr.Pseudonymizer, length: int = 26, *,
          errors: str = "raise", nine_digits: bool = False) -> "pd.Series":
    """A string Series of keyed one-way tokens."""
    return _like(series, p.token_many(_values(series), length, errors=errors,
                                      nine_digits=nine_digits), "string")


def pseudonymize_frame(frame: "pd.DataFrame", columns: Iterable[str],
                       p: dkcpr.Pseudonymizer, *, errors: str = "raise",
                       nine_digits: bool = False,
                       out: Optional["pd.DataFrame"] = None) -> "pd.DataFrame":
    """A copy of ``frame`` (or ``out``, changed in place) whose ``columns``
    hold pseudonyms; every other column is left as it was."""
    result = frame.copy() if out is None else out
    for name in columns:
        result[name] = pseudonymize(frame[name], p, errors=errors, nine_digits=nine_digits)
    return result

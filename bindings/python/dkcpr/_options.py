# SPDX-License-Identifier: Apache-2.0
"""Keyword arguments to the C library's option structs."""

from __future__ import annotations

import datetime
import os
from typing import Any, Iterable, Optional, Union

from . import native as _swig
from ._errors import error

POLICIES = {
    "default": _swig.POLICY_DEFAULT,
    "known-dates": _swig.POLICY_KNOWN_DATES,
    "known_dates": _swig.POLICY_KNOWN_DATES,
    "strict": _swig.POLICY_STRICT,
}

# Option structs are immutable once built, so equal keyword sets share one.
_cache: dict = {}


class KnownDates:
    """The birth dates known to have CPR numbers without mod 11, for the
    ``"known-dates"`` policy and ``Cpr.known_date``: the CPR office's 26
    dates that the library ships, plus ``dates``, the lines of ``text`` and
    of the file ``path`` (one ``YYYY-MM-DD`` per line; blank lines and lines
    starting with ``#`` are skipped). A bad line raises CprError with its
    number in ``line``. Immutable once made, so it may be shared by threads.
    """

    __slots__ = ("_h", "__weakref__")

    def __init__(self, dates: Iterable[datetime.date] = (), *, text: Optional[str] = None,
                 path: Union[str, "os.PathLike[str]", None] = None) -> None:
        h = _swig.DateList()
        for d in dates:
            _check_date("dates", d)
            _swig.datelist_add(h, d.year, d.month, d.day)
        if text is not None:
            _load(h, text)
        if path is not None:
            with open(path, encoding="utf-8") as f:
                _load(h, f.read())
        self._h = h

    def __contains__(self, d: object) -> bool:
        if not isinstance(d, datetime.date):
            return False
        return bool(_swig.datelist_contains(self._h, d.year, d.month, d.day))

    def __repr__(self) -> str:
        return "<dkcpr.KnownDates>"


def _load(h: Any, text: str) -> None:
    """Lines of YYYY-MM-DD into a list; CprError names the first bad line."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, not {type(text).__name__}")
    st, line = _swig.datelist_load(h, text.encode("utf-8", "surrogatepass"))
    if st == _swig.E_NOMEM:
        raise MemoryError()
    if st != _swig.OK:
        raise error(st, line=line)


def _policy(policy: str) -> int:
    try:
        return POLICIES[policy]
    except (KeyError, TypeError):
        raise ValueError(
            f"policy must be 'default', 'known-dates' or 'strict', not {policy!r}"
        ) from None


def _check_date(name: str, value: Any) -> datetime.date:
    if not isinstance(value, datetime.date):
        raise TypeError(f"{name} must be a datetime.date, not {type(value).__name__}")
    return value


def fill_parse(o: Any, policy: str, lenient: bool, allow_replacement: bool,
               allow_future: bool, today: Optional[datetime.date],
               known_dates: Optional[KnownDates] = None) -> None:
    """Set the fields of a dkcpr_options proxy. The caller keeps known_dates
    alive as long as the struct is used."""
    o.policy = _policy(policy)
    o.flags = ((_swig.PARSE_LENIENT if lenient else 0)
               | (_swig.PARSE_ALLOW_REPLACEMENT if allow_replacement else 0)
               | (_swig.PARSE_ALLOW_FUTURE if allow_future else 0))
    if today is None:
        # All zero: the library reads today's date at every call, so a
        # long-running program does not keep yesterday's date.
        o.ref_year = o.ref_month = o.ref_day = 0
    else:
        _check_date("today", today)
        o.ref_year, o.ref_month, o.ref_day = today.year, today.month, today.day
    if known_dates is None:
        o.known_dates = None  # the shipped list
    elif isinstance(known_dates, KnownDates):
        o.known_dates = known_dates._h
    else:
        raise TypeError("known_dates must be a dkcpr.KnownDates, not "
                        f"{type(known_dates).__name__}")


def parse_options(policy: str = "default", lenient: bool = False,
                  allow_replacement: bool = False, allow_future: bool = False,
                  today: Optional[datetime.date] = None,
                  known_dates: Optional[KnownDates] = None) -> Any:
    """A shared dkcpr_options proxy for these keywords. The cache key holds
    known_dates, so its list lives as long as the entry."""
    key = (policy, bool(lenient), bool(allow_replacement), bool(allow_future), today,
           known_dates)
    try:
        return _cache[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable argument: let fill_parse report it
        key = None
    o = _swig.options()
    _swig.options_init(o, _swig.OPTIONS_VERSION)
    fill_parse(o, policy, lenient, allow_replacement, allow_future, today, known_dates)
    if key is not None:
        if len(_cache) > 256:
            _cache.clear()
        _cache[key] = o
    return o

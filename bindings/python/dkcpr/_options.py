"""Keyword arguments to the C library's option structs."""

from __future__ import annotations

import datetime
from typing import Any, Optional

from . import native as _swig

POLICIES = {
    "default": _swig.POLICY_DEFAULT,
    "known-dates": _swig.POLICY_KNOWN_DATES,
    "known_dates": _swig.POLICY_KNOWN_DATES,
    "strict": _swig.POLICY_STRICT,
}

# Option structs are immutable once built, so equal keyword sets share one.
_cache: dict = {}


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
               allow_future: bool, today: Optional[datetime.date]) -> None:
    """Set the fields of a dkcpr_options proxy."""
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


def parse_options(policy: str = "default", lenient: bool = False,
                  allow_replacement: bool = False, allow_future: bool = False,
                  today: Optional[datetime.date] = None) -> Any:
    """A shared dkcpr_options proxy for these keywords."""
    key = (policy, bool(lenient), bool(allow_replacement), bool(allow_future), today)
    try:
        return _cache[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable argument: let fill_parse report it
        key = None
    o = _swig.options()
    _swig.options_init(o, _swig.OPTIONS_VERSION)
    fill_parse(o, policy, lenient, allow_replacement, allow_future, today)
    if key is not None:
        if len(_cache) > 256:
            _cache.clear()
        _cache[key] = o
    return o

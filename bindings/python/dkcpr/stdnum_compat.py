# SPDX-License-Identifier: Apache-2.0
"""python-stdnum's ``stdnum.dk.cpr``, answered by dkcpr's C library.

``from dkcpr import stdnum_compat as cpr`` replaces ``from stdnum.dk import
cpr``: the same functions (``compact``, ``checksum``, ``get_birth_date``,
``validate``, ``is_valid``, ``format``) with stdnum's meanings (the mod-11
check is not required, a birth date after today is invalid, replacement
numbers are not CPR numbers), and ``validate`` raises stdnum's exception
classes: those of ``stdnum.exceptions`` when python-stdnum is installed, so
existing ``except`` clauses keep working, else equal classes defined here
(``ValueError`` subclasses, as stdnum's are).

Differences, all on input stdnum does not document:

* Unicode: stdnum first maps some Unicode dashes and spaces to ASCII; here
  only the ASCII space and hyphen are removed, so a number written with
  other separators fails with ``InvalidFormat`` (``dkcpr.parse(...,
  lenient=True)`` reads every Unicode form).
* ``get_birth_date`` checks the number's shape first: stdnum reads the
  first seven characters of anything (``'21106256290'`` gives a date, an
  input with letters raises a plain ``ValueError``); here such input raises
  ``InvalidFormat`` or ``InvalidLength``.
"""

from __future__ import annotations

import datetime

from . import _native
from ._errors import CprError

try:
    from stdnum.exceptions import (InvalidChecksum, InvalidComponent, InvalidFormat,
                                   InvalidLength, ValidationError)
except ImportError:
    class ValidationError(ValueError):  # type: ignore[no-redef]
        """Top-level error for validating numbers (as stdnum.exceptions)."""

        def __str__(self) -> str:
            return "".join(self.args[:1]) or getattr(self, "message", "")

    class InvalidFormat(ValidationError):  # type: ignore[no-redef]  # noqa: N818
        message = "The number has an invalid format."

    class InvalidChecksum(ValidationError):  # type: ignore[no-redef]  # noqa: N818
        message = "The number's checksum or check digit is invalid."

    class InvalidLength(InvalidFormat):  # type: ignore[no-redef]  # noqa: N818
        message = "The number has an invalid length."

    class InvalidComponent(ValidationError):  # type: ignore[no-redef]  # noqa: N818
        message = "One of the parts of the number are invalid or unknown."

__all__ = ["compact", "checksum", "get_birth_date", "validate", "is_valid", "format",
           "ValidationError", "InvalidFormat", "InvalidChecksum", "InvalidLength",
           "InvalidComponent"]

_validate = _native._validate
_parse = _native._parse
_ASCII_DIGITS = frozenset("0123456789")
_NOT_BORN = "The birth date information is valid, but this person has not been born yet."
_BAD_DATE = "The number does not contain valid birth date information."


def _future_options():
    from ._options import parse_options
    return parse_options(allow_future=True)


def compact(number: str) -> str:
    """The number without spaces and hyphens, and surrounding white space."""
    try:
        number = "".join(x for x in number)
    except Exception:  # noqa: B902 (stdnum's own test: anything not iterable)
        raise InvalidFormat() from None
    return number.replace(" ", "").replace("-", "").strip()


def checksum(number: str) -> int:
    """The weighted digit sum mod 11 (0 for numbers that pass mod 11, which
    the CPR office stopped requiring in 2007)."""
    weights = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
    return sum(w * int(n) for w, n in zip(weights, number)) % 11


def _checked(number: str) -> str:
    number = compact(number)
    if not number or not _ASCII_DIGITS.issuperset(number):
        raise InvalidFormat()
    if len(number) != 10:
        raise InvalidLength()
    return number


def get_birth_date(number: str) -> datetime.date:
    """The birth date, even if it is after today."""
    try:
        t = _parse(_checked(number), _future_options())
    except CprError:
        raise InvalidComponent(_BAD_DATE) from None
    return datetime.date(t[1], t[2], t[3])


def validate(number: str) -> str:
    """The compact number if it is a valid CPR number; else InvalidFormat,
    InvalidLength or InvalidComponent (a date that does not exist or is after
    today, or a replacement number)."""
    number = _checked(number)
    if not _validate(number, None):
        get_birth_date(number)  # InvalidComponent if the date is bad
        raise InvalidComponent(_NOT_BORN)
    return number


def is_valid(number: str) -> bool:
    """Whether validate() would accept the number; never raises."""
    try:
        if _validate(number, None):  # the three ASCII forms: no Python work
            return True
    except TypeError:
        pass  # stdnum reads any iterable of characters
    try:
        return bool(validate(number))
    except ValidationError:
        return False


def format(number: str) -> str:  # noqa: A001 (stdnum's name)
    """``DDMMYY-SSSS`` (not validated, as in stdnum)."""
    number = compact(number)
    return "-".join((number[:6], number[6:]))

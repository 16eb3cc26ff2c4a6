# SPDX-License-Identifier: Apache-2.0
"""Value types returned by dkcpr: enums, parsed numbers and matches."""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass
from typing import Optional, Union

from . import _native

__all__ = ["Sex", "Kind", "Confidence", "Cpr", "Match"]


class Sex(enum.Enum):
    """Sex as encoded by the last digit: even female, odd male."""

    FEMALE = "female"
    MALE = "male"


class Kind(enum.Enum):
    """What kind of number was found. Values are the C library's kind names."""

    CPR = "cpr"                  #: an ordinary CPR number
    REPLACEMENT = "replacement"  #: CPR office replacement scheme (day + 60)
    XECPR = "x-ecpr"             #: national healthcare e-CPR (7th char 1 or 7)
    DECPR = "d-ecpr"             #: regional healthcare e-CPR (7th char 0, 5 or 6)


class Confidence(enum.IntEnum):
    """How likely a match in text is a CPR number; ordered low < medium < high."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3


# Indexed by the C enum values.
_SEXES = (Sex.FEMALE, Sex.MALE)
_KINDS = (Kind.CPR, Kind.REPLACEMENT, Kind.XECPR, Kind.DECPR)


@dataclass(frozen=True, slots=True, repr=False)
class Cpr:
    """A parsed, valid CPR number (or an allowed replacement number).

    ``repr()`` shows the number masked (``Cpr('211062-XXXX', ...)``) so that a
    logged value does not leak the full number; ``str()`` gives ``formatted``.
    """

    digits: str
    """The canonical 10 characters, e.g. ``'2110625629'`` (e-CPR letters kept)."""
    birth_date: datetime.date
    """The birth date (for day + 60 numbers, the real date: day minus 60)."""
    sex: Sex
    mod11: bool
    """Whether the weighted digit sum is 0 mod 11 (always False for e-CPR)."""
    known_date: bool
    """Whether the birth date is on the CPR office's list of dates known to have
    numbers without mod 11."""
    replacement: Optional[Kind]
    """None for an ordinary CPR number, else the replacement scheme."""
    formatted: str
    """``DDMMYY-SSSS``."""
    masked: str
    """``DDMMYY-XXXX``."""

    @classmethod
    def _from_native(cls, t: tuple) -> "Cpr":
        (digits, year, month, day, sex, kind, mod11, known, _century,
         dashed, masked) = t
        return cls(digits, datetime.date(year, month, day), _SEXES[sex],
                   bool(mod11), bool(known), _KINDS[kind] if kind else None,
                   dashed, masked)

    def age(self, at: Optional[datetime.date] = None) -> int:
        """Age in whole years on the date ``at`` (default: today).

        Raises CprError (status ``DKCPR_E_FUTURE``) if ``at`` is before the
        birth date.
        """
        if at is None:
            at = datetime.date.today()
        elif not isinstance(at, datetime.date):
            raise TypeError(f"at must be a datetime.date, not {type(at).__name__}")
        b = self.birth_date
        native = (self.digits, b.year, b.month, b.day, _SEXES.index(self.sex),
                  _KINDS.index(self.replacement or Kind.CPR), int(self.mod11),
                  int(self.known_date), int(self.digits[6]))
        return _native._age(native, at.year, at.month, at.day)

    def __str__(self) -> str:
        return self.formatted

    def __repr__(self) -> str:
        kind = f", replacement={self.replacement.value!r}" if self.replacement else ""
        return f"Cpr({self.masked!r}, sex={self.sex.value!r}{kind})"


@dataclass(frozen=True, slots=True)
class Match:
    """A CPR number found in text.

    ``start`` and ``end`` index the Python str (code points), so
    ``text[m.start:m.end]`` is the number as written.
    """

    start: int
    end: int
    digits: str
    """The canonical 10 characters."""
    kind: Kind
    mod11: bool
    confidence: Confidence

    @classmethod
    def _from_native(cls, t: tuple) -> "Match":
        start, end, digits, kind, mod11, confidence = t
        return cls(start, end, digits, _KINDS[kind], bool(mod11),
                   Confidence(confidence))


SexLike = Union[Sex, str]
ConfidenceLike = Union[Confidence, str, int]


def _sex_code(sex: Optional[SexLike]) -> int:
    """-1 for any, else the C value."""
    if sex is None:
        return -1
    try:
        return _SEXES.index(Sex(sex))
    except ValueError:
        raise ValueError(f"sex must be 'female', 'male' or None, not {sex!r}") from None


def _confidence(value: ConfidenceLike) -> Confidence:
    if isinstance(value, str):
        try:
            return Confidence[value.upper()]
        except KeyError:
            pass
    else:
        try:
            return Confidence(value)
        except ValueError:
            pass
    raise ValueError(f"confidence must be 'low', 'medium' or 'high', not {value!r}")

# SPDX-License-Identifier: Apache-2.0
"""Danish CPR numbers: exact validation, keyed reversible pseudonyms that are
themselves valid CPR numbers, and finding and washing CPR numbers in text.

A thin layer over the dkcpr C library (through its SWIG module
``dkcpr._native``): every result comes from the same C code as the C API,
the ``dkcpr`` command and the Java binding.

Errors: a rejected number or argument raises :class:`CprError` (a
``ValueError``) whose ``status`` is the C status name; a wrong argument type
raises ``TypeError``; allocation failure ``MemoryError``.
"""

from __future__ import annotations

import datetime
import sys
import sysconfig
from typing import Any, Iterable, List, Optional, Tuple, Union

from . import _build


def _check_interpreter() -> None:
    """The compiled module works only in the Python it was built for; another
    version would not find it, or crash, instead of saying why."""
    soabi = sysconfig.get_config_var("SOABI")
    if tuple(sys.version_info[:2]) != _build.PYTHON_VERSION or (
            _build.SOABI and soabi != _build.SOABI):
        built = ".".join(map(str, _build.PYTHON_VERSION))
        raise ImportError(
            f"dkcpr was built for Python {built} ({_build.SOABI}), but this is Python "
            f"{sys.version_info[0]}.{sys.version_info[1]} ({soabi}) at {sys.executable}: "
            "build and install dkcpr with this interpreter "
            "(python3 -m pip install --no-build-isolation .)", name="dkcpr")


_check_interpreter()

from . import _columns  # noqa: E402 (after the check: it loads the module)
from . import _native  # noqa: E402
from . import native as _swig  # noqa: E402
from ._errors import CprError  # noqa: E402
from ._options import KnownDates  # noqa: E402
from ._options import parse_options as _parse_options  # noqa: E402
from ._text import scan, wash, wash_file  # noqa: E402
from ._types import Confidence, Cpr, Kind, Match, Sex, SexLike, _sex_code  # noqa: E402

__version__: str = _native.version_string()
"""The C library's version, ``MAJOR.MINOR.PATCH``."""

ALGORITHM: str = _native.algorithm()
"""Identifier of the pseudonym mapping (``'dkcpr-fpe-1'``)."""

KEY_BYTES: int = _native.key_bytes()

__all__ = [
    "ALGORITHM", "KEY_BYTES", "Confidence", "Cpr", "CprError", "Kind", "KnownDates", "Match",
    "Pseudonymizer", "Sex", "compact", "format", "generate", "is_valid",
    "key_from_hex", "keygen", "mask", "parse", "scan", "wash", "wash_file",
    "is_valid_many", "parse_many",
]

_validate = _native._validate
_parse = _native._parse
_from_native = Cpr._from_native


def _opts(policy: str, lenient: bool, allow_replacement: bool, allow_future: bool,
          today: Optional[datetime.date], known_dates: Optional[KnownDates]) -> Any:
    """None (the C defaults) or a shared options struct for the keywords."""
    if (policy == "default" and not (lenient or allow_replacement or allow_future)
            and today is None and known_dates is None):
        return None
    return _parse_options(policy, lenient, allow_replacement, allow_future, today,
                          known_dates)


def is_valid(s: str, *, policy: str = "default", lenient: bool = False,
             allow_replacement: bool = False, allow_future: bool = False,
             today: Optional[datetime.date] = None,
             known_dates: Optional[KnownDates] = None) -> bool:
    """Whether ``s`` is a valid CPR number under the options (see :func:`parse`).

    Never raises for a bad number, only for a wrong argument type or value.
    """
    return _validate(s, _opts(policy, lenient, allow_replacement, allow_future, today,
                              known_dates))


def parse(s: str, *, policy: str = "default", lenient: bool = False,
          allow_replacement: bool = False, allow_future: bool = False,
          today: Optional[datetime.date] = None,
          known_dates: Optional[KnownDates] = None) -> Cpr:
    """Parse and validate a CPR number.

    Accepted forms: ``DDMMYYSSSS``, ``DDMMYY-SSSS``, ``DDMMYY SSSS``; with
    ``lenient=True`` also surrounding white space, any Unicode dash or space
    as the separator and any Unicode decimal digits.

    policy: ``"default"`` (mod 11 not required, the CPR office's rule since
    2007), ``"known-dates"`` (mod 11 required unless the birth date is on the
    CPR office's list) or ``"strict"`` (mod 11 always required).
    allow_replacement: accept replacement numbers (day + 60, e-CPR).
    allow_future: accept birth dates after ``today`` (default: the current
    date, read at every call).
    known_dates: a :class:`KnownDates` list instead of the shipped one.

    Raises CprError, e.g. status ``DKCPR_E_DATE`` for a date that does not exist.
    """
    return _from_native(_parse(s, _opts(policy, lenient, allow_replacement, allow_future,
                                        today, known_dates)))


def is_valid_many(items: Iterable[Any], *, nine_digits: bool = False,
                  policy: str = "default", lenient: bool = False,
                  allow_replacement: bool = False, allow_future: bool = False,
                  today: Optional[datetime.date] = None,
                  known_dates: Optional[KnownDates] = None) -> List[Optional[bool]]:
    """:func:`is_valid` of every element of a column, in one library call.

    A missing value (None, NaN, pandas.NA) gives None. nine_digits: accept
    integers, integral floats and nine-digit str as numbers that lost their
    leading zero (an integer column); otherwise an element that is neither
    str nor missing raises TypeError. Other keywords as in :func:`parse`.
    """
    return _columns.is_valid_many(items, _opts(policy, lenient, allow_replacement,
                                               allow_future, today, known_dates),
                                  nine_digits)


def parse_many(items: Iterable[Any], *, errors: str = "raise", nine_digits: bool = False,
               policy: str = "default", lenient: bool = False,
               allow_replacement: bool = False, allow_future: bool = False,
               today: Optional[datetime.date] = None,
               known_dates: Optional[KnownDates] = None) -> List[Optional[Cpr]]:
    """:func:`parse` of every element of a column, in one library call.

    A missing value gives None. errors: ``"raise"`` raises CprError for the
    first rejected element (its ``index`` says which), ``"none"`` puts None
    in its place. nine_digits and other keywords as in :func:`is_valid_many`.
    """
    return _columns.parse_many(items, _opts(policy, lenient, allow_replacement,
                                            allow_future, today, known_dates),
                               errors, nine_digits)


def format(s: str, **options) -> str:
    """``DDMMYY-SSSS`` for a valid number; takes :func:`parse`'s keywords."""
    return parse(s, **options).formatted


def compact(s: str, **options) -> str:
    """The 10 canonical characters of a valid number; takes :func:`parse`'s keywords."""
    return parse(s, **options).digits


def mask(s: str, **options) -> str:
    """``DDMMYY-XXXX`` for a valid number; takes :func:`parse`'s keywords."""
    return parse(s, **options).masked


def keygen() -> bytes:
    """32 fresh random key bytes from the operating system's generator."""
    return _key(_native._keygen)


def key_from_hex(text: str) -> bytes:
    """Key bytes from 64 hexadecimal characters (a trailing newline allowed),
    the form of key files and environment variables."""
    return _key(_native._key_from_hex, text)


def _key(fn: Any, *args: Any) -> bytes:
    """The key fn writes into a bytearray, as bytes; the bytearray is wiped."""
    buf = bytearray(KEY_BYTES)
    try:
        fn(buf, *args)
        return bytes(buf)
    finally:
        buf[:] = bytes(len(buf))


_KEEP = {"none": 0, "sex": _swig.KEEP_SEX, "year": _swig.KEEP_YEAR,
         "date": _swig.KEEP_DATE}


def _keep_bits(keep: Union[str, Iterable[str], None]) -> int:
    if keep is None:
        return 0
    names = (keep,) if isinstance(keep, str) else tuple(keep)
    bits = 0
    for name in names:
        if name not in _KEEP:
            raise ValueError(f"keep takes 'sex', 'year', 'date' or 'none', not {name!r}")
        bits |= _KEEP[name]
    return bits


def _closed() -> ValueError:
    return ValueError("operation on a closed Pseudonymizer")


class Pseudonymizer:
    """Keyed, reversible pseudonyms that are themselves valid CPR numbers.

    key: 32 secret bytes (see :func:`keygen` and :func:`key_from_hex`).
    context: separates datasets or systems (str is taken as UTF-8): the same
    person gets unrelated pseudonyms under different contexts.
    keep: what a pseudonym keeps of the original, any of ``"sex"``, ``"year"``,
    ``"date"`` (the whole birth date); ``()`` or ``"none"`` keeps nothing.
    never_real: map CPR numbers into the replacement space (day + 60), so a
    pseudonym can never be a living person's number.
    policy, lenient, allow_replacement, known_dates: which inputs are accepted,
    as in :func:`parse`; replacement numbers are accepted by default and stay
    replacement numbers of the same scheme. The not-yet-born check never
    applies: the mapping does not depend on the day it runs.

    The C handle is immutable: one Pseudonymizer may be shared by any number
    of threads, and the GIL is released while it works. ``close()`` (or the
    end of a ``with`` block) frees the handle and wipes its copy of the key
    once no call is using it; the ``key`` object you passed is yours to drop.
    """

    __slots__ = ("_h", "_opts", "_policy", "_known", "__weakref__")

    def __init__(self, key: bytes, context: Union[bytes, str] = b"",
                 keep: Union[str, Iterable[str], None] = ("year", "sex"),
                 never_real: bool = False, policy: str = "default", *,
                 lenient: bool = False, allow_replacement: bool = True,
                 known_dates: Optional[KnownDates] = None) -> None:
        self._h = None
        if isinstance(key, str):
            raise TypeError("key must be bytes; use dkcpr.key_from_hex() for hex text")
        if isinstance(context, str):
            context = context.encode("utf-8")
        bits = _keep_bits(keep)
        flags = _swig.NEVER_REAL if never_real else 0
        self._opts = _parse_options(policy, lenient, allow_replacement, True, None,
                                    known_dates)
        self._policy = policy
        self._known = known_dates  # the options point into its list
        self._h = _swig.Pseudonymizer(key, context, bits, flags)

    def pseudonymize(self, s: str) -> str:
        """The pseudonym of ``s``, written the way ``s`` was."""
        h = self._h
        if h is None:
            raise _closed()
        return h.pseudonymize(s, self._opts)

    def reveal(self, s: str) -> str:
        """The original of a pseudonym made with the same key, context and keep."""
        h = self._h
        if h is None:
            raise _closed()
        return h.reveal(s, self._opts)

    def token(self, s: str, length: int = 26) -> str:
        """A keyed one-way token (HMAC-SHA-256, lower-case base32) of ``length``
        characters, 16 to 52."""
        h = self._h
        if h is None:
            raise _closed()
        # A negative length is out of range like any other: CprError, E_ARG.
        return h.token(s, max(_index(length), 0), self._opts)

    def pseudonymize_many(self, items: Iterable[Any], *, errors: str = "raise",
                          nine_digits: bool = False) -> List[Optional[str]]:
        """Pseudonyms of many numbers in one library call.

        A missing value (None, NaN, pandas.NA) gives None. errors:
        ``"raise"`` raises CprError for the first bad element (its ``index``
        attribute says which); ``"none"`` puts None in its place.
        nine_digits: accept integers, integral floats and nine-digit str as
        numbers that lost their leading zero (the pseudonym has ten digits);
        otherwise an element that is neither str nor missing raises TypeError.
        """
        h = self._h
        if h is None:
            raise _closed()
        return _columns.pseudonym_many(h, items, self._opts, False, errors, nine_digits)

    def reveal_many(self, items: Iterable[Any], *, errors: str = "raise",
                    nine_digits: bool = False) -> List[Optional[str]]:
        """Originals of many pseudonyms in one library call; keywords as in
        :meth:`pseudonymize_many`."""
        h = self._h
        if h is None:
            raise _closed()
        return _columns.pseudonym_many(h, items, self._opts, True, errors, nine_digits)

    def token_many(self, items: Iterable[Any], length: int = 26, *, errors: str = "raise",
                   nine_digits: bool = False) -> List[Optional[str]]:
        """:meth:`token` of many numbers, with the GIL released for the whole
        list; keywords as in :meth:`pseudonymize_many`."""
        h = self._h
        if h is None:
            raise _closed()
        return _columns.token_many(h, items, self._opts, max(_index(length), 0), errors,
                                   nine_digits)

    def close(self) -> None:
        """Free the handle (the key copy is wiped); calling it again is a no-op."""
        self._h = None

    @property
    def closed(self) -> bool:
        return self._h is None

    def __enter__(self) -> "Pseudonymizer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<dkcpr.Pseudonymizer {'closed' if self._h is None else 'open'}>"

    def __reduce__(self):
        raise TypeError("a Pseudonymizer holds a key and is not pickled: create one "
                        "in each process from the key")


def _index(n: int) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected an int, not {type(n).__name__}")
    return n


def _seed_bytes(seed: Union[bytes, str, int, None]) -> bytes:
    if seed is None:
        return keygen()
    if isinstance(seed, bool):
        raise TypeError("seed must be bytes, str or int")
    if isinstance(seed, int):
        return str(seed).encode("ascii")
    if isinstance(seed, str):
        return seed.encode("utf-8")
    return bytes(seed)


def generate(count: int, born: Optional[Tuple[Optional[datetime.date],
                                              Optional[datetime.date]]] = None,
             sex: Optional[SexLike] = None,
             seed: Union[bytes, str, int, None] = None, *,
             mod11: Optional[bool] = None, never_real: bool = False,
             first: int = 0) -> List[str]:
    """``count`` distinct synthetic valid CPR numbers (10 digits each).

    born: ``(first_date, last_date)``, either may be None (defaults
    1858-01-01 and today). sex: ``"female"``, ``"male"`` or None for both.
    seed: the same seed gives the same sequence (bytes as they are, str as
    UTF-8, int as its decimal digits); None draws a random one. mod11: True
    or False to require passing or failing numbers, None for both.
    never_real: day + 60 numbers. first: start further along the sequence.
    Raises CprError (status ``DKCPR_E_RANGE``) if too few numbers match.
    """
    if isinstance(count, bool) or not isinstance(count, int):
        raise TypeError("count must be an int")
    if count < 0 or first < 0:
        raise ValueError("count and first must not be negative")
    o = _swig.generate_options()
    _swig.generate_options_init(o, _swig.GENERATE_OPTIONS_VERSION)
    if born is not None:
        start, end = born
        if start is not None:
            o.from_year, o.from_month, o.from_day = _ymd("born", start)
        if end is not None:
            o.to_year, o.to_month, o.to_day = _ymd("born", end)
    o.sex = _sex_code(sex)
    o.mod11 = -1 if mod11 is None else int(bool(mod11))
    o.flags = _swig.GENERATE_NEVER_REAL if never_real else 0
    # count NUL-terminated numbers of 11 bytes, split at C speed
    numbers = o.generate(11 * count, _seed_bytes(seed), first, count).decode("ascii").split("\0")
    numbers.pop()  # what follows the last NUL
    return numbers


def _ymd(name: str, d: datetime.date) -> Tuple[int, int, int]:
    if not isinstance(d, datetime.date):
        raise TypeError(f"{name} must hold datetime.date values, not {type(d).__name__}")
    return d.year, d.month, d.day

# SPDX-License-Identifier: Apache-2.0
"""Finding CPR numbers in text and washing them out."""

from __future__ import annotations

import datetime
import os
import warnings
from typing import (IO, TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, List, Optional,
                    Tuple, Union)

from . import _native
from . import native as _swig
from ._errors import CprError, syntax
from ._atomic import AtomicOutput
from ._inputs import Opened
from ._options import KnownDates, fill_parse
from ._types import ConfidenceLike, Match, _confidence

if TYPE_CHECKING:
    from . import Pseudonymizer

_from_native = Match._from_native

_MODES = {"pseudonym": _swig.WASH_PSEUDONYM, "mask": _swig.WASH_MASK,
          "token": _swig.WASH_TOKEN, "redact": _swig.WASH_REDACT,
          "reveal": _swig.WASH_REVEAL}
_NEEDS_KEY = {"pseudonym", "token", "reveal"}
_FORMATS = {"text": _swig.DATA_TEXT, "csv": _swig.DATA_CSV, "tsv": _swig.DATA_TSV,
            "json": _swig.DATA_JSON, "jsonl": _swig.DATA_JSONL, "sql": _swig.DATA_SQL,
            "hl7": _swig.DATA_HL7, "xml": _swig.DATA_XML, "fixed": _swig.DATA_FIXED}
_FORMAT_NAMES = {v: k for k, v in _FORMATS.items()}
_GUESS_BYTES = 1 << 16
_CHUNK = 1 << 20

# Option structs are read-only once built (the washer copies its own), so
# equal keyword sets share one: short texts are not slowed by building them.
_scan_cache: dict = {}
_wash_cache: dict = {}
_rules_cache: dict = {}


def _cached(cache: dict, key: tuple, build: Callable[[], Any]) -> Any:
    try:
        return cache[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable argument: build() reports it
        return build()
    value = build()
    if len(cache) > 64:
        cache.clear()
    cache[key] = value  # the key holds known_dates, which the struct points into
    return value


def _fill_scan(so: Any, policy: str, allow_replacement: bool, allow_future: bool,
               nine_digits: bool, min_confidence: ConfidenceLike,
               today: Optional[datetime.date], known_dates: Optional[KnownDates]) -> None:
    # The scan options have no reference date (the not-yet-born check is
    # never applied in text); a parse struct checks today and known_dates.
    parse = _swig.options()
    _swig.options_init(parse, _swig.OPTIONS_VERSION)
    fill_parse(parse, policy, False, allow_replacement, allow_future, today, known_dates)
    so.policy = parse.policy
    so.parse_flags = parse.flags
    so.known_dates = parse.known_dates
    so.flags = _swig.SCAN_NINE_DIGITS if nine_digits else 0
    so.min_confidence = int(_confidence(min_confidence))


def scan(text: str, *, policy: str = "default", allow_replacement: bool = True,
         allow_future: bool = False, nine_digits: bool = False,
         min_confidence: ConfidenceLike = "low",
         today: Optional[datetime.date] = None,
         known_dates: Optional[KnownDates] = None) -> List[Match]:
    """Every CPR number in ``text``, in order.

    A candidate is 6 digits, an optional separator and 4 digits, not next to
    further digits, valid under ``policy``; replacement numbers are found by
    default. ``start``/``end`` of each Match index ``text`` (code points, not
    UTF-8 bytes). nine_digits: also 9-digit numbers that lost a leading zero.
    min_confidence: ``"low"`` (default), ``"medium"`` or ``"high"``.
    allow_future, today, known_dates: as in :func:`dkcpr.parse`.
    """
    def build() -> Any:
        so = _swig.scan_options()
        _swig.scan_options_init(so, _swig.SCAN_OPTIONS_VERSION)
        _fill_scan(so, policy, allow_replacement, allow_future, nine_digits,
                   min_confidence, today, known_dates)
        return so

    so = _cached(_scan_cache, (policy, bool(allow_replacement), bool(allow_future),
                               bool(nine_digits), min_confidence, today, known_dates), build)
    if not isinstance(text, str):
        raise TypeError(f"expected str, not {type(text).__name__}")
    data = text.encode("utf-8", "surrogatepass")
    found = _native._scan(data, so)
    if not text.isascii():  # the library counts bytes, Python code points
        found = _code_points(found, data)
    return [_from_native(t) for t in found]


def _code_points(found: List[tuple], data: bytes) -> List[tuple]:
    """Matches with their byte offsets turned into code points, walking the
    text once when they come in order."""
    out, at_byte, at = [], 0, 0
    for start, end, *rest in found:
        if start < at_byte:
            at_byte = at = 0
        at += len(data[at_byte:start].decode("utf-8", "surrogatepass"))
        at_byte = start
        out.append((at, at + len(data[start:end].decode("utf-8", "surrogatepass")), *rest))
    return out


_DATA_TEXT = _swig.DATA_TEXT
_TEXT_CALLS = (_native.washer_bound, _native.washer_feed, _native.washer_finish)
_STRUCT_CALLS = (_native.struct_washer_bound, _native.struct_washer_feed,
                 _native.struct_washer_finish)


class _Washer:
    """A streaming washer of the library: bytes in, bytes out, the GIL released
    while it works. Text without rules gets the text washer, anything else the
    structured one (text with rules is checked by it first, as dkcpr wash does:
    rules that rewrite values need rows). Used by the call that made it only,
    so by one thread at a time, as the library requires."""

    __slots__ = ("_w", "_calls", "_format", "_rules")

    def __init__(self, h: Any, so: Any, wo: Any, placeholder: Optional[bytes], fmt: int,
                 fields: Optional[bytes], rules: Any) -> None:
        text = fmt == _DATA_TEXT
        if not text or rules is not None:
            # the fields and the rules are copied by the constructor
            self._w = _native.new_StructWasher(h, so, wo, placeholder, fmt, fields, rules)
        if text:  # the generated constructors: the handle is freed with the object
            self._w = _native.new_Washer(h, so, wo, placeholder)
        self._calls = _TEXT_CALLS if text else _STRUCT_CALLS
        self._format, self._rules = fmt, rules

    def feed(self, data: bytes) -> bytes:
        """The washed bytes of data that are ready (the output has room for
        the most the library may write)."""
        bound, feed, _ = self._calls
        try:
            return feed(bound(self._w, len(data)), self._w, data)
        except CprError as e:
            raise self._where(e) from None

    def finish(self) -> bytes:
        bound, _, finish = self._calls
        try:
            return finish(bound(self._w, 0), self._w)
        except CprError as e:
            raise self._where(e) from None

    def _where(self, e: CprError) -> CprError:
        """A structured washer's syntax error with its line and column."""
        if self._calls is _TEXT_CALLS or e.status != "DKCPR_E_SYNTAX":
            return e
        err = _swig.struct_error()
        err.version = _swig.STRUCT_ERROR_VERSION
        _swig.struct_washer_error(err, self._w)
        return syntax(_swig.data_format_name(self._format), err)

    def stats(self) -> Dict[str, Any]:
        s = _swig.wash_stats()
        s.version = _swig.WASH_STATS_VERSION
        c = _swig.struct_counts()  # all zero for text, which has no fields
        c.version = _swig.STRUCT_COUNTS_VERSION
        struct = self._calls is _STRUCT_CALLS
        if struct:
            _swig.struct_washer_stats(s, c, self._w)
        else:
            _swig.washer_stats(s, self._w)
        d = {"bytes_in": s.bytes_in, "bytes_out": s.bytes_out, "found": _by_kind(s, 0),
             "replaced": _by_kind(s, 1), "irreversible": s.irreversible,
             "failed": s.failed}
        counts = _fields(c)  # what the CPR fields held, and what the rules rewrote
        if struct:
            d["cpr_fields"] = {k: v for k, v in counts.items() if not k.startswith("rule_")}
        if self._rules is not None:
            d["rules"] = r = {k[5:]: v for k, v in counts.items() if k.startswith("rule_")}
            # As text every rule named nothing: the text washer has no fields.
            r["unmatched_rules"] = [
                tuple(_swig.rules_field(self._rules, i)) for i in range(self._rules.field_count())
                if not (struct and _swig.struct_washer_rule_matched(self._w, i))]
            r["unmatched"] = len(r["unmatched_rules"])
        return d


def _by_kind(stats: Any, replaced: int) -> Dict[str, int]:
    """A [kind][confidence] table of the stats (found, or replaced) summed into
    {kind: n} for the kinds that occur."""
    sums = ((k, sum(stats.cell(replaced, k, c) for c in range(_swig.CONFIDENCE_COUNT)))
            for k in range(_swig.KIND_COUNT))
    return {_swig.kind_name(k): n for k, n in sums if n}


def _fields(struct: Any) -> Dict[str, int]:
    """The counts of a SWIG struct proxy by field name, in the header's order:
    a field the library adds appears without a change here."""
    return {k: getattr(struct, k) for k, v in vars(type(struct)).items()
            if isinstance(v, property) and k not in ("this", "thisown", "version")}


_pseudonymizer_type: Optional[type] = None


def _pseudonymizer_class() -> type:
    global _pseudonymizer_type
    if _pseudonymizer_type is None:
        from . import Pseudonymizer  # the package is loaded by the time wash runs
        _pseudonymizer_type = Pseudonymizer
    return _pseudonymizer_type


def _format(format: str, cpr_fields: Optional[Iterable[str]]) -> Tuple[int, Optional[bytes]]:
    """The format's number and the extra CPR field names as the library takes them."""
    if format not in _FORMATS:
        raise ValueError(f"format must be one of {sorted(_FORMATS) + ['auto']}, not {format!r}")
    if cpr_fields is None:
        return _FORMATS[format], None
    if isinstance(cpr_fields, (str, bytes)):
        raise TypeError("cpr_fields must be a list of field names, not a single string")
    names = list(cpr_fields)
    for n in names:
        if not isinstance(n, str) or not n or "," in n:
            raise ValueError(f"a CPR field name must be a non-empty str without ',': {n!r}")
    return _FORMATS[format], ",".join(names).encode("utf-8")


RulesLike = Union[str, "os.PathLike[str]"]


def _rules(rules: Optional[RulesLike]) -> Any:
    """Parsed rules (shared: they are immutable) for a ``rules=`` argument."""
    if rules is None:
        return None
    if isinstance(rules, str):
        data, what = rules.encode("utf-8", "surrogatepass"), "rules"
    elif isinstance(rules, os.PathLike):
        with open(rules, "rb") as f:
            data = f.read()
        what = f"rules file {os.fsdecode(rules)!r}"
    else:
        raise TypeError("rules must be YAML text (str) or the path of a rules file "
                        f"(os.PathLike), not {type(rules).__name__}")
    return _cached(_rules_cache, (data, what), lambda: _parse_rules(data, what))


def _parse_rules(data: bytes, what: str) -> Any:
    """Rules (immutable, so shared by washers and threads); a text that does
    not parse raises CprError with its line and column, naming ``what``."""
    err = _swig.struct_error()
    err.version = _swig.STRUCT_ERROR_VERSION
    try:
        return _swig.Rules(err, data)
    except CprError as e:
        if e.status != "DKCPR_E_SYNTAX":
            raise
        raise syntax(what, err) from None


def _warn_unusable(stats: Dict[str, Any], name: Optional[str], stacklevel: int) -> None:
    """Warn, as the dkcpr program does, of companions that got the placeholder and of
    rules that named no field."""
    n = stats.get("rules", {}).get("unusable", 0)
    where = f"{name}: " if name else ""
    if n:
        warnings.warn(f"{where}{n} companion value{'' if n == 1 else 's'} had no CPR number in "
                      f"{'its' if n == 1 else 'their'} row to follow (given the placeholder)",
                      UserWarning, stacklevel=stacklevel + 1)
    for rule, line in stats.get("rules", {}).get("unmatched_rules", []):
        warnings.warn(f"{where}the rule for {rule!r} (line {line} of the rules) named no field: "
                      "nothing was done with it", UserWarning, stacklevel=stacklevel + 1)


def _guess(name: Optional[str], head: bytes) -> str:
    """The format ``auto`` takes for an input: by its name, then its first bytes."""
    raw = os.fsencode(name) if name is not None else None
    return _FORMAT_NAMES[_swig.data_format_guess(raw, head)]


def _washer(pseudonymizer: Optional["Pseudonymizer"], mode: str,
            policy: Optional[str], nine_digits: bool,
            min_confidence: ConfidenceLike, token_length: int,
            placeholder: Optional[str], known_dates: Optional[KnownDates],
            fallback: str = "token", format: str = "text",
            cpr_fields: Optional[Iterable[str]] = None, rules: Any = None) -> Any:
    fmt, fields = _format(format, cpr_fields)
    if mode not in _MODES:
        raise ValueError(f"mode must be one of {sorted(_MODES)}, not {mode!r}")
    if fallback not in ("token", "redact"):
        raise ValueError(f"fallback must be 'token' or 'redact', not {fallback!r}")
    h = None
    if pseudonymizer is not None:
        if not isinstance(pseudonymizer, _pseudonymizer_class()):
            raise TypeError("pseudonymizer must be a dkcpr.Pseudonymizer, not "
                            f"{type(pseudonymizer).__name__}")
        h = pseudonymizer._h
        if h is None:
            raise ValueError("operation on a closed Pseudonymizer")
        if policy is None:
            policy = pseudonymizer._policy
        if known_dates is None:
            known_dates = pseudonymizer._known
    elif mode in _NEEDS_KEY:
        raise ValueError(f"mode {mode!r} needs a Pseudonymizer")
    policy = policy or "default"

    def build() -> Any:
        so = _swig.scan_options()
        _swig.scan_options_init(so, _swig.SCAN_OPTIONS_VERSION)
        # The washer finds replacement numbers whatever the flag says (a
        # missed number is a leak); set it so the struct says what happens.
        _fill_scan(so, policy, True, True, nine_digits,
                   min_confidence, None, known_dates)
        wo = _swig.wash_options()
        _swig.wash_options_init(wo, _swig.WASH_OPTIONS_VERSION)
        wo.mode = _MODES[mode]
        if isinstance(token_length, bool) or not isinstance(token_length, int):
            raise TypeError("token_length must be an int")
        wo.token_chars = max(token_length, 0)  # out of range: CprError from the library
        wo.fallback = _MODES[fallback]
        return so, wo

    so, wo = _cached(_wash_cache, (mode, policy, bool(nine_digits), min_confidence,
                                   token_length, known_dates, fallback), build)
    ph = None if placeholder is None else placeholder.encode("utf-8")
    try:
        w = _Washer(h, so, wo, ph, fmt, fields, rules)
    except CprError as e:
        # The library says only E_ARG: name the rules when they are the cause.
        if rules is None or e.status != "DKCPR_E_ARG":
            raise
        _Washer(h, so, wo, ph, fmt, fields, None)
        raise ValueError("rules other than 'cpr' rewrite values, which needs fields: "
                         f"format {format!r} has none (use 'csv', 'tsv', 'json', 'jsonl', "
                         "'sql', 'hl7' or 'xml'; rules with a layout need 'fixed', which "
                         "keeps widths: no token or redact mode)") from None
    # The caller keeps these alive while the washer works: it uses the
    # pseudonymizer and the known dates.
    return w, (h, known_dates)


def wash(text: str, pseudonymizer: Optional["Pseudonymizer"] = None, *,
         mode: str = "pseudonym", policy: Optional[str] = None,
         nine_digits: bool = False,
         min_confidence: ConfidenceLike = "low", token_length: int = 26,
         placeholder: Optional[str] = None,
         known_dates: Optional[KnownDates] = None, fallback: str = "token",
         format: str = "text", cpr_fields: Optional[Iterable[str]] = None,
         rules: Optional[RulesLike] = None) -> str:
    """``text`` with every CPR number replaced; every other character is kept.

    mode: ``"pseudonym"`` (default; same length and layout), ``"mask"``
    (``DDMMYY-XXXX``), ``"token"`` (keyed one-way token of ``token_length``
    characters), ``"redact"`` (``placeholder``, default ``"[CPR]"``) or
    ``"reveal"`` (undo a pseudonym wash). pseudonym, token and reveal need a
    Pseudonymizer; its policy and known_dates are used unless given.
    Replacement numbers are always replaced too, and the not-yet-born check
    never applies, so wash and reveal are exact inverses. A number the
    pseudonym mode cannot map reversibly (a replacement number under
    never_real) gets ``fallback``: its keyed token (default) or, with
    ``"redact"``, the placeholder; reveal leaves it as it is.
    format: ``"text"`` (default), or ``"csv"``, ``"tsv"``, ``"json"``,
    ``"jsonl"``, ``"sql"``, ``"hl7"``, ``"xml"`` (an element's text or an
    attribute, by its local name), ``"fixed"`` (with rules that have a
    layout) to wash by structure as ``dkcpr wash --format``
    does (every value in a field named like ``cpr`` or in ``cpr_fields`` is
    washed in any written form, integers stay integers; see
    docs/structured.md), or ``"auto"`` to guess from the text. Text that is
    not in the format raises CprError with ``line`` and ``column``.
    rules: rules for washing by structure, as ``dkcpr wash --rules`` reads
    them (docs/rules.md): a str is the YAML text itself, an os.PathLike
    (such as pathlib.Path) the path of a rules file. They name fields that
    hold CPR numbers (``cpr``), that are redacted or emptied, and companions
    (``birth_date``, ``birth_year``, ``age``, ``sex``) written from the
    row's CPR number, so the row stays consistent. Rules other than ``cpr``
    need a format with fields, not ``"text"`` (ValueError otherwise);
    rules that do not parse raise CprError with ``line`` and ``column``. A
    companion in a row without a CPR number gets the placeholder (in SQL,
    NULL), with a UserWarning.
    Reveal needs the same rules to give companions back.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, not {type(text).__name__}")
    data = text.encode("utf-8", "surrogatepass")
    parsed = _rules(rules)
    if format == "auto":
        format = _guess(None, data[:_GUESS_BYTES])
    w, _keep = _washer(pseudonymizer, mode, policy, nine_digits,
                       min_confidence, token_length, placeholder, known_dates, fallback,
                       format, cpr_fields, parsed)
    out = w.feed(data) + w.finish()
    if parsed is not None:
        _warn_unusable(w.stats(), None, 2)
    return out.decode("utf-8", "surrogatepass")


def wash_file(src: Union[str, os.PathLike, IO[bytes]],
              dst: Union[str, os.PathLike, IO[bytes]],
              pseudonymizer: Optional["Pseudonymizer"] = None, *,
              mode: str = "pseudonym", policy: Optional[str] = None,
              nine_digits: bool = False,
              min_confidence: ConfidenceLike = "low", token_length: int = 26,
              placeholder: Optional[str] = None,
              known_dates: Optional[KnownDates] = None,
              chunk_size: int = _CHUNK, binary: str = "error",
              encoding: Optional[str] = None, fallback: str = "token",
              format: str = "auto", cpr_fields: Optional[Iterable[str]] = None,
              rules: Optional[RulesLike] = None) -> Dict[str, Any]:
    """Wash ``src`` into ``dst`` as :func:`wash` does, streaming in chunks.

    src and dst are paths or binary file objects. The input is classified by
    its first bytes, as the dkcpr program does: UTF-16, UTF-32 and legacy
    (Windows-1252) text is decoded and written back in its encoding; gzip,
    xz and bzip2 files are decompressed and written back compressed the same
    way (zstd raises ValueError: no zstd module here). An archive, database
    or other input that is not text raises ValueError naming the way out,
    unless ``binary`` is "pass" (copied unchanged, NOT washed) or "wash"
    (its bytes washed as text). ``encoding`` (a codec name) overrides the
    guess. Bytes that are not valid in the text pass through unchanged;
    memory stays bounded whatever the size.
    A path ``dst`` is written as the dkcpr program writes ``-o``: a new
    private file in the same directory, fsync'd and renamed over ``dst``
    only when washing succeeded, so a failure leaves ``dst`` as it was. A
    symbolic link, FIFO, socket or another user's file at ``dst`` is refused
    (ValueError or PermissionError); a character device (``/dev/null``) is
    written to directly and never removed.
    ``fallback`` is as for :func:`wash`. ``format``, ``cpr_fields`` and
    ``rules`` are as for :func:`wash`, but ``"auto"`` is the default, as for
    the dkcpr program: the structure is guessed from the file name and the
    first bytes, and an input whose first chunk does not parse in the
    guessed format is washed as text, with a UserWarning saying so (with
    rules that rewrite values, which text cannot apply, the CprError is
    raised instead); in a named format it raises CprError. Returns
    counts: bytes_in, bytes_out (of the UTF-8 text), found and replaced (by
    kind), irreversible, failed, and ``format`` (such as "gzip, UTF-16LE
    text"), ``washed`` (False for binary="pass"), ``structure`` (the format
    washed by: "text", "csv", ...), washed by structure, ``cpr_fields``
    (what the fields that mean CPR held: values, replaced, irreversible,
    unrecognised, failed, integers) and, washed with rules, ``rules`` (what
    they rewrote: values; of them unusable, the companions given the
    placeholder, and irreversible, those reveal cannot give back).
    """
    _format("text" if format == "auto" else format, cpr_fields)  # bad arguments fail first
    parsed = _rules(rules)
    if parsed is not None and format != "auto":
        _washer(pseudonymizer, mode, policy, nine_digits, min_confidence, token_length,
                placeholder, known_dates, fallback, format, cpr_fields, parsed)
    # Also what counts a binary="pass" input (copied, so nothing found).
    w, _keep = _washer(pseudonymizer, mode, policy, nine_digits, min_confidence, token_length,
                       placeholder, known_dates, fallback)
    if chunk_size <= 0:
        raise ValueError("chunk_size must be positive")
    src_is_path = isinstance(src, (str, bytes, os.PathLike))
    dst_is_path = isinstance(dst, (str, bytes, os.PathLike))
    if src_is_path and dst_is_path and os.path.exists(dst) and os.path.samefile(src, dst):
        raise ValueError("src and dst are the same file")
    fin = open(src, "rb") if src_is_path else src
    try:
        out = AtomicOutput(dst) if dst_is_path else None
        fout = out.file if out is not None else dst
        try:
            opened = Opened(fin, binary, encoding)
            write, close = opened.writer(fout)
            chunks = iter(opened.chunks(chunk_size))
            if opened.passed:
                for chunk in chunks:
                    write(chunk)
                structure = "text"
            else:
                name = src if src_is_path else getattr(src, "name", None)
                structure, w = _wash_chunks(chunks, write, format, name, lambda f: _washer(
                    pseudonymizer, mode, policy, nine_digits, min_confidence, token_length,
                    placeholder, known_dates, fallback, f, cpr_fields, parsed)[0])
            close()
        except BaseException:
            if out is not None:
                out.abort()
            raise
        if out is not None:
            out.commit()
    finally:
        if src_is_path:
            fin.close()
    stats = w.stats()
    stats["format"] = opened.describe()
    stats["washed"] = not opened.passed
    stats["structure"] = structure
    if parsed is not None:
        name = src if src_is_path else getattr(src, "name", None)
        _warn_unusable(stats, os.fsdecode(name) if isinstance(name, (str, bytes, os.PathLike))
                       else None, 2)
    return stats


def _wash_chunks(chunks: Iterator[bytes], write: Callable[[bytes], None], format: str,
                 name: Any, new: Callable[[str], Any]) -> Tuple[str, Any]:
    """Wash the chunks into write; returns the format used and the washer.

    With "auto", nothing is written before the first chunk has parsed in the
    guessed format, so an input that does not can be washed as text.
    """
    first = next(chunks, b"")
    second = next(chunks, None)
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    fmt = format if format != "auto" else _guess(
        name if isinstance(name, (str, os.PathLike)) else None, first[:_GUESS_BYTES])
    w = new(fmt)
    try:
        out = w.feed(first)
        if second is None:
            out += w.finish()
    except CprError as e:
        if format != "auto" or fmt == "text" or e.status != "DKCPR_E_SYNTAX":
            raise
        try:
            w = new("text")
        except ValueError:  # rules that rewrite values: text would drop them
            raise e from None
        warnings.warn(f"{name or 'input'}: {e}; washed as text", UserWarning, stacklevel=3)
        fmt = "text"
        out = w.feed(first)
        if second is None:
            out += w.finish()
    write(out)
    if second is not None:
        write(w.feed(second))
        for chunk in chunks:
            write(w.feed(chunk))
        write(w.finish())
    return fmt, w

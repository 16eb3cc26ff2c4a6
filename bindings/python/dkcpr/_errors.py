# SPDX-License-Identifier: Apache-2.0
"""CprError, and how a failed status becomes one.

The native module's status typemap calls :func:`_raise` through
``dkcpr_py_raise`` (bindings/python/native/column.c), so the message and the
attributes are made here, once, for every failing call. This module must not
import the native module: it is loaded while that module is.
"""

from __future__ import annotations

from typing import Any, Optional


class CprError(ValueError):
    """A CPR number or an argument was rejected by the dkcpr library.

    A ValueError. Attributes: status, the C status name (e.g. 'DKCPR_E_DATE');
    code, its negative number; index, the failing element of a batch call;
    line, the bad line of a known-dates text or of an input washed by its
    structure, with column and offset for the latter (None otherwise).
    Messages never contain the rejected input.
    """

    status: Optional[str] = None
    code: Optional[int] = None
    index: Optional[int] = None
    line: Optional[int] = None
    column: Optional[int] = None
    offset: Optional[int] = None


CprError.__module__ = "dkcpr"


def error(code: int, index: Optional[int] = None, line: Optional[int] = None) -> CprError:
    """The CprError for a status; index names the element of a batch call, line
    the bad line of a known-dates text."""
    from . import _native
    name, text = _native.status_name(code), _native.strerror(code)
    if index is not None:
        e = CprError(f"item {index}: {text} ({name})")
    elif line is not None:
        e = CprError(f"line {line}: {text} ({name})")
    else:
        e = CprError(f"{text} ({name})")
    e.status, e.code, e.index, e.line = name, code, index, line
    return e


def _raise(code: int, index: int) -> None:
    """What the native module calls for a failed status (index -1: none)."""
    raise error(code, index if index >= 0 else None)


def syntax(what: str, err: Any) -> CprError:
    """CprError for an input (or rules) that does not parse: err is the
    dkcpr_struct_error the library filled in."""
    e = error(_syntax_code())
    e.args = (f"not valid {what}: line {err.line}, column {err.column}: "
              f"{err.message or 'syntax error'}",)
    e.line, e.column, e.offset = err.line, err.column, err.offset
    return e


def _syntax_code() -> int:
    from . import native
    return native.E_SYNTAX

# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures: the shared TSV vectors and a guard that the package
under test is the one built by CMake, never the source tree."""

import datetime
import os
import pathlib

import pytest

import dkcpr

VECTORS = pathlib.Path(os.environ.get(
    "DKCPR_VECTORS_DIR",
    pathlib.Path(__file__).resolve().parents[3] / "tests" / "vectors"))

# A fixed key for tests that do not need a secret one.
TEST_KEY = bytes(range(32))


def pytest_configure(config):
    built = os.environ.get("DKCPR_PY_BUILD_DIR")
    where = pathlib.Path(dkcpr.__file__).resolve().parent
    if built is not None and where != pathlib.Path(built).resolve():
        raise pytest.UsageError(f"dkcpr imported from {where}, not the build tree {built}")


def unescape(field: str) -> bytes:
    """Decode the vector escapes \\t \\n \\r \\\\ \\xHH into raw bytes."""
    out = bytearray()
    raw = field.encode("utf-8")
    i = 0
    simple = {ord("t"): b"\t", ord("n"): b"\n", ord("r"): b"\r", ord("\\"): b"\\"}
    while i < len(raw):
        if raw[i] == ord("\\") and i + 1 < len(raw):
            c = raw[i + 1]
            if c in simple:
                out += simple[c]
                i += 2
                continue
            if c == ord("x"):
                out.append(int(raw[i + 2:i + 4], 16))
                i += 4
                continue
        out.append(raw[i])
        i += 1
    return bytes(out)


def read_tsv(name: str):
    path = VECTORS / name
    if not path.exists():
        pytest.skip(f"{path} not present yet")
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        if line == "" or line.startswith("#"):
            continue
        fields = line.split("\t")
        assert len(fields) == len(header), f"{name}: bad line {line!r}"
        rows.append(dict(zip(header, fields)))
    assert rows, f"{name} has no cases"
    return rows


def iso(s: str) -> datetime.date:
    return datetime.date.fromisoformat(s)


def assert_same(a, b) -> None:
    """a == b for long sequences, failing with where they part (pytest's own
    explanation of a failed == on megabyte values takes minutes)."""
    if a == b:
        return
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            pytest.fail(f"first difference at {i}: {a[i:i + 40]!r} != {b[i:i + 40]!r}")
    pytest.fail(f"lengths differ: {len(a)} != {len(b)}")

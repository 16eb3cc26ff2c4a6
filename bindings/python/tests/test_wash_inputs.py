# SPDX-License-Identifier: Apache-2.0
"""wash_file reads files as they are stored: other encodings and compressed
files are washed and written back as they came; what is not text raises."""
import bz2
import gzip
import io
import lzma

import pytest

import dkcpr
from conftest import TEST_KEY

TEXT = "navn;cpr\r\nSøren Ærø;211062-5629\r\nÅse;0101580008\r\n" * 30
NUMBERS = ("211062-5629", "0101580008")

ENCODINGS = {
    "utf-16le-bom": (lambda t: b"\xff\xfe" + t.encode("utf-16-le"), "UTF-16LE text"),
    "utf-16be": (lambda t: t.encode("utf-16-be"), "UTF-16BE text"),
    "utf-32le-bom": (lambda t: b"\xff\xfe\x00\x00" + t.encode("utf-32-le"), "UTF-32LE text"),
    "cp1252": (lambda t: t.encode("cp1252"), "windows-1252 text"),
    "utf-8": (lambda t: t.encode(), "UTF-8 text"),
}
COMPRESSIONS = {"gzip": (gzip.compress, gzip.decompress),
                "xz": (lzma.compress, lzma.decompress),
                "bzip2": (bz2.compress, bz2.decompress)}


def wash_bytes(data, p, mode="pseudonym", **kw):
    out = io.BytesIO()
    stats = dkcpr.wash_file(io.BytesIO(data), out, p, mode=mode, **kw)
    return out.getvalue(), stats


@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_encodings_round_trip(name):
    encode, described = ENCODINGS[name]
    data = encode(TEXT)
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        washed, stats = wash_bytes(data, p)
        back, _ = wash_bytes(washed, p, mode="reveal")
    assert stats["format"] == described
    assert len(washed) == len(data)
    for n in NUMBERS:
        assert n.encode() not in washed
        assert n.encode("utf-16-le") not in washed and n.encode("utf-32-le") not in washed
    assert back == data


@pytest.mark.parametrize("name", sorted(COMPRESSIONS))
def test_compressed_round_trip(name, tmp_path):
    comp, decomp = COMPRESSIONS[name]
    src, dst, rev = tmp_path / "in", tmp_path / "out", tmp_path / "back"
    src.write_bytes(comp(b"\xff\xfe" + TEXT.encode("utf-16-le")))
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        stats = dkcpr.wash_file(src, dst, p)
        dkcpr.wash_file(dst, rev, p, mode="reveal")
    assert stats["format"] == name + ", UTF-16LE text"
    washed = decomp(dst.read_bytes()).decode("utf-16")
    assert not any(n in washed for n in NUMBERS)
    assert decomp(rev.read_bytes()) == b"\xff\xfe" + TEXT.encode("utf-16-le")


def test_containers_raise_with_the_way_out():
    sqlite = b"SQLite format 3\x00" + b"\x00" * 100 + b"211062-5629"
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        with pytest.raises(ValueError, match="SQLite database.*sqlite3 DB .dump"):
            wash_bytes(sqlite, p)
        with pytest.raises(ValueError, match="binary data"):
            wash_bytes(bytes(range(256)) * 4, p)
        with pytest.raises(ValueError, match="pg_dump archive"):
            wash_bytes(gzip.compress(b"PGDMP\x01\x0e\x00" + b"\x00" * 50), p)
        copied, stats = wash_bytes(sqlite, p, binary="pass")
        assert copied == sqlite and stats["washed"] is False
        washed, stats = wash_bytes(sqlite, p, binary="wash")
        assert b"211062-5629" not in washed and stats["washed"] is True


def test_failed_input_leaves_no_output(tmp_path):
    dst = tmp_path / "out"
    dst.write_bytes(b"before")
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        with pytest.raises(ValueError):
            dkcpr.wash_file(io.BytesIO(b"PK\x03\x04" + b"\x00" * 40), dst, p)
        with pytest.raises(EOFError):  # a cut gzip stream
            dkcpr.wash_file(io.BytesIO(gzip.compress(TEXT.encode() * 50)[:200]), dst, p)
    assert dst.read_bytes() == b"before"


def test_encoding_overrides_the_guess():
    text = "ЖЖЖЖ 211062-5629 ЖЖЖЖ\n" * 20
    data = text.encode("utf-16-le")  # no NUL pattern to tell it by
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        washed, stats = wash_bytes(data, p, encoding="utf-16-le")
    assert "211062-5629" not in washed.decode("utf-16-le")
    assert stats["format"] == "utf-16-le text"


def test_never_real_fallback_and_irreversible_count():
    text = "a 6701651004 b 0707614285 c\n"  # a replacement number, then an ordinary one
    with dkcpr.Pseudonymizer(TEST_KEY, never_real=True) as p:
        washed = dkcpr.wash(text, p)
        assert "6701651004" not in washed and "0707614285" not in washed
        back = dkcpr.wash(washed, p, mode="reveal")
        assert back.endswith(" b 0707614285 c\n") and "6701651004" not in back
        assert dkcpr.wash(text, p, fallback="redact").startswith("a [CPR] b ")
        with pytest.raises(ValueError):
            dkcpr.wash(text, p, fallback="mask")
        out = io.BytesIO()
        stats = dkcpr.wash_file(io.BytesIO(text.encode()), out, p)
        assert stats["irreversible"] == 1 and stats["failed"] == 0

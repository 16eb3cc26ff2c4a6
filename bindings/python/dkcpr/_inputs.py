# SPDX-License-Identifier: Apache-2.0
"""Reading and writing files as they are stored: an input is classified by
its first bytes (dkcpr_sniff), decompressed and decoded to text, and the
washed text is encoded and compressed back the same way. What is not text
is refused unless the caller says otherwise, so nothing passes a wash
unread."""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma
from typing import IO, Any, Callable, Iterator, Optional, Tuple

from . import native as _swig

SNIFF_BYTES = _swig.SNIFF_BYTES
_COMPRESSION = {_swig.COMPRESSION_GZIP: "gzip", _swig.COMPRESSION_ZSTD: "zstd",
                _swig.COMPRESSION_XZ: "xz", _swig.COMPRESSION_BZIP2: "bzip2"}
# ICU converter names (what dkcpr_sniff reports) as Python codecs.
_CODECS = {"UTF-16LE": "utf-16-le", "UTF-16BE": "utf-16-be", "UTF-32LE": "utf-32-le",
           "UTF-32BE": "utf-32-be", "windows-1252": "cp1252"}


class Sniffed:
    """What an input is: compression (or None), charset (None for UTF-8),
    and, when it is not text, what it is and how to get text out of it."""

    def __init__(self, head: bytes, at_eof: bool) -> None:
        s = _swig.sniffed()
        s.version = _swig.SNIFFED_VERSION
        _swig.sniff(s, head, bool(at_eof))
        self.compression: Optional[str] = _COMPRESSION.get(s.compression) \
            if s.kind == _swig.SNIFF_COMPRESSED else None
        self.charset: Optional[str] = s.charset
        self.not_text: Optional[str] = s.what if s.kind in (
            _swig.SNIFF_CONTAINER, _swig.SNIFF_BINARY) else None
        self.way_out: Optional[str] = s.way_out
        self.is_container = s.kind == _swig.SNIFF_CONTAINER


class _Prefixed(io.RawIOBase):
    """head, then the rest of f."""

    def __init__(self, head: bytes, f: IO[bytes]) -> None:
        self._head, self._f = memoryview(head), f

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._f.read(len(b))
        b[:len(data)] = data
        return len(data)


def _read_head(f: IO[bytes]) -> Tuple[bytes, bool]:
    parts, size = [], 0
    while size < SNIFF_BYTES:
        data = f.read(SNIFF_BYTES - size)
        if not data:
            return b"".join(parts), True
        parts.append(data)
        size += len(data)
    return b"".join(parts), False


def _decompressor(kind: str, f: IO[bytes]) -> IO[bytes]:
    if kind == "gzip":
        return gzip.GzipFile(fileobj=f, mode="rb")
    if kind == "xz":
        return lzma.LZMAFile(f, mode="rb")
    if kind == "bzip2":
        return bz2.BZ2File(f, mode="rb")
    raise ValueError(f"{kind} input cannot be read here: decompress it first "
                     f"(zstd -d), or wash it with the dkcpr program")


def _compressor(kind: str, f: IO[bytes]) -> IO[bytes]:
    if kind == "gzip":
        return gzip.GzipFile(fileobj=f, mode="wb", compresslevel=6, mtime=0)
    if kind == "xz":
        return lzma.LZMAFile(f, mode="wb", preset=6)
    return bz2.BZ2File(f, mode="wb", compresslevel=9)


class Opened:
    """An input classified and opened for reading as UTF-8 bytes, with the
    writer that puts washed UTF-8 back in the input's encoding and
    compression."""

    def __init__(self, f: IO[bytes], binary: str, encoding: Optional[str]) -> None:
        if binary not in ("error", "pass", "wash"):
            raise ValueError("binary must be 'error', 'pass' or 'wash'")
        head, at_eof = _read_head(f)
        sniffed = Sniffed(head, at_eof)
        stream: IO[bytes] = io.BufferedReader(_Prefixed(head, f))
        self.compression = sniffed.compression
        if self.compression:
            stream = _decompressor(self.compression, stream)
            head, at_eof = _read_head(stream)
            sniffed = Sniffed(head, at_eof)
            if sniffed.compression:
                raise ValueError(f"the input is compressed twice ({sniffed.compression} "
                                 f"inside {self.compression}): decompress it once first")
            stream = io.BufferedReader(_Prefixed(head, stream))
        self.charset = sniffed.charset
        self.not_text = sniffed.not_text
        # The caller's encoding wins over the guess, not over a container's
        # magic number.
        if encoding is not None and not sniffed.is_container:
            self.not_text = None
            self.charset = None if codecs.lookup(encoding).name == "utf-8" else encoding
        self.passed = False
        if self.not_text:
            inside = f" inside {self.compression}" if self.compression else ""
            if binary == "error":
                raise ValueError(f"the input is {self.not_text}{inside} and cannot be "
                                 f"washed as text: {sniffed.way_out}")
            self.passed = binary == "pass"
            self.charset = None
        self._stream = stream
        self._codec = None if self.charset is None else _CODECS.get(self.charset, self.charset)

    def describe(self) -> str:
        what = self.not_text or (self.charset or "UTF-8") + " text"
        return f"{self.compression}, {what}" if self.compression else what

    def chunks(self, size: int) -> Iterator[bytes]:
        """The input as UTF-8 (bytes as they are for what is not text)."""
        if self._codec is None:
            while True:
                data = self._stream.read(size)
                if not data:
                    return
                yield data
        # Bytes the codec cannot map survive as surrogates and come back.
        dec = codecs.getincrementaldecoder(self._codec)("surrogateescape")
        while True:
            data = self._stream.read(size)
            text = dec.decode(data, final=not data)
            if text:
                yield text.encode("utf-8", "surrogatepass")
            if not data:
                return

    def writer(self, out: IO[bytes]) -> Tuple[Callable[[bytes], None], Callable[[], None]]:
        """write(utf8_bytes) and close() putting text back as it came."""
        sink = _compressor(self.compression, out) if self.compression != "zstd" and \
            self.compression else out
        if self._codec is None:
            def close_plain() -> None:
                if sink is not out:
                    sink.close()
            return sink.write, close_plain
        dec = codecs.getincrementaldecoder("utf-8")("surrogatepass")
        enc = codecs.getincrementalencoder(self._codec)("surrogateescape")

        def write(data: bytes) -> None:
            sink.write(enc.encode(dec.decode(data)))

        def close() -> None:
            sink.write(enc.encode(dec.decode(b"", final=True), final=True))
            if sink is not out:
                sink.close()
        return write, close

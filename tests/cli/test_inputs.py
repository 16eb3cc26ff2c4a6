# SPDX-License-Identifier: Apache-2.0
"""dkcpr wash, reveal and scan on inputs that are not plain UTF-8: other
encodings and compressed files are washed and written back as they came;
containers and binary data are refused unless the user opts in."""
import bz2
import gzip
import json
import lzma
import os
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import CliTestCase, run, sample_numbers  # noqa: E402

TEXT = ("id;navn;cpr;note\n"
        "1;Søren Ærø;211062-5629;født 21.10.1962\n"
        "2;Åse Øster;0101580008;CPR-nr. 070761 4285 i journalen\n"
        "3;Jens;2512489996;ok\n") * 50

# Every container format with its first bytes, as the format writes them.
CONTAINERS = {
    "pg_dump archive": b"PGDMP\x01\x0e\x00\x04\x08\x01\x01\x01" + b"\x00" * 64,
    "SQLite database": b"SQLite format 3\x00" + b"\x10\x00\x01\x01" + b"\x00" * 80,
    "Office Open XML": b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml" + b"\x00" * 40,
    "OpenDocument": b"PK\x03\x04\x14\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
    "zip archive": b"PK\x03\x04\x14\x00\x00\x00data.csv 211062-5629",
    "OLE2 compound file": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
    "PDF document": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj 211062-5629",
    "tar archive": b"data.csv".ljust(257, b"\x00") + b"ustar\x0000" + b"\x00" * 100,
    "7z or rar": b"7z\xbc\xaf\x27\x1c\x00\x04",
    "Parquet file": b"PAR1\x15\x00\x15\x1c",
    "Avro container": b"Obj\x01\x04\x14avro.codec",
    "image": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "binary data": bytes(range(256)) * 4,
}


def encode(name, text):
    """The bytes of text in one of the encodings a wash must keep."""
    return {"utf-16le-bom": b"\xff\xfe" + text.encode("utf-16-le"),
            "utf-16le": text.encode("utf-16-le"),
            "utf-16be-bom": b"\xfe\xff" + text.encode("utf-16-be"),
            "utf-16be": text.encode("utf-16-be"),
            "utf-32le-bom": b"\xff\xfe\x00\x00" + text.encode("utf-32-le"),
            "utf-32be": text.encode("utf-32-be"),
            "cp1252": text.replace("\n", "\r\n").encode("cp1252"),
            "utf-8-bom": b"\xef\xbb\xbf" + text.encode()}[name]


def decode(name, data):
    codec = {"utf-16le-bom": "utf-16", "utf-16le": "utf-16-le", "utf-16be-bom": "utf-16",
             "utf-16be": "utf-16-be", "utf-32le-bom": "utf-32", "utf-32be": "utf-32-be",
             "cp1252": "cp1252", "utf-8-bom": "utf-8-sig"}[name]
    return data.decode(codec)


def zstd(data, decompress=False):
    args = ["zstd", "-q", "-c"] + (["-d"] if decompress else [])
    return subprocess.run(args, input=data, stdout=subprocess.PIPE, check=True).stdout


COMPRESSORS = {"gzip": (gzip.compress, gzip.decompress),
               "xz": (lzma.compress, lzma.decompress),
               "bzip2": (bz2.compress, bz2.decompress)}
if shutil.which("zstd"):
    COMPRESSORS["zstd"] = (zstd, lambda d: zstd(d, True))


class InputsTest(CliTestCase):
    def wash(self, *args, stdin=None):
        return run(["wash", "--key-file", self.key_file] + list(args), stdin=stdin)

    def reveal(self, *args, stdin=None):
        return run(["reveal", "--key-file", self.key_file] + list(args), stdin=stdin)

    def assertWashed(self, original_text, washed_text):
        """Every number of the original is gone, the rest is kept."""
        found = sample_numbers(original_text.encode())
        self.assertGreater(len(found), 100)
        washed = washed_text.encode()
        self.assertEqual(len(washed), len(original_text.encode()))
        for start, end, written in found:
            self.assertNotEqual(washed[start:end], written)
        self.assertEqual(len(sample_numbers(washed)), len(found))  # pseudonyms

    def test_encodings_round_trip(self):
        for name in ("utf-16le-bom", "utf-16le", "utf-16be-bom", "utf-16be",
                     "utf-32le-bom", "utf-32be", "cp1252", "utf-8-bom"):
            with self.subTest(encoding=name):
                data = encode(name, TEXT)
                washed = self.wash(stdin=data)
                self.assertExit(washed, 0)
                self.assertWashed(decode(name, data), decode(name, washed.stdout))
                revealed = self.reveal(stdin=washed.stdout)
                self.assertExit(revealed, 0)
                self.assertEqual(revealed.stdout, data)

    def test_json_in_other_encodings_is_washed_as_json(self):
        # As Windows tools export JSON: UTF-16 or UTF-8 with a byte order
        # mark, which the JSON washer must pass over, not fall back to text.
        rows = [{"id": i, "cpr": int(n), "cprNr": n[:6] + "-" + n[6:], "navn": "Åse Øster"}
                for i, n in enumerate(["2110625629", "0101580008", "2512489996"] * 40)]
        text = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
        for name in ("utf-16le-bom", "utf-16be-bom", "utf-32le-bom", "utf-8-bom"):
            with self.subTest(encoding=name):
                data = encode(name, text)
                src = self.write("export.json", data)
                washed = self.wash("-o", self.path("washed.json"), src)
                self.assertExit(washed, 0)
                self.assertNotIn(b"washed as text", washed.stderr)
                with open(self.path("washed.json"), "rb") as f:
                    out = f.read()
                back = json.loads(decode(name, out))
                self.assertEqual(len(back), len(rows))
                for old, new in zip(rows, back):
                    self.assertIsInstance(new["cpr"], int)
                    self.assertNotEqual(new["cpr"], old["cpr"])
                    self.assertNotEqual(new["cprNr"], old["cprNr"])
                revealed = self.reveal(self.path("washed.json"))
                self.assertExit(revealed, 0)
                self.assertEqual(revealed.stdout, data)

    def test_summary_names_encoding_and_compression(self):
        data = gzip.compress(encode("utf-16le-bom", TEXT))
        p = self.wash("-o", self.path("out.gz"), self.write("in.gz", data))
        self.assertExit(p, 0)
        self.assertIn(b"gzip, UTF-16LE text, found 200, replaced 200", p.stderr)

    def test_every_byte_of_cp1252_round_trips(self):
        data = bytes(b for b in range(0x20, 256)) * 3 + b"\n211062-5629\n"
        washed = self.wash(stdin=data)
        self.assertExit(washed, 0)
        self.assertNotIn(b"211062-5629", washed.stdout)
        self.assertEqual(self.reveal(stdin=washed.stdout).stdout, data)

    def test_compressed_round_trip_to_a_file(self):
        for name, (comp, decomp) in COMPRESSORS.items():
            with self.subTest(compression=name):
                data = comp(TEXT.encode())
                src = self.write("in." + name, data)
                out = self.path("washed." + name)
                washed = self.wash("-o", out, src)
                self.assertExit(washed, 0)
                washed_text = decomp(open(out, "rb").read()).decode()
                self.assertWashed(TEXT, washed_text)
                back = self.path("back." + name)
                self.assertExit(self.reveal("-o", back, out), 0)
                self.assertEqual(decomp(open(back, "rb").read()), TEXT.encode())

    def test_concatenated_members_are_all_washed(self):
        half = len(TEXT) // 2
        data = gzip.compress(TEXT[:half].encode()) + gzip.compress(TEXT[half:].encode())
        washed = self.wash(stdin=data)  # to a pipe: recompressed
        self.assertExit(washed, 0)
        self.assertWashed(TEXT, gzip.decompress(washed.stdout).decode())

    def test_cut_or_corrupt_compressed_input_is_an_error(self):
        data = gzip.compress(TEXT.encode())
        for bad in (data[: len(data) // 2], data[:-4] + b"\x00\x00\x00\x00",
                    lzma.compress(TEXT.encode())[:-20], data + b"trailing junk"):
            with self.subTest(size=len(bad)):
                p = self.wash(stdin=bad)
                self.assertIn(p.returncode, (3,), p.stderr)
                self.assertIn(b"decompress", p.stderr)

    def test_compressed_twice_is_refused(self):
        p = self.wash(stdin=gzip.compress(gzip.compress(TEXT.encode())))
        self.assertExit(p, 3)
        self.assertIn(b"compressed twice", p.stderr)

    def test_containers_are_refused_with_the_way_out(self):
        for what, data in CONTAINERS.items():
            with self.subTest(container=what):
                f = self.write("input", data)
                p = self.wash(f)
                self.assertExit(p, 3)
                self.assertEqual(p.stdout, b"")
                self.assertIn(f.encode(), p.stderr)
                self.assertOneLineMessage(p, what.split()[0])
                s = run(["scan", f])
                self.assertExit(s, 2)
        p = self.wash(self.write("dump", CONTAINERS["pg_dump archive"]))
        self.assertIn(b"pg_restore -f -", p.stderr)
        p = self.wash(self.write("db", CONTAINERS["SQLite database"]))
        self.assertIn(b"sqlite3 DB .dump", p.stderr)
        p = self.wash(stdin=gzip.compress(CONTAINERS["tar archive"]))
        self.assertIn(b"tar archive inside gzip", p.stderr)

    def test_binary_pass_copies_unchanged_and_says_so(self):
        data = CONTAINERS["SQLite database"] + b"211062-5629"
        p = self.wash("--binary=pass", stdin=data)
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, data)
        self.assertIn(b"NOT washed", p.stderr)
        self.assertIn(b"1 input copied unchanged", p.stderr)

    def test_binary_wash_washes_bytes(self):
        data = CONTAINERS["SQLite database"] + b"211062-5629"
        p = self.wash("--binary=wash", stdin=data)
        self.assertExit(p, 0)
        self.assertNotIn(b"211062-5629", p.stdout)
        self.assertEqual(self.reveal("--binary=wash", stdin=p.stdout).stdout, data)

    def test_encoding_option_overrides_detection(self):
        # UTF-16 text of characters above U+00FF has no NUL pattern to tell it.
        text = "ЖЖЖЖ 211062-5629 ЖЖЖЖ\n" * 20
        data = text.encode("utf-16-le")
        p = self.wash("--encoding=UTF-16LE", stdin=data)
        self.assertExit(p, 0)
        self.assertNotIn("211062-5629", p.stdout.decode("utf-16-le"))
        self.assertEqual(self.reveal("--encoding=UTF-16LE", stdin=p.stdout).stdout, data)
        p = self.wash("--encoding=no-such-charset", stdin=data)
        self.assertExit(p, 2)

    def test_invalid_utf16_is_an_error_not_a_substitution(self):
        data = b"\xff\xfe" + "211062-5629 ".encode("utf-16-le") + b"\x00\xdc" + "x\n".encode("utf-16-le")
        p = self.wash(stdin=data)
        self.assertExit(p, 3)

    def test_scan_of_utf16_finds_numbers(self):
        f = self.write("u16.txt", encode("utf-16le-bom", TEXT))
        p = run(["scan", f])
        self.assertExit(p, 1)
        self.assertEqual(p.stdout.count(b"\n"), 200)


if __name__ == "__main__":
    unittest.main(verbosity=2)

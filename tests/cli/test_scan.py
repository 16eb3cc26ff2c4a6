# SPDX-License-Identifier: Apache-2.0
"""dkcpr scan: positions, masking, JSON, binary files, trees, exit codes."""
import json
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import SAMPLES, CliTestCase, run, sample_numbers  # noqa: E402

LINE_RE = re.compile(r"^(.+):([0-9]+):([0-9]+): ([0-9X]{6}-[0-9X]{4}) "
                     r"(cpr|replacement|x-ecpr|d-ecpr) (low|medium|high)$")
KEYS = {"file", "line", "column", "offset", "length", "masked", "kind", "confidence"}


def line_col(data, offset):
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


class ScanTest(CliTestCase):
    def json_findings(self, *args):
        p = run(["scan", "--json"] + list(args))
        rows = [json.loads(line) for line in p.stdout.decode().splitlines()]
        return p, rows

    def test_sample_json_matches_the_files(self):
        p, rows = self.json_findings(*SAMPLES)
        self.assertExit(p, 1)
        for path in SAMPLES:
            data = open(path, "rb").read()
            expected = sample_numbers(data)
            got = [r for r in rows if r["file"] == path]
            self.assertEqual([(r["offset"], r["offset"] + r["length"]) for r in got],
                             [(s, e) for s, e, _ in expected], path)
            for r, (start, end, written) in zip(got, expected):
                self.assertEqual(set(r), KEYS)
                self.assertEqual((r["line"], r["column"]), line_col(data, start))
                self.assertEqual(r["masked"], written[:6].decode() + "-XXXX")
                if written[7:9].isalpha():  # e-CPR: century digit 1 or 7 is national
                    self.assertEqual(r["kind"], "x-ecpr" if written[6:7] in b"17" else "d-ecpr")
                else:
                    self.assertEqual(r["kind"], "replacement" if int(written[:2]) > 60 else "cpr")
                self.assertIn(r["confidence"], ("low", "medium", "high"))

    def test_text_output_never_shows_the_number(self):
        p = run(["scan"] + SAMPLES)
        self.assertExit(p, 1)
        lines = p.stdout.decode().splitlines()
        self.assertGreater(len(lines), 200)
        for line in lines:
            self.assertRegex(line, LINE_RE)
        for path in SAMPLES:
            for _, _, written in sample_numbers(open(path, "rb").read()):
                self.assertNotIn(written, p.stdout)
                self.assertNotIn(written[:6] + b"-" + written[-4:], p.stdout)
        shown = run(["scan", "--show", SAMPLES[0]])
        self.assertExit(shown, 1)
        _, _, first = sample_numbers(open(SAMPLES[0], "rb").read())[0]
        digits = first[:6] + b"-" + first[-4:]
        self.assertIn(digits, shown.stdout)

    def test_clean_file_exits_0(self):
        f = self.write("clean.txt", "ingen personnumre her, kun 12345678 og 2025-10-01\n")
        p = run(["scan", f])
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, b"")

    def test_file_not_text_is_an_error_unless_skipped(self):
        # A gate never reads "clean" for a file it did not read.
        f = self.write("image.bin", b"\x89PNG\r\n\x1a\n\x00\x00 211062-5629 " * 10)
        p = run(["scan", f])
        self.assertExit(p, 2)
        self.assertIn(b"image", p.stderr)
        self.assertIn(f.encode(), p.stderr)
        self.assertEqual(p.stdout, b"")
        p = run(["scan", "--binary=skip", f])
        self.assertExit(p, 0)
        self.assertIn(b"NOT scanned", p.stderr)
        p = run(["scan", "--binary=scan", f])
        self.assertExit(p, 1)
        self.assertIn(b"211062-XXXX", p.stdout)
        blob = self.write("blob.bin", b"\x00\x01\x02 211062-5629 \x00")
        p = run(["scan", blob])
        self.assertExit(p, 2)
        self.assertIn(b"binary data", p.stderr)

    def test_nine_digits_on_request(self):
        f = self.write("excel.csv", "navn;cpr\nJens;707614285\n")
        self.assertExit(run(["scan", f]), 0)
        p = run(["scan", "--nine-digits", f])
        self.assertExit(p, 1)
        self.assertIn(b"070761-XXXX", p.stdout)

    def test_encodings_and_compression_are_read(self):
        text = "Borger 211062-5629 og 0101580008\n"
        forms = {"utf16le.txt": b"\xff\xfe" + text.encode("utf-16-le"),
                 "utf16be.txt": text.encode("utf-16-be"),
                 "utf32.txt": text.encode("utf-32"),
                 "latin1.txt": ("Søren Ærø " + text).encode("cp1252")}
        import bz2, gzip, lzma
        forms["gz.txt.gz"] = gzip.compress(text.encode())
        forms["xz.txt.xz"] = lzma.compress(text.encode())
        forms["bz.txt.bz2"] = bz2.compress(text.encode())
        for name, data in forms.items():
            with self.subTest(name=name):
                p = run(["scan", self.write(name, data)])
                self.assertExit(p, 1)
                self.assertEqual(p.stdout.count(b"\n"), 2, p.stdout)

    def test_recursive_tree(self):
        os.makedirs(self.path("a/b/c"))
        self.write("a/one.txt", "CPR: 211062-5629\n")
        self.write("a/b/c/two.log", "x\ny 0101580008\n")
        self.write("a/b/clean.txt", "nothing\n")
        self.write("a/b/blob.bin", b"\x00211062-5629")
        os.makedirs(self.path("a/.git/objects"))
        self.write("a/.git/objects/x", b"\x78\x01\x00\x00 211062-5629")
        p = run(["scan", "-r", self.path("a")])
        self.assertExit(p, 2)
        self.assertIn(b"blob.bin", p.stderr)
        p = run(["scan", "-r", "--binary=skip", self.path("a")])
        self.assertExit(p, 1)
        self.assertNotIn(b".git", p.stderr)
        out = p.stdout.decode()
        self.assertIn(self.path("a/one.txt") + ":1:6: 211062-XXXX", out)
        self.assertIn(self.path("a/b/c/two.log") + ":2:3: 010158-XXXX", out)
        self.assertEqual(len(out.splitlines()), 2)
        self.assertIn(b"blob.bin", p.stderr)
        # Without -r a directory is an error: exit 2 even when found.
        q = run(["scan", self.path("a"), self.path("a/one.txt")])
        self.assertExit(q, 2)
        self.assertIn(b"directory", q.stderr)

    def test_errors_exit_2(self):
        self.assertExit(run(["scan", self.path("missing")]), 2)
        self.assertExit(run(["scan", "--bogus", SAMPLES[0]]), 2)
        self.assertExit(run(["scan", "--min-confidence", "sure", SAMPLES[0]]), 2)
        p = run(["scan", self.path("missing"), SAMPLES[0]])
        self.assertExit(p, 2)
        self.assertTrue(p.stdout)  # the readable file was still scanned

    def test_min_confidence_filters(self):
        low = run(["scan", "--min-confidence", "low"] + SAMPLES).stdout.splitlines()
        high = run(["scan", "--min-confidence", "high"] + SAMPLES).stdout.splitlines()
        self.assertLessEqual(len(high), len(low))
        self.assertTrue(all(line.endswith(b" high") for line in high))

    def test_standard_input_and_chunk_boundary(self):
        # A number straddling the program's 1 MiB reads, on a known line.
        pad = (b"." * 99 + b"\n") * ((1 << 20) // 100)
        cut = (1 << 20) - len(pad) - 4
        data = pad + b"x" * cut + b" 211062-5629 end\n"
        p = run(["scan", "--json", "-"], stdin=data)
        self.assertExit(p, 1)
        rows = [json.loads(x) for x in p.stdout.splitlines()]
        self.assertEqual(len(rows), 1)
        start = data.index(b"211062")
        self.assertEqual(rows[0]["offset"], start)
        self.assertEqual((rows[0]["line"], rows[0]["column"]), line_col(data, start))
        self.assertEqual(rows[0]["file"], "(standard input)")

    def test_json_file_names_are_escaped(self):
        f = self.write('we"ird\\name.txt', "211062-5629\n")
        p, rows = self.json_findings(f)
        self.assertExit(p, 1)
        self.assertEqual(rows[0]["file"], f)


if __name__ == "__main__":
    unittest.main(verbosity=2)

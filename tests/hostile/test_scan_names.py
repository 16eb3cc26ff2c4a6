# SPDX-License-Identifier: Apache-2.0
"""scan and file names: a name cannot forge or break a result line in text
output (control characters, invalid UTF-8 and backslashes are escaped, and
unescaping gives the name back), and --json keeps every name exact (a name
that is not UTF-8 comes with its bytes in file_base64)."""
import base64
import codecs
import json
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hostile import HostileTestCase, run  # noqa: E402

NAMES = [
    b"plain.txt",
    b"new\nline.txt",
    b"forged:1:1: 010101-XXXX cpr high\nx.txt",
    b"esc\x1b[31mred.txt",
    b"cr\rreturn.txt",
    b"tab\there.txt",
    b"back\\slash\\n.txt",
    b"latin1-\xe6\xf8\xe5.txt",
    b"half-\xc3.txt",
    b"bidi-\xe2\x80\xaetxt.exe",
    "ok-æøå.txt".encode(),
]

LINE = re.compile(rb"^(.*):(\d+):(\d+): (\d{6}-XXXX) (\w+) (\w+)$")


def unescape(text):
    """Undo the text output's escapes: \\\\, \\n, \\t, \\r, \\xHH."""
    out = bytearray()
    i = 0
    while i < len(text):
        c = text[i:i + 1]
        if c == b"\\":
            n = text[i + 1:i + 2]
            if n == b"x":
                out += bytes([int(text[i + 2:i + 4], 16)])
                i += 4
                continue
            out += {b"\\": b"\\", b"n": b"\n", b"t": b"\t", b"r": b"\r"}[n]
            i += 2
            continue
        out += c
        i += 1
    return bytes(out)


class ScanNamesTest(HostileTestCase):
    def setUp(self):
        super().setUp()
        self.dir = os.path.join(self.tmp.encode(), b"tree")
        os.mkdir(self.dir)
        for name in NAMES:
            with open(os.path.join(self.dir, name), "wb") as f:
                f.write(b"cpr-nr 070761-4285\n")

    def test_text_output_escapes_names(self):
        p = run(["scan", "-r", self.dir])
        self.assertExit(p, 1)
        lines = p.stdout.split(b"\n")
        self.assertEqual(lines[-1], b"")
        lines = lines[:-1]
        self.assertEqual(len(lines), len(NAMES), p.stdout)
        names = []
        for line in lines:
            m = LINE.match(line)
            self.assertTrue(m, line)
            self.assertFalse(re.search(rb"[\x00-\x1f\x7f]", line), line)
            line.decode("utf-8")  # the line itself is valid UTF-8
            self.assertNotIn(b"\xe2\x80\xae", line)
            names.append(os.path.basename(unescape(m.group(1))))
        self.assertEqual(sorted(names), sorted(NAMES))

    def test_json_keeps_names_exact(self):
        p = run(["scan", "-r", "--json", self.dir])
        self.assertExit(p, 1)
        names = []
        for line in p.stdout.decode("utf-8").splitlines():
            obj = json.loads(line)
            if "file_base64" in obj:
                raw = base64.b64decode(obj["file_base64"], validate=True)
                with self.assertRaises(UnicodeDecodeError):
                    codecs.decode(raw, "utf-8")
            else:
                raw = obj["file"].encode("utf-8")
            names.append(os.path.basename(raw))
        self.assertEqual(sorted(names), sorted(NAMES))


if __name__ == "__main__":
    unittest.main(verbosity=2)

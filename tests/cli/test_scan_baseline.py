# SPDX-License-Identifier: Apache-2.0
"""dkcpr scan --baseline and --write-baseline: accepted findings pass the
gate, new ones fail it, and the file holds no CPR number."""
import hashlib
import hmac
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import CliTestCase, run  # noqa: E402

A, B, C = "211062-5629", "0101580008", "070761-4285"
MAGIC = b"dkcpr-baseline 1"


def forms(number):
    d = number.replace("-", "")
    return [d, d[:6] + "-" + d[6:], d[:6] + " " + d[6:]]


LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")


def fingerprint(salt, rel, number):
    """The documented fingerprint, computed independently of the program:
    HMAC-SHA-256 in hexadecimal written with the letters a-p."""
    msg = MAGIC + b"\0" + rel.encode() + b"\0" + number.replace("-", "").encode()
    return hmac.new(salt, msg, hashlib.sha256).hexdigest().translate(LETTERS)


def from_letters(s):
    return bytes.fromhex(s.translate(str.maketrans("abcdefghijklmnop", "0123456789abcdef")))


class ScanBaselineTest(CliTestCase):
    def setUp(self):
        super().setUp()
        os.makedirs(self.path("repo/fixtures"))
        self.write("repo/fixtures/people.csv", f"navn;cpr\nJens;{A}\nMette;{B}\n")
        self.write("repo/notes.txt", "nothing\n")
        self.repo = self.path("repo")

    def scan(self, *args):
        return run(["scan", "-r"] + list(args) + ["."], cwd=self.repo)

    def parse(self, path):
        lines = [l for l in open(path).read().splitlines() if l and not l.startswith("#")]
        self.assertEqual(lines[0], MAGIC.decode())
        self.assertRegex(lines[1], r"^salt [a-p]{64}$")
        salt = from_letters(lines[1][5:])
        entries = [tuple(l.split(" ", 1)) for l in lines[2:]]
        return salt, entries

    def test_accepted_findings_pass_and_new_ones_fail(self):
        self.assertExit(self.scan(), 1)
        w = self.scan("--write-baseline=.dkcpr-baseline")
        self.assertExit(w, 0)
        self.assertIn(b"2 findings", w.stderr)
        base = os.path.join(self.repo, ".dkcpr-baseline")
        data = open(base, "rb").read()
        for n in (A, B):  # no number in any written form
            for f in forms(n):
                self.assertNotIn(f.encode(), data)
        # No digits outside the comments and the paths: a scan of a tree
        # holding the baseline never finds a number in it.
        lines = [l for l in data.splitlines() if l and not l.startswith(b"#")]
        body = [lines[1][5:]] + [l.split(b" ", 1)[0] for l in lines[2:]]
        self.assertFalse(any(c in b"0123456789" for l in body for c in l), body)
        salt, entries = self.parse(base)
        self.assertEqual(sorted(entries), sorted(
            [(fingerprint(salt, "fixtures/people.csv", n), "fixtures/people.csv") for n in (A, B)]))
        p = self.scan("--baseline=.dkcpr-baseline")
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, b"")
        self.assertIn(b"2 findings accepted", p.stderr)
        # A new number, and an accepted number in another file, fail the gate.
        self.write("repo/fixtures/people.csv", f"navn;cpr\nJens;{A}\nMette;{B}\nOle;{C}\n")
        self.write("repo/notes.txt", f"see {A}\n")
        p = self.scan("--baseline=.dkcpr-baseline")
        self.assertExit(p, 1)
        lines = p.stdout.decode().splitlines()
        self.assertEqual(sorted(l.split(":")[0] for l in lines),
                         ["./fixtures/people.csv", "./notes.txt"])
        self.assertTrue(any("070761-XXXX" in l for l in lines))
        # Other report formats honour it too.
        p = self.scan("--baseline=.dkcpr-baseline", "--report-format=json")
        self.assertEqual(len(p.stdout.splitlines()), 2)

    def test_rewrite_keeps_salt_and_unchanged_lines(self):
        self.assertExit(self.scan("--write-baseline=bl"), 0)
        salt1, e1 = self.parse(os.path.join(self.repo, "bl"))
        self.write("repo/fixtures/people.csv", f"navn;cpr\nJens;{A}\n")
        self.assertExit(self.scan("--write-baseline=bl"), 0)
        salt2, e2 = self.parse(os.path.join(self.repo, "bl"))
        self.assertEqual(salt1, salt2)
        self.assertEqual(e2, [(fingerprint(salt1, "fixtures/people.csv", A), "fixtures/people.csv")])
        self.assertIn(e2[0], e1)
        # Another repository gets another salt, so other fingerprints.
        self.assertExit(self.scan("--write-baseline=other"), 0)
        salt3, e3 = self.parse(os.path.join(self.repo, "other"))
        self.assertNotEqual(salt1, salt3)
        self.assertNotEqual(e2, e3)

    def test_bad_baselines_are_errors(self):
        cases = {"missing": None,
                 "notone": "hello\n",
                 "nosalt": "dkcpr-baseline 1\n",
                 "badsalt": "dkcpr-baseline 1\nsalt ab\n",
                 "badline": "dkcpr-baseline 1\nsalt " + "aa" * 32 + "\nzz\n",
                 "upper": "dkcpr-baseline 1\nsalt " + "aa" * 32 + "\n" + "AB" * 32 + "\n",
                 "digits": "dkcpr-baseline 1\nsalt " + "aa" * 32 + "\n" + "01" * 32 + "\n",
                 "version": "dkcpr-baseline 2\nsalt " + "aa" * 32 + "\n"}
        for name, text in cases.items():
            with self.subTest(name=name):
                if text is not None:
                    self.write("repo/" + name, text)
                p = self.scan("--baseline=" + name)
                self.assertExit(p, 2)
                self.assertOneLineMessage(p, name)
                self.assertEqual(p.stdout, b"")
        # Writing over a file that is not a baseline is refused.
        self.write("repo/README", "important\n")
        p = self.scan("--write-baseline=README")
        self.assertExit(p, 2)
        self.assertEqual(open(self.path("repo/README")).read(), "important\n")

    def test_no_baseline_written_when_a_file_was_not_scanned(self):
        self.write("repo/blob.bin", b"\x00\x01 211062-5629")
        p = self.scan("--write-baseline=bl")
        self.assertExit(p, 2)
        self.assertFalse(os.path.exists(os.path.join(self.repo, "bl")))

    def test_kinds_then_baseline(self):
        # Replacement numbers (what generate --never-real makes) are left out
        # by --kinds=cpr, and never reach the baseline.
        fake = run(["generate", "--count", "3", "--never-real", "--seed", "x"]).stdout.decode()
        self.write("repo/fixtures/fake.txt", fake)
        p = self.scan("--kinds=cpr", "--report-format=json")
        self.assertExit(p, 1)
        self.assertEqual(len(p.stdout.splitlines()), 2)
        # What --kinds leaves out is counted and said, kind by kind.
        self.assertIn(b"3 findings of kind replacement left out by --kinds", p.stderr)
        self.assertNotIn(b"kind cpr left out", p.stderr)
        p = self.scan("--kinds=replacement", "--report-format=json")
        self.assertEqual(len(p.stdout.splitlines()), 3)
        self.assertTrue(all(b'"kind":"replacement"' in l for l in p.stdout.splitlines()))
        self.assertExit(self.scan("--kinds=cpr", "--write-baseline=bl"), 0)
        _, entries = self.parse(os.path.join(self.repo, "bl"))
        self.assertEqual(len(entries), 2)
        self.assertExit(self.scan("--kinds=x-ecpr,d-ecpr"), 0)
        self.assertExit(self.scan("--kinds=all"), 1)
        p = self.scan("--kinds=cpr,person")
        self.assertExit(p, 2)
        self.assertOneLineMessage(p, "kinds")


if __name__ == "__main__":
    unittest.main()

# SPDX-License-Identifier: Apache-2.0
"""Helpers for the dkcpr program tests: run it, hold a fixed test key."""
import os
import re
import subprocess
import tempfile
import unittest

BIN = os.environ.get("DKCPR_BIN", "dkcpr")
SAMPLE_DIR = os.environ.get("DKCPR_SAMPLE_DIR", "")
SAMPLES = sorted(os.path.join(SAMPLE_DIR, f) for f in os.listdir(SAMPLE_DIR)) if SAMPLE_DIR else []

# A fixed key, so results are reproducible and a failure can be replayed.
KEY_HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

# 6 digits, an optional separator (ASCII or no-break space), 4 digits, not
# inside a longer run of digits: the written forms in the sample data.
NUMBER_RE = re.compile(rb"(?<![0-9])([0-9]{6})(?:-| |\xc2\xa0)?([0-9]{4})(?![0-9])")
# Healthcare e-CPR: DDMMYY, a century digit, two letters, the sex digit.
ECPR_RE = re.compile(rb"(?<![0-9A-Za-z])([0-9]{6})([0-9])[A-Z]{2}[0-9](?![0-9A-Za-z])")
ECPR_CENTURY = {b"1": 1900, b"7": 2000, b"0": 1900, b"5": 1800, b"6": 2000}


def is_number(digits):
    """An independent judgement (python-stdnum) of a CPR number or a day+60
    replacement number, for checking what the program found."""
    from stdnum.dk import cpr
    d = digits.decode() if isinstance(digits, bytes) else digits
    if cpr.is_valid(d):
        return True
    day = int(d[:2])
    return 61 <= day <= 91 and cpr.is_valid(f"{day - 60:02d}" + d[2:])


def is_ecpr(date6, century_digit):
    import datetime
    if century_digit not in ECPR_CENTURY:
        return False
    year = ECPR_CENTURY[century_digit] + int(date6[4:6])
    try:
        datetime.date(year, int(date6[2:4]), int(date6[0:2]))
    except ValueError:
        return False
    return True


def sample_numbers(data):
    """The valid numbers in data as (start, end, written bytes), in order."""
    found = [(m.start(), m.end(), m.group(0)) for m in NUMBER_RE.finditer(data)
             if is_number(m.group(1) + m.group(2))]
    found += [(m.start(), m.end(), m.group(0)) for m in ECPR_RE.finditer(data)
              if is_ecpr(m.group(1), m.group(2))]
    return sorted(found)


def is_ecpr_text(written):
    return any(65 <= b <= 90 for b in written)


def run(args, stdin=None, env=None, cwd=None):
    """Run the program; returns CompletedProcess with bytes stdout/stderr."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.run([BIN] + list(args), input=stdin, capture_output=True,
                          env=full_env, cwd=cwd, timeout=60)


class CliTestCase(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="dkcpr-cli-")
        self.tmp = self._tmp.name
        self.key_file = self.path("test.key")
        fd = os.open(self.key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.write(fd, (KEY_HEX + "\n").encode())
        os.close(fd)

    def tearDown(self):
        self._tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp, name)

    def write(self, name, data):
        p = self.path(name)
        with open(p, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        return p

    def read(self, name_or_path):
        p = name_or_path if os.path.isabs(name_or_path) else self.path(name_or_path)
        with open(p, "rb") as f:
            return f.read()

    def assertExit(self, proc, code):
        self.assertEqual(proc.returncode, code,
                         f"exit {proc.returncode}, expected {code}; stderr: {proc.stderr!r}")

    def assertOneLineMessage(self, proc, *words):
        err = proc.stderr.decode()
        self.assertEqual(err.count("\n"), 1, f"expected one line: {err!r}")
        self.assertTrue(err.startswith("dkcpr"), err)
        for w in words:
            self.assertIn(w, err)

    def assertNoKey(self, proc):
        for stream in (proc.stdout, proc.stderr):
            self.assertNotIn(KEY_HEX.encode(), stream.lower())
            self.assertNotIn(KEY_HEX[:16].encode(), stream.lower())

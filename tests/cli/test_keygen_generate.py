# SPDX-License-Identifier: Apache-2.0
"""dkcpr keygen (file mode, no overwrite) and dkcpr generate (valid,
distinct, reproducible), judged by python-stdnum."""
import datetime
import os
import re
import stat
import sys
import unittest

from stdnum.dk import cpr as stdnum_cpr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import SAMPLES, CliTestCase, run  # noqa: E402

WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def mod11(n):
    return sum(w * int(d) for w, d in zip(WEIGHTS, n)) % 11 == 0


class KeygenTest(CliTestCase):
    def test_creates_0600_file(self):
        f = self.path("new.key")
        p = run(["keygen", "-o", f])
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, b"")
        self.assertEqual(stat.S_IMODE(os.stat(f).st_mode), 0o600)
        text = self.read(f)
        self.assertRegex(text.decode(), r"^[0-9a-f]{64}\n$")
        self.assertNotIn(text.strip(), p.stderr)

    def test_mode_0600_whatever_the_umask(self):
        f = self.path("open.key")
        old = os.umask(0)
        try:
            self.assertExit(run(["keygen", "-o", f]), 0)
        finally:
            os.umask(old)
        self.assertEqual(stat.S_IMODE(os.stat(f).st_mode), 0o600)

    def test_never_overwrites_without_force(self):
        f = self.path("k")
        self.assertExit(run(["keygen", "-o", f]), 0)
        first = self.read(f)
        p = run(["keygen", "-o", f])
        self.assertExit(p, 4)
        self.assertOneLineMessage(p, "--force")
        self.assertEqual(self.read(f), first)
        p = run(["keygen", "-o", f, "--force"])
        self.assertExit(p, 0)
        second = self.read(f)
        self.assertNotEqual(second, first)
        self.assertEqual(stat.S_IMODE(os.stat(f).st_mode), 0o600)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["k", "test.key"])

    def test_stdout_when_not_a_terminal_and_keys_differ(self):
        a, b = run(["keygen"]), run(["keygen"])
        self.assertExit(a, 0)
        self.assertRegex(a.stdout.decode(), r"^[0-9a-f]{64}\n$")
        self.assertNotEqual(a.stdout, b.stdout)

    def test_key_works_for_wash(self):
        f = self.path("w.key")
        self.assertExit(run(["keygen", "-o", f]), 0)
        data = open(SAMPLES[0], "rb").read()
        w = run(["wash", "-k", f], stdin=data)
        self.assertExit(w, 0)
        r = run(["reveal", "-k", f], stdin=w.stdout)
        self.assertEqual(r.stdout, data)

    def test_errors(self):
        self.assertExit(run(["keygen", "-o", self.path("no/dir/k")]), 4)
        self.assertExit(run(["keygen", "--bogus"]), 2)
        self.assertExit(run(["keygen", "extra"]), 2)


class GenerateTest(CliTestCase):
    def gen(self, *args):
        p = run(["generate"] + list(args))
        self.assertExit(p, 0)
        return p.stdout.decode().splitlines()

    def test_valid_distinct_reproducible(self):
        a = self.gen("--count", "2000", "--seed", "test")
        self.assertEqual(len(a), 2000)
        self.assertEqual(len(set(a)), 2000)
        for n in a:
            self.assertRegex(n, r"^[0-9]{10}$")
            self.assertTrue(stdnum_cpr.is_valid(n), n)
        self.assertEqual(a, self.gen("--count", "2000", "--seed", "test"))
        self.assertNotEqual(a, self.gen("--count", "2000", "--seed", "other"))
        # A longer run with the same seed starts with the same numbers.
        self.assertEqual(self.gen("--count", "5000", "--seed", "test")[:2000], a)

    def test_random_seed_differs(self):
        self.assertNotEqual(self.gen("--count", "50"), self.gen("--count", "50"))

    def test_filters(self):
        nums = self.gen("--count", "500", "--seed", "s", "--born", "1990-03-01..1990-03-31",
                        "--sex", "f", "--mod11", "yes")
        for n in nums:
            self.assertTrue(stdnum_cpr.is_valid(n), n)
            self.assertEqual(stdnum_cpr.get_birth_date(n).strftime("%Y-%m"), "1990-03")
            self.assertEqual(int(n[-1]) % 2, 0)
            self.assertTrue(mod11(n), n)
        nums = self.gen("--count", "300", "--seed", "s", "--born", "1858..1899",
                        "--sex", "m", "--mod11", "no")
        for n in nums:
            born = stdnum_cpr.get_birth_date(n)
            self.assertTrue(datetime.date(1858, 1, 1) <= born <= datetime.date(1899, 12, 31))
            self.assertEqual(int(n[-1]) % 2, 1)
            self.assertFalse(mod11(n), n)

    def test_never_real(self):
        nums = self.gen("--count", "300", "--seed", "s", "--never-real", "--born", "1970..1980")
        self.assertEqual(len(set(nums)), 300)
        for n in nums:
            day = int(n[:2])
            self.assertTrue(61 <= day <= 91, n)
            self.assertTrue(stdnum_cpr.is_valid(f"{day - 60:02d}" + n[2:]), n)
        p = run(["check", "--allow-replacement"] + nums[:20])
        self.assertExit(p, 0)

    def test_errors(self):
        for args in ([], ["--count", "-1"], ["--count", "x"], ["--count", "1", "--sex", "x"],
                     ["--count", "1", "--mod11", "maybe"], ["--count", "1", "--born", "1990"],
                     ["--count", "1", "--born", "1990-13-01..1991"], ["--count", "1", "--bogus"]):
            with self.subTest(args=args):
                p = run(["generate"] + args)
                self.assertExit(p, 2)
                self.assertOneLineMessage(p)
        # One birth date and sex with mod 11 has fewer than 10000 numbers.
        p = run(["generate", "--count", "10000", "--born", "2000-01-01..2000-01-01",
                 "--sex", "m", "--mod11", "yes", "--seed", "x"])
        self.assertExit(p, 2)
        self.assertEqual(p.stdout, b"")
        self.assertOneLineMessage(p, "10000")


if __name__ == "__main__":
    unittest.main(verbosity=2)

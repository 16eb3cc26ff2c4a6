# SPDX-License-Identifier: Apache-2.0
"""examples/python/cpr_data.py, run as a user would, against the built package.

Environment: DKCPR_EXAMPLE (the script), DKCPR_PY_BUILD (the directory that
holds the built package dkcpr), DKCPR_SAMPLE_DIR (examples/data).
"""
import os
import re
import subprocess
import sys
import tempfile
import unittest

from stdnum.dk import cpr as stdnum_cpr  # an independent validity check

SCRIPT = os.environ["DKCPR_EXAMPLE"]
SAMPLE_DIR = os.environ["DKCPR_SAMPLE_DIR"]
KEY_HEX = "00112233445566778899aabbccddeeff" * 2

# Valid numbers (birth dates 1940-2000, both sexes), in the forms people write.
NUMBERS = ["0212772782", "081269-4385", "220543 1994", "0410652546"]
INVALID = "310261-1234"  # 31 February


def run(*args, key=True, check=True):
    env = dict(os.environ, PYTHONPATH=os.environ["DKCPR_PY_BUILD"],
               PYTHONDONTWRITEBYTECODE="1")
    env.pop("DKCPR_KEY", None)
    if key:
        env["DKCPR_KEY"] = KEY_HEX
    r = subprocess.run([sys.executable, SCRIPT] + list(args), env=env,
                       capture_output=True, text=True, timeout=60)
    if check and r.returncode != 0:
        raise AssertionError(f"{args} exited {r.returncode}: {r.stderr}")
    return r


class PythonExampleTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def write_csv(self):
        rows = ["id;name;cpr"] + [f"{i};Person {i};{n}" for i, n in enumerate(NUMBERS)]
        rows += ["8;Blank;", f"9;Typo;{INVALID}"]
        with open(self.path("in.csv"), "w", newline="") as f:
            f.write("\r\n".join(rows) + "\r\n")
        return self.path("in.csv")

    def test_validate_counts_and_names_rows_without_numbers(self):
        r = run("validate", self.write_csv(), "cpr", key=False)
        self.assertIn("line 7: invalid (DKCPR_E_DATE)", r.stdout)
        self.assertIn("4 valid, 1 invalid, 1 empty", r.stdout)
        self.assertNotIn(INVALID, r.stdout + r.stderr)

    def test_pseudonymize_column_and_reveal(self):
        src = self.write_csv()
        run("pseudonymize", src, "cpr", "-o", self.path("out.csv"))
        with open(self.path("out.csv"), newline="") as f:
            out = f.read()
        self.assertTrue(out.endswith("\r\n"), "line endings not kept")
        rows = [line.split(";") for line in out.split("\r\n")[:-1]]
        self.assertEqual(rows[0], ["id", "name", "cpr"])
        for (i, name, fake), real in zip(rows[1:], NUMBERS):
            self.assertEqual(name, f"Person {i}")
            self.assertNotEqual(fake, real)
            # Same layout, a valid number, same birth year and sex (default keep).
            self.assertEqual(re.sub(r"\d", "9", fake), re.sub(r"\d", "9", real))
            digits, real_digits = re.sub(r"\D", "", fake), re.sub(r"\D", "", real)
            self.assertTrue(stdnum_cpr.is_valid(digits), fake)
            self.assertEqual(stdnum_cpr.get_birth_date(digits).year,
                             stdnum_cpr.get_birth_date(real_digits).year)
            self.assertEqual(int(digits[-1]) % 2, int(real_digits[-1]) % 2)
        self.assertEqual(rows[5], ["8", "Blank", ""])
        self.assertEqual(rows[6], ["9", "Typo", ""])  # an invalid number is not kept
        for n in NUMBERS + [INVALID]:
            self.assertNotIn(n, out)
        run("pseudonymize", self.path("out.csv"), "cpr", "-o", self.path("back.csv"),
            "--reveal")
        with open(src, newline="") as f:
            expected = f.read().replace(INVALID, "")
        with open(self.path("back.csv"), newline="") as f:
            self.assertEqual(f.read(), expected)

    def test_wash_leaves_no_number_and_reveal_restores_the_file(self):
        src = os.path.join(SAMPLE_DIR, "sagsnotater.txt")
        with open(src, "rb") as f:
            original = f.read()
        for n in ("270347-3760", "060811 4750"):  # numbers the sample holds
            self.assertIn(n.encode(), original)
        text = self.path("notes.txt")
        with open(text, "wb") as f:
            f.write(original + ("\n" + " / ".join(NUMBERS) + "\n").encode())
        with open(self.path("key"), "w") as f:
            f.write(KEY_HEX + "\n")
        r = run("wash", text, "-o", self.path("washed.txt"),
                "--key-file", self.path("key"), "--context", "test", key=False)
        self.assertRegex(r.stderr, r"^3[0-9] numbers found, 3[0-9] replaced, 0 left")
        with open(text, "rb") as f:
            before = f.read()
        with open(self.path("washed.txt"), "rb") as f:
            washed = f.read()
        self.assertEqual(len(washed), len(before))
        for n in NUMBERS + ["270347-3760", "060811 4750"]:
            self.assertNotIn(n.encode(), washed)
        self.assertIn(b"Borger: Hanne S\xc3\xb8rensen, CPR ", washed)  # the rest is kept
        # Reveal needs the same key and context.
        run("wash", self.path("washed.txt"), "-o", self.path("wrong.txt"), "--reveal",
            "--key-file", self.path("key"), key=False)
        with open(self.path("wrong.txt"), "rb") as f:
            self.assertNotEqual(f.read(), before)
        run("wash", self.path("washed.txt"), "-o", self.path("back.txt"), "--reveal",
            "--key-file", self.path("key"), "--context", "test", key=False)
        with open(self.path("back.txt"), "rb") as f:
            self.assertEqual(f.read(), before)

    def test_missing_key_is_a_clear_error(self):
        r = run("wash", os.path.join(SAMPLE_DIR, "sagsnotater.txt"), "-o",
                self.path("x.txt"), key=False, check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("no key", r.stderr)
        self.assertFalse(os.path.exists(self.path("x.txt")))


if __name__ == "__main__":
    unittest.main()

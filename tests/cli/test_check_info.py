# SPDX-License-Identifier: Apache-2.0
"""dkcpr check and dkcpr info against the vectors of the CPR rules."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import CliTestCase, run  # noqa: E402

REF = ["--reference-date", "2026-11-26"]
VALID = ["211062-5629", "2110620629", "070761-4285", "010180-1234", "0101585018",
         "2902004001", "3112995004", "0201609995", "200600-0005"]
INVALID = {"511062-5629": "DKCPR_E_DATE", "2110525629": "DKCPR_E_FUTURE",
           "2902191234": "DKCPR_E_DATE", "3104571009": "DKCPR_E_DATE",
           "21106256": "DKCPR_E_LENGTH", "21106a5629": "DKCPR_E_CHAR",
           "211062/5629": "DKCPR_E_SEPARATOR", "6701651004": "DKCPR_E_REPLACEMENT"}


class CheckTest(CliTestCase):
    def test_valid_numbers(self):
        p = run(["check"] + REF + VALID)
        self.assertExit(p, 0)
        self.assertEqual(p.stdout.decode().splitlines(), [f"{n}: valid" for n in VALID])

    def test_invalid_numbers_give_the_reason(self):
        for number, name in INVALID.items():
            with self.subTest(number=number):
                p = run(["check"] + REF + [number])
                self.assertExit(p, 1)
                line = p.stdout.decode()
                self.assertTrue(line.startswith(number + ": invalid: "), line)
                self.assertIn(name, line)

    def test_mixed_one_line_each_from_stdin(self):
        stdin = "211062-5629\r\n511062-5629\n\n0101585018\n".encode()
        p = run(["check"] + REF, stdin=stdin)
        self.assertExit(p, 1)
        lines = p.stdout.decode().splitlines()
        self.assertEqual(len(lines), 3)
        self.assertEqual(lines[0], "211062-5629: valid")
        self.assertTrue(lines[1].startswith("511062-5629: invalid"))
        self.assertEqual(lines[2], "0101585018: valid")
        self.assertExit(run(["check"], stdin=b"211062-5629\n"), 0)

    def test_options(self):
        # Mod 11 fails for 2110620629: valid by default, invalid when strict.
        self.assertExit(run(["check", "--policy", "strict", "2110620629"]), 1)
        self.assertExit(run(["check", "--policy", "strict", "211062-5629"]), 0)
        # 010180-1234 fails mod 11 but its date is on the known list.
        self.assertExit(run(["check", "--policy", "known-dates", "010180-1234"]), 0)
        self.assertExit(run(["check", "--policy", "known-dates", "020962-4444"]), 1)
        # Not yet born on the reference date, born by a later one.
        self.assertExit(run(["check", "--reference-date", "2008-10-20", "2110084008"]), 1)
        self.assertExit(run(["check", "--reference-date", "2008-10-21", "2110084008"]), 0)
        p = run(["check", "--allow-replacement", "6701651004"])
        self.assertExit(p, 0)
        self.assertIn(b"replacement", p.stdout)
        self.assertExit(run(["check", "211062\u00a05629"]), 1)
        self.assertExit(run(["check", "--lenient", " 211062\u00a05629 "]), 0)
        self.assertExit(run(["check", "--lenient", "\uff12\uff11\uff11\uff10\uff16\uff12-5629"]), 0)
        q = run(["check", "-q", "511062-5629"])
        self.assertExit(q, 1)
        self.assertEqual(q.stdout, b"")

    def test_known_dates_file(self):
        # 010163-1234 fails mod 11 (weighted sum 81); 1 Jan 1963 is not on
        # the shipped list, so known-dates rejects it until a file adds it.
        number = "010163-1234"
        self.assertNotEqual(sum(w * int(d) for w, d in zip((4, 3, 2, 7, 6, 5, 4, 3, 2, 1),
                                                          number.replace("-", ""))) % 11, 0)
        p = run(["check", "--policy", "known-dates", number])
        self.assertExit(p, 1)
        self.assertIn(b"DKCPR_E_MOD11", p.stdout)
        dates = self.write("dates.txt", "# more dates\n1963-01-01\n\n")
        self.assertExit(run(["check", "--policy", "known-dates", "--known-dates", dates, number]), 0)
        info = run(["info", "--json", "--known-dates", dates, number])
        self.assertIn(b'"known_date":true', info.stdout)
        bad = self.write("bad.txt", "1963-01-01\n1963-02-30\n")
        p = run(["check", "--known-dates", bad, number])
        self.assertExit(p, 3)
        self.assertOneLineMessage(p, "line 2")
        self.assertExit(run(["check", "--known-dates", self.path("none.txt"), number]), 3)

    def test_usage_errors(self):
        for args in (["--policy", "lax", "211062-5629"],
                     ["--reference-date", "26-11-2026", "211062-5629"],
                     ["--nope", "211062-5629"]):
            with self.subTest(args=args):
                p = run(["check"] + args)
                self.assertExit(p, 2)
                self.assertOneLineMessage(p)


class InfoTest(CliTestCase):
    def test_text(self):
        p = run(["info"] + REF + ["211062-5629"])
        self.assertExit(p, 0)
        out = p.stdout.decode()
        for expected in ("1862-10-21", "164", "male", "century digit:  5", "passes",
                         "known date:     no", "kind:           cpr"):
            self.assertIn(expected, out)

    def test_json(self):
        cases = {
            "211062-5629": ("1862-10-21", 164, "male", 5, True, False, "cpr"),
            "0101580008": ("1958-01-01", 68, "female", 0, True, False, "cpr"),
            "010180-1234": ("1980-01-01", 46, "female", 1, False, True, "cpr"),
            "2902004001": ("2000-02-29", 26, "male", 4, True, False, "cpr"),
            "6701651004": ("1965-01-07", 61, "female", 1, True, False, "replacement"),
        }
        for number, (born, age, sex, c7, mod11, known, kind) in cases.items():
            with self.subTest(number=number):
                p = run(["info", "--json"] + REF + [number])
                self.assertExit(p, 0)
                info = json.loads(p.stdout)
                self.assertEqual(info["birth_date"], born)
                self.assertEqual(info["age"], age)
                self.assertEqual(info["sex"], sex)
                self.assertEqual(info["century_digit"], c7)
                self.assertIs(info["mod11"], mod11)
                self.assertIs(info["known_date"], known)
                self.assertEqual(info["kind"], kind)

    def test_errors(self):
        p = run(["info", "511062-5629"])
        self.assertExit(p, 1)
        self.assertOneLineMessage(p, "511062-5629", "DKCPR_E_DATE")
        self.assertExit(run(["info"]), 2)
        self.assertExit(run(["info", "211062-5629", "0101580008"]), 2)
        self.assertExit(run(["info", "--colour", "211062-5629"]), 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)

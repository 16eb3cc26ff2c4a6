# SPDX-License-Identifier: Apache-2.0
"""dkcpr wash with a layout (examples/rules/cpr-udtraek.yaml) on a generated
CPR-register extract: families whose relation records name each other's
PNR inside long runs of digits, which text washing cannot see. Checked: the
layout picks the fixed format by itself, every record keeps its length, no
real PNR stays in any field, a mother's pseudonym is the one her child's
relation record names, birth dates and sexes follow the pseudonym (by the
century rule computed here), and reveal --manifest gives every number back."""
import json
import os
import random
import unittest

from clitest import SAMPLE_DIR, CliTestCase, run

from test_rules import birth

RULES = os.path.join(os.path.dirname(SAMPLE_DIR), "rules", "cpr-udtraek.yaml")


def person(rng, year_from, year_to, male):
    """A valid PNR: 7th digit 0 (1900s) or 4 (2000-2036), last digit odd for men."""
    year, month, day = rng.randint(year_from, year_to), rng.randint(1, 12), rng.randint(1, 28)
    c7 = 0 if year < 2000 else 4
    last = rng.choice([1, 3, 5, 7, 9] if male else [0, 2, 4, 6, 8])
    return "%02d%02d%02d%d%02d%d" % (day, month, year % 100, c7, rng.randint(0, 99), last)


def record_001(pnr, name):
    year, month, day, male = birth(pnr)
    return "001%s%04d%02d%02d%s01%-34s" % (pnr, year, month, day, "M" if male else "K", name)


def extract(rng, families):
    lines, people = ["00020261201CPR-UDTRAEK"], []
    for _ in range(families):
        mother, father = person(rng, 1950, 1980, False), person(rng, 1950, 1980, True)
        child = person(rng, 2000, 2020, rng.random() < 0.5)
        for pnr, name in ((mother, "Hansen Anne"), (father, "Hansen Peter"), (child, "Hansen Bo")):
            lines.append(record_001(pnr, name))
        lines.append("002%s%s%s%s" % (mother, "0" * 10, "0" * 10, father))
        lines.append("002%s%s%s%s" % (child, mother, father, "0" * 10))
        lines.append("003%sNørregade 1, 1165 København K" % child)
        people += [mother, father, child]
    lines.append("999%012d" % len(lines))
    return "\n".join(lines) + "\n", people


class FixedTest(CliTestCase):
    def test_extract_by_layout(self):
        data, people = extract(random.Random(5), 40)
        src = self.write("udtraek.txt", data)
        out, manifest = self.path("test.txt"), self.path("m.json")
        p = run(["wash", "-k", self.key_file, "--rules", RULES, "--manifest", manifest,
                 "-o", out, src])
        self.assertExit(p, 0)
        with open(manifest, encoding="utf-8") as f:
            self.assertEqual(json.load(f)["inputs"][0]["structure"], "fixed")
        # Widths are bytes: a name may hold ø.
        before, after = data.encode().split(b"\n"), self.read(out).split(b"\n")
        self.assertEqual(len(before), len(after))
        pseudonym = {}
        for b, a in zip(before, after):
            self.assertEqual(len(a), len(b), a)
            self.assertEqual(a[:3], b[:3])
            if b[:3] in (b"001", b"002", b"003"):
                pseudonym[b[3:13]] = a[3:13]
                self.assertNotEqual(a[3:13], b[3:13])
        for b, a in zip(before, after):
            if b.startswith(b"001"):
                year, month, day, male = birth(a[3:13].decode())
                self.assertEqual(a[13:21], b"%04d%02d%02d" % (year, month, day))
                self.assertEqual(a[21:22], b"M" if male else b"K")
                self.assertNotEqual(a[24:], b[24:])  # the name
                a[24:].decode("utf-8")  # cut, if at all, between characters
            elif b.startswith(b"002"):
                for k in (13, 23, 33):
                    if b[k:k + 10] != b"0" * 10:
                        self.assertEqual(a[k:k + 10], pseudonym[b[k:k + 10]])
                    else:
                        self.assertEqual(a[k:k + 10], b"0" * 10)
            elif b.startswith(b"003"):
                self.assertEqual(a[13:], b[13:])
        # No real number in any field (the mothers' also where they are relations).
        fields = [a[k:k + 10].decode("utf-8", "replace") for a in after for k in (3, 13, 23, 33)]
        self.assertFalse(set(people) & set(fields))
        back = run(["reveal", "-q", "-k", self.key_file, "--manifest", manifest, out])
        self.assertExit(back, 0)
        for b, r in zip(before, back.stdout.split(b"\n")):
            self.assertEqual(r[:22], b[:22])  # numbers, birth dates, sexes
            if not b.startswith(b"001"):
                self.assertEqual(r, b)

    def test_text_cannot_and_refusals(self):
        data, people = extract(random.Random(9), 3)
        src = self.write("u.txt", data)
        p = run(["wash", "-k", self.key_file, "--format=text", "-o", self.path("t.txt"), src])
        self.assertExit(p, 0)
        self.assertIn(people[0].encode(), self.read("t.txt"))  # why the layout is needed
        # A token would change every later field's place.
        p = run(["wash", "-k", self.key_file, "--mode=token", "--rules", RULES, "-o",
                 self.path("x.txt"), src])
        self.assertNotEqual(p.returncode, 0)
        self.assertFalse(os.path.exists(self.path("x.txt")))
        # A layout is for fixed-width records only.
        p = run(["wash", "-k", self.key_file, "--format=csv", "--rules", RULES, "-o",
                 self.path("y.txt"), src])
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(b"layout", p.stderr)


if __name__ == "__main__":
    unittest.main()

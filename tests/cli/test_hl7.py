# SPDX-License-Identifier: Apache-2.0
"""dkcpr wash --format=hl7 on generated HL7 v2 traffic as hospital systems
write it (ADT with PID, NK1 and MRG, ORU with free-text OBX and NTE; CR,
LF and CRLF segment ends, MLLP framing, a message with its own delimiters):
no real CPR number survives in any written form, every segment keeps its
fields, PID-7 and PID-8 follow the pseudonym (checked with the century rule
computed here), names and phones change, and reveal --manifest gives the
input back byte for byte."""
import json
import random
import re
import unittest

from clitest import CliTestCase, run

from test_rules import birth

RULES = ("fields:\n"
         "  PID-5.1: last_name\n"
         "  PID-5.2: first_name\n"
         "  PID-7: {birth_date: YYYYMMDD}\n"
         "  PID-8: {sex: {male: M, female: F}}\n"
         "  PID-11: redact\n"
         "  PID-13.1: phone\n"
         "  PID-13.4: email\n"
         "  NK1-2: full_name\n")

SURNAMES = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen"]
FIRST = {True: ["Peter", "Lars", "Jens", "Michael"], False: ["Anne", "Kirsten", "Mette", "Hanne"]}


def cpr_number(rng):
    """A random valid CPR number born 1920-1999 (7th digit 0-3)."""
    while True:
        year, month, day = rng.randint(1920, 1999), rng.randint(1, 12), rng.randint(1, 28)
        seq = "%d%03d" % (rng.randint(0, 3), rng.randint(0, 999))
        return "%02d%02d%02d%s" % (day, month, year % 100, seq)


def message(rng, i, end):
    cpr, kin, old = cpr_number(rng), cpr_number(rng), cpr_number(rng)
    year, month, day, male = birth(cpr)
    name = "%s^%s" % (rng.choice(SURNAMES), rng.choice(FIRST[male]))
    dashed = "%s-%s" % (cpr[:6], cpr[6:])
    segs = [
        "MSH|^~\\&|EPJ|RHN|LABKA|KBA|20261201%04d||ADT^A08^ADT_A01|MSG%05d|P|2.5|||AL|NE|DNK|UNICODE UTF-8" % (i, i),
        "EVN|A08|20261201%04d" % i,
        "PID|1||%s^^^CPR^PN~%d^^^RHN^MR||%s^^^^^L||%04d%02d%02d|%s|||Nørregade %d^^København K^^1165^DK"
        "||+45 %02d %02d %02d %02d^PRN^PH~^NET^Internet^%s@mail.dk"
        % (cpr, 100000 + i, name, year, month, day, "M" if male else "F", i,
           rng.randint(20, 99), rng.randint(0, 99), rng.randint(0, 99), rng.randint(0, 99),
           name.split("^")[1].lower()),
        "NK1|1|%s^%s|SPO||||||||||||||||||||||||||||||%s^^^&1.2.208.176.1.2&ISO"
        % (rng.choice(SURNAMES), rng.choice(FIRST[not male]), kin),
        "MRG|%s^^^CPR^PN" % old,
        "OBX|1|TX|NOTE^Notat||Pt. (cpr %s) henvist af egen læge; pårørende %s\\.br\\ring op||||||F"
        % (dashed, kin),
        "NTE|1||Tidligere CPR %s" % old,
    ]
    text = end.join(segs) + end
    return ("\x0b" + text + "\x1c\r") if i % 5 == 0 else text, [cpr, kin, old]


def segments(data):
    return [s for s in re.split(r"\r\n|\r|\n", data.strip("\x0b\x1c\r\n")) if s.strip("\x0b\x1c")]


def field(seg, n, comp=None, rep=0):
    f = seg.split("|")[n].split("~")[rep]
    return f if comp is None else f.split("^")[comp - 1]


class Hl7Test(CliTestCase):
    def traffic(self, n=60, seed=7):
        rng = random.Random(seed)
        parts, numbers = [], []
        for i in range(n):
            text, nums = message(rng, i, ["\r", "\n", "\r\n"][i % 3])
            parts.append(text)
            numbers += nums
        return "".join(parts), numbers

    def test_traffic_washed_by_structure(self):
        data, numbers = self.traffic()
        src = self.write("adt.hl7", data)
        rules = self.write("hl7.yaml", RULES)
        out, manifest = self.path("out.hl7"), self.path("m.json")
        p = run(["wash", "-k", self.key_file, "--rules", rules, "--manifest", manifest,
                 "-o", out, src])
        self.assertExit(p, 0)
        washed = self.read(out).decode("utf-8")
        with open(manifest, encoding="utf-8") as f:
            self.assertEqual(json.load(f)["inputs"][0]["structure"], "hl7")
        # No real number in any written form.
        for n in numbers:
            for form in (n, n[:6] + "-" + n[6:]):
                self.assertNotIn(form, washed)
        before, after = segments(data), segments(washed)
        self.assertEqual(len(before), len(after))
        for b, a in zip(before, after):
            self.assertEqual(a[:3], b[:3])
            self.assertEqual(a.count("|"), b.count("|"), a)
            if a.startswith("PID"):
                pseudo = field(a, 3, 1)
                self.assertRegex(pseudo, r"^\d{10}$")
                year, month, day, male = birth(pseudo)
                self.assertEqual(field(a, 7), "%04d%02d%02d" % (year, month, day))
                self.assertEqual(field(a, 8), "M" if male else "F")
                self.assertEqual(field(a, 3, rep=1), field(b, 3, rep=1))  # the MR number
                self.assertEqual(field(a, 11), "[CPR]")
                self.assertRegex(field(a, 13, 1), r"^\+45 \d\d \d\d \d\d \d\d$")
                self.assertNotEqual(field(a, 13, 1), field(b, 13, 1))
                self.assertRegex(field(a, 13, 4, rep=1), r"@example\.invalid$")
                self.assertEqual(field(a, 13, 2), "PRN")
            elif a.startswith("NK1"):
                self.assertRegex(field(a, 2), r"^\S+ \S+$")  # full_name over the field
            else:
                # Segments without rules: only the numbers differ.
                self.assertEqual(re.sub(r"\d{6}-?\d{4}", "#", a), re.sub(r"\d{6}-?\d{4}", "#", b))
        # The same person has the same pseudonym everywhere: MRG-1 and NTE
        # name the same prior number.
        for i, seg in enumerate(after):
            if seg.startswith("MRG"):
                self.assertIn(field(seg, 1, 1), after[i + 2])
        back = run(["reveal", "-q", "-k", self.key_file, "--manifest", manifest, out])
        self.assertExit(back, 0)
        # Rules that are one-way (names, phone, e-mail, address) stay; the
        # numbers, birth dates and sexes come back.
        got = segments(back.stdout.decode("utf-8"))
        for b, r in zip(before, got):
            if b.startswith("PID"):
                for n, comp in ((3, None), (7, None), (8, None)):
                    self.assertEqual(field(r, n, comp), field(b, n, comp))
            elif not b.startswith("NK1"):
                self.assertEqual(r, b)

    def test_without_rules_reveal_is_byte_exact(self):
        data, numbers = self.traffic(30, seed=11)
        src = self.write("in.hl7", data)
        p = run(["wash", "-k", self.key_file, "-o", self.path("w.hl7"), src])
        self.assertExit(p, 0)
        washed = self.read("w.hl7")
        self.assertEqual(len(washed), len(data.encode()))
        for n in numbers:
            self.assertNotIn(n.encode(), washed)
        back = run(["reveal", "-k", self.key_file, "--format=hl7", self.path("w.hl7")])
        self.assertExit(back, 0)
        self.assertEqual(back.stdout, data.encode())
        # Read from standard input, HL7 is known by its first bytes.
        p = run(["wash", "-k", self.key_file, "-"], stdin=data.encode())
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, washed)

    def test_own_delimiters_and_errors(self):
        msg = "MSH#@*$%#A#B\rPID#1##2911700657@@@CPR*9|9@@@RH\r"
        p = run(["wash", "-k", self.key_file, "--format=hl7", "-"], stdin=msg.encode())
        self.assertExit(p, 0)
        self.assertNotIn(b"2911700657", p.stdout)
        self.assertTrue(p.stdout.endswith(b"@@@CPR*9|9@@@RH\r"))
        bad = self.write("bad.hl7", "MSH|^~\\&|A\rPID|1\rpid|2\r")
        p = run(["wash", "-k", self.key_file, "--format=hl7", "-o", self.path("x"), bad])
        self.assertExit(p, 3)
        self.assertIn(b"line 3, column 1", p.stderr)
        # A placeholder holding a delimiter would break the message.
        p = run(["wash", "--mode=redact", "--placeholder=a|b", "--format=hl7", "-"],
                stdin=msg.encode())
        self.assertExit(p, 0)  # '|' is no delimiter of this message
        self.assertIn(b"##a|b@@@CPR", p.stdout)
        p = run(["wash", "--mode=redact", "--placeholder=a|b", "--format=hl7", "-"],
                stdin=b"MSH|^~\\&|A\rPID|1||2911700657^^^CPR\r")
        self.assertExit(p, 3)
        self.assertIn(b"placeholder", p.stderr)


if __name__ == "__main__":
    unittest.main()

# SPDX-License-Identifier: Apache-2.0
"""dkcpr wash --format=xml on a generated municipal case export (citizens
with their CPR number as element text and attributes, relatives, cases with
free-text notes in text and CDATA, namespaces, comments, entities): every
washed file parses (Python's xml.etree), no real CPR number survives in any
written form, the tree keeps its shape, birth dates and sexes follow each
citizen's pseudonym (checked with the century rule computed here), and
reveal gives the input back byte for byte (without rules), or the numbers
and companions (with them); UTF-16 input, errors and the format guess."""
import json
import random
import unittest
import xml.etree.ElementTree as ET

from clitest import CliTestCase, run

from test_rules import birth

RULES = ("fields:\n"
         "  Foedselsdato: {birth_date: YYYY-MM-DD}\n"
         "  Koen: {sex: {male: M, female: K}}\n"
         "  Navn: full_name\n"
         "  Telefon: phone\n"
         "  Email: email\n"
         "  Adresse: redact\n")

NS = "{urn:kommune:sag:1}"
SURNAMES = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Sørensen"]
FIRST = {True: ["Peter", "Lars", "Søren", "Mads"], False: ["Anne", "Kirsten", "Mette", "Åse"]}


def cpr_number(rng):
    """A random valid CPR number born 1920-1999 (7th digit 0-3)."""
    year, month, day = rng.randint(1920, 1999), rng.randint(1, 12), rng.randint(1, 28)
    seq = "%d%03d" % (rng.randint(0, 3), rng.randint(0, 999))
    return "%02d%02d%02d%s" % (day, month, year % 100, seq)


def dashed(n):
    return n[:6] + "-" + n[6:]


def citizen(rng, i):
    cpr, kin = cpr_number(rng), cpr_number(rng)
    year, month, day, male = birth(cpr)
    first, last = rng.choice(FIRST[male]), rng.choice(SURNAMES)
    form = [cpr, dashed(cpr), cpr[:6] + " " + cpr[6:]][i % 3]
    notes = []
    for k in range(rng.randint(1, 3)):
        notes.append(
            '      <Sag nr="2026-%04d-%d" type="%s">\n'
            '        <Journalnotat dato="2026-11-%02d"><![CDATA[Borger (cpr %s) ringede; '
            'mor har cpr %s & <ingen> tags her]]></Journalnotat>\n'
            '        <Notat>Ægtefælle %s kontaktet &amp; orienteret.</Notat>\n'
            '      </Sag>\n' % (i, k, rng.choice(["Hjemmepleje", "Boligstøtte"]),
                                  rng.randint(1, 28), dashed(cpr), kin, kin))
    text = (
        '  <Borger id="B%d">\n'
        '    <CPRnummer>%s</CPRnummer>\n'
        '    <Navn>%s %s</Navn>\n'
        '    <Foedselsdato>%04d-%02d-%02d</Foedselsdato>\n'
        '    <Koen>%s</Koen>\n'
        '    <Adresse><Vej>Nørregade %d</Vej><Postnr>8000</Postnr><By>Aarhus C</By></Adresse>\n'
        '    <Telefon>+45 %02d %02d %02d %02d</Telefon>\n'
        '    <Email>%s.%s@mail.dk</Email>\n'
        '    <Paaroerende relation="%s" cpr="%s"><Navn>%s %s</Navn></Paaroerende>\n'
        '    <Sager>\n%s    </Sager>\n'
        '  </Borger>\n'
        % (i, form, first, last, year, month, day, "M" if male else "K", i + 1,
           rng.randint(20, 99), rng.randint(0, 99), rng.randint(0, 99), rng.randint(0, 99),
           first.lower(), i, rng.choice(["mor", "far", "ægtefælle"]), kin,
           rng.choice(FIRST[True] + FIRST[False]), last, "".join(notes)))
    return text, [cpr, kin]


def export(n, seed):
    rng = random.Random(seed)
    parts, numbers = [], []
    for i in range(n):
        text, nums = citizen(rng, i)
        parts.append(text)
        numbers += nums
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<!-- Sagsudtræk til test, dannet 2026-12-01 -->\n'
           '<Sagsudtraek xmlns="urn:kommune:sag:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
           ' dannet="2026-12-01T10:15:00">\n' + "".join(parts) + '</Sagsudtraek>\n')
    return doc, numbers


def shape(elem):
    """Tags and attribute names of the tree, in order."""
    return [(e.tag, sorted(e.attrib)) for e in elem.iter()]


class XmlTest(CliTestCase):
    def assertNoNumber(self, data, numbers):
        for n in numbers:
            for form in (n, dashed(n), n[:6] + " " + n[6:]):
                self.assertNotIn(form.encode(), data)

    def test_export_with_rules(self):
        data, numbers = export(80, seed=3)
        src = self.write("udtraek.xml", data)
        rules = self.write("sag.yaml", RULES)
        out, manifest = self.path("test.xml"), self.path("m.json")
        p = run(["wash", "-k", self.key_file, "--rules", rules, "--manifest", manifest,
                 "-o", out, src])
        self.assertExit(p, 0)
        washed = self.read(out)
        with open(manifest, encoding="utf-8") as f:
            self.assertEqual(json.load(f)["inputs"][0]["structure"], "xml")
        self.assertNoNumber(washed, numbers)
        before, after = ET.fromstring(data.encode()), ET.fromstring(washed)
        self.assertEqual(shape(before), shape(after))
        renamed = 0
        for b, a in zip(before.findall(NS + "Borger"), after.findall(NS + "Borger")):
            pseudo = "".join(c for c in a.find(NS + "CPRnummer").text if c.isdigit())
            self.assertRegex(pseudo, r"^\d{10}$")
            written = b.find(NS + "CPRnummer").text
            self.assertEqual(len(a.find(NS + "CPRnummer").text), len(written))  # its form
            year, month, day, male = birth(pseudo)
            self.assertEqual(a.find(NS + "Foedselsdato").text, "%04d-%02d-%02d" % (year, month, day))
            self.assertEqual(a.find(NS + "Koen").text, "M" if male else "K")
            self.assertRegex(a.find(NS + "Navn").text, r"^\S+ \S+$")
            renamed += a.find(NS + "Navn").text != b.find(NS + "Navn").text
            self.assertRegex(a.find(NS + "Telefon").text, r"^\+45 \d\d \d\d \d\d \d\d$")
            self.assertRegex(a.find(NS + "Email").text, r"@example\.invalid$")
            for part in a.find(NS + "Adresse"):
                self.assertEqual(part.text, "[CPR]")
            kin_b, kin_a = b.find(NS + "Paaroerende"), a.find(NS + "Paaroerende")
            self.assertEqual(kin_a.get("relation"), kin_b.get("relation"))
            self.assertRegex(kin_a.get("cpr"), r"^\d{10}$")
            # The relative has one pseudonym in the attribute and in the notes.
            for note in a.iter(NS + "Notat"):
                self.assertIn(kin_a.get("cpr"), note.text)
                self.assertTrue(note.text.endswith("kontaktet & orienteret."))
            for note in a.iter(NS + "Journalnotat"):
                self.assertIn("cpr %s-%s)" % (pseudo[:6], pseudo[6:]), note.text)
                self.assertIn(kin_a.get("cpr"), note.text)
        self.assertGreater(renamed, 70)  # a keyed lookalike may be the name itself
        self.assertIn(b"<![CDATA[Borger (cpr ", washed)
        self.assertIn(b"<!-- Sagsudtr\xc3\xa6k til test", washed)
        # Reveal: the numbers, birth dates and sexes come back; names,
        # phones, e-mails and addresses are one-way.
        back = run(["reveal", "-q", "-k", self.key_file, "--manifest", manifest, out])
        self.assertExit(back, 0)
        got = ET.fromstring(back.stdout)
        for b, r in zip(before.findall(NS + "Borger"), got.findall(NS + "Borger")):
            for tag in ("CPRnummer", "Foedselsdato", "Koen"):
                self.assertEqual(r.find(NS + tag).text, b.find(NS + tag).text)
            self.assertEqual(r.find(NS + "Paaroerende").get("cpr"),
                             b.find(NS + "Paaroerende").get("cpr"))
            self.assertEqual([n.text for n in r.iter(NS + "Journalnotat")],
                             [n.text for n in b.iter(NS + "Journalnotat")])

    def test_without_rules_reveal_is_byte_exact(self):
        data, numbers = export(40, seed=11)
        src = self.write("in.xml", data)
        p = run(["wash", "-k", self.key_file, "-o", self.path("w.xml"), src])
        self.assertExit(p, 0)
        washed = self.read("w.xml")
        ET.fromstring(washed)
        self.assertEqual(len(washed), len(data.encode()))
        self.assertNoNumber(washed, numbers)
        back = run(["reveal", "-k", self.key_file, "--format=xml", self.path("w.xml")])
        self.assertExit(back, 0)
        self.assertEqual(back.stdout, data.encode())
        # From standard input XML is known by its first bytes.
        p = run(["wash", "-k", self.key_file, "-"], stdin=data.encode())
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, washed)
        # Mask and token output is XML too.
        for mode in ("mask", "token", "redact"):
            p = run(["wash", "-q", "-k", self.key_file, "--mode", mode, "--format=xml", src])
            self.assertExit(p, 0)
            ET.fromstring(p.stdout)
            self.assertNoNumber(p.stdout, numbers)

    def test_utf16_declared_encoding(self):
        # Transcoded to UTF-8 before washing and back after: the declaration
        # says UTF-16, which the reader does not believe.
        data, numbers = export(5, seed=5)
        data = data.replace('encoding="UTF-8"', 'encoding="UTF-16"')
        raw = data.encode("utf-16")
        src = self.write("utf16.xml", raw)
        p = run(["wash", "-k", self.key_file, "-o", self.path("w16.xml"), src])
        self.assertExit(p, 0)
        washed = self.read("w16.xml")
        self.assertTrue(washed.startswith(b"\xff\xfe"))
        ET.fromstring(washed)
        self.assertNoNumber(washed.decode("utf-16").encode(), numbers)
        back = run(["reveal", "-k", self.key_file, "--format=xml", self.path("w16.xml")])
        self.assertExit(back, 0)
        self.assertEqual(back.stdout, raw)

    def test_errors(self):
        bad = self.write("bad.xml", "<a>\n  <b>0405205297</c>\n</a>\n")
        p = run(["wash", "-k", self.key_file, "--format=xml", "-o", self.path("x.xml"), bad])
        self.assertExit(p, 3)
        self.assertIn(b"line 2, column 18", p.stderr)
        self.assertIn(b"mismatched tag", p.stderr)
        # A placeholder XML would read as markup is refused where it would be written.
        ok = self.write("ok.xml", "<a><cpr>0405205297</cpr></a>")
        p = run(["wash", "--mode=redact", "--placeholder=<CPR>", "--format=xml", ok])
        self.assertExit(p, 3)
        self.assertIn(b"placeholder", p.stderr)
        p = run(["wash", "--mode=redact", "--placeholder=(CPR)", ok])
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, b"<a><cpr>(CPR)</cpr></a>")
        # With --format=auto, read as text when the first part does not parse.
        p = run(["wash", "-k", self.key_file, bad])
        self.assertExit(p, 0)
        self.assertIn(b"washed as text", p.stderr)
        self.assertNotIn(b"0405205297", p.stdout)


if __name__ == "__main__":
    unittest.main()

# SPDX-License-Identifier: Apache-2.0
"""dkcpr wash --rules: phone lookalikes, emptied fields, and birth dates and sexes
that follow each row's pseudonym, checked with a birth date computed here
from the century rule (not by the program), Python's csv module, dkcpr scan
and reveal --manifest."""
import csv
import io
import json
import os
import unittest

from clitest import SAMPLE_DIR, CliTestCase, run

RULES = os.path.join(os.path.dirname(SAMPLE_DIR), "rules", "kunder.yaml")
KUNDER = os.path.join(SAMPLE_DIR, "kunder.csv")


def birth(cpr):
    """(year, month, day, male) of a ten-digit CPR number, by cpr-rules.md:
    century from the 7th digit, day + 60 for replacement numbers."""
    day, month, yy, c7 = int(cpr[0:2]), int(cpr[2:4]), int(cpr[4:6]), int(cpr[6])
    if day > 60:
        day -= 60
    if c7 <= 3:
        century = 1900
    elif c7 in (4, 9):
        century = 2000 if yy <= 36 else 1900
    else:
        century = 2000 if yy <= 57 else 1800
    return century + yy, month, day, int(cpr[9]) % 2 == 1


def digits(written):
    d = written.replace("-", "").replace(" ", "")
    return "0" + d if len(d) == 9 else d


def read_csv(data):
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), delimiter=";"))


class RulesTest(CliTestCase):
    def wash(self, *args, code=0):
        p = run(["wash", "-k", self.key_file, *args])
        self.assertExit(p, code)
        return p

    def test_kunder_rows_agree_with_their_pseudonyms(self):
        out, manifest = self.path("kunder.csv"), self.path("kunder.json")
        p = self.wash("--keep=none", "--rules", RULES, "--manifest", manifest, "-o", out, KUNDER)
        before = read_csv(open(KUNDER, "rb").read())
        after = read_csv(self.read(out))
        self.assertEqual(len(before), len(after))
        self.assertEqual(before[0], after[0])
        kept_dates = kept_names = 0
        first_names = {True: set(), False: set()}
        for b, a in zip(before[1:], after[1:]):
            year, month, day, male = birth(digits(a[0]))
            self.assertEqual(a[3], "%02d.%02d.%04d" % (day, month, year), a)
            self.assertEqual(a[4], "M" if male else "K", a)
            # telefon: phone, a keyed lookalike of eight digits
            self.assertRegex(a[8], r"^[2-9][0-9]{7}$")
            self.assertNotEqual(a[8], b[8])
            self.assertEqual(a[10], "")       # bemærkning: empty
            self.assertEqual(a[5:8] + a[9:10], b[5:8] + b[9:10])
            kept_dates += a[3] == b[3]
            kept_names += a[1:3] == b[1:3]
            first_names[male].add(a[1])
        self.assertLess(kept_dates, len(before) // 10)
        self.assertLess(kept_names, len(before) // 10)
        # First names follow the pseudonym's sex: no name serves both.
        self.assertEqual(first_names[True] & first_names[False], set())
        self.assertGreater(len(first_names[True]), 3)
        self.assertIn(b"rewritten by --rules", p.stderr)
        scan = run(["scan", "--json", "--show", "--nine-digits", out])
        found = {digits(json.loads(l)["number"]) for l in scan.stdout.decode().splitlines()}
        self.assertEqual(len(found), len(before) - 1)
        self.assertEqual(found & {digits(r[0]) for r in before[1:]}, set())
        # The manifest holds the rules: reveal gives back every row whose
        # birth date and sex agreed with its real number.
        self.assertIn("fødselsdato", json.load(open(manifest, encoding="utf-8"))["mapping"]["rules"])
        back = run(["reveal", "-q", "-k", self.key_file, "--manifest", manifest, out])
        self.assertExit(back, 0)
        agreed = 0
        for b, r in zip(before[1:], read_csv(back.stdout)[1:]):
            year, month, day, male = birth(digits(b[0]))
            self.assertEqual(r[:1] + r[5:8] + r[9:10], b[:1] + b[5:8] + b[9:10])
            if b[3] == "%02d.%02d.%04d" % (day, month, year) and b[4] == ("M" if male else "K"):
                self.assertEqual(r[3:5], b[3:5])
                agreed += 1
        self.assertGreater(agreed, len(before) // 2)
        # The rules come from the manifest alone.
        again = run(["reveal", "-q", "-k", self.key_file, "--manifest", manifest,
                     "--rules", RULES, out])
        self.assertExit(again, 2)

    def test_companion_before_the_number_and_rows_without_one(self):
        rules = self.write("r.yaml", "fields:\n  sex: {sex: {male: '1', female: '2'}}\n"
                           "  born: {birth_date: YYYYMMDD}\n  id: cpr\n")
        data = "sex\tborn\tid\n1\t19701129\t2911700657\n2\t19200101\t\n1\t20200504\t405205297\n"
        src = self.write("in.tsv", data)
        p = self.wash("--keep=none", "--rules", rules, "-o", self.path("out.tsv"), src)
        self.assertIn(b"2 values with a rule could not be rewritten", p.stderr)
        rows = [l.split("\t") for l in self.read("out.tsv").decode().splitlines()]
        self.assertEqual(rows[2], ["[CPR]", "[CPR]", ""])
        for r in (rows[1], rows[3]):
            year, month, day, male = birth(digits(r[2]))
            self.assertEqual(r[1], "%04d%02d%02d" % (year, month, day))
            self.assertEqual(r[0], "1" if male else "2")

    def test_errors_name_the_line(self):
        bad = self.write("bad.yaml", "fields:\n  cpr_nr: cpr\n  født:\n    birth_date: DD.MM\n")
        p = self.wash("--rules", bad, "-o", self.path("x.csv"), KUNDER, code=2)
        self.assertIn(b"line 4, column 17", p.stderr)
        p = self.wash("--rules", self.path("missing.yaml"), KUNDER, code=2)
        self.assertIn(b"cannot open the rules file", p.stderr)
        # Rules that rewrite values need fields: text is refused, not washed.
        txt = self.write("x.txt", "2911700657 født 29.11.1970\n")
        p = self.wash("--rules", RULES, "--format=text", "-o", self.path("y.txt"), txt, code=2)
        self.assertIn(b"need fields", p.stderr)
        self.assertFalse(os.path.exists(self.path("y.txt")))
        # A CSV that does not parse is not washed as text when the rules
        # rewrite values: the phone would stay.
        broken = self.write("broken.csv", 'cpr_nr;telefon\n2911700657;12 "34" 56\n')
        p = self.wash("--rules", RULES, "-o", self.path("z.csv"), broken, code=3)
        self.assertIn(b"is not valid csv", p.stderr)
        self.assertFalse(os.path.exists(self.path("z.csv")))

    def test_a_rule_that_names_no_field_is_said_with_its_line(self):
        # b.navn: CSV has no tables; the typo names nothing either. Both are
        # warnings with their line, and the wash exits 7: values the rules
        # meant to hide may be in the output.
        rules = self.write("r.yaml", "version: 1\nfields:\n  cpr_nr: cpr\n"
                           "  b.navn: redact\n  fodselsdatoo: {birth_date: DD.MM.YYYY}\n")
        src = self.write("in.csv", "cpr_nr;navn\n2911700657;Anna\n")
        p = self.wash("--rules", rules, "-o", self.path("out.csv"), src, code=7)
        err = p.stderr.decode()
        self.assertIn("warning: the rule for 'b.navn' (line 4 of '%s') named no field" % rules, err)
        self.assertIn("the rule for 'fodselsdatoo' (line 5 of", err)
        self.assertNotIn("'cpr_nr'", err)
        self.assertIn(b";Anna\n", self.read("out.csv"))
        # Over several inputs, a rule is said only when no input named it.
        other = self.write("other.csv", "navn;fodselsdatoo\nBo;01.01.2000\n")
        p = self.wash("-q", "--rules", rules, "-o", self.path("both.csv"), src, other, code=7)
        self.assertIn(b"'b.navn'", p.stderr)
        self.assertNotIn(b"fodselsdatoo", p.stderr)
        # Reveal says it too, but it changes nothing there.
        washed = self.write("w.csv", self.read("out.csv"))
        p = run(["reveal", "-q", "-k", self.key_file, "--rules", rules, washed])
        self.assertExit(p, 0)
        self.assertIn(b"'b.navn' (line 4", p.stderr)

    def test_table_column_rewrites_one_table(self):
        rules = self.write("r.yaml", "fields:\n  b.navn: redact\n  public.a.id: empty\n"
                           "  navn: {sex: {male: M, female: K}}\n")
        dump = ("CREATE TABLE public.a (id integer, navn text, cpr text);\n"
                "CREATE TABLE public.b (id integer, navn text, cpr text);\n"
                "COPY public.a (id, navn, cpr) FROM stdin;\n1\tx\t2911700657\n\\.\n"
                "COPY public.b (id, navn, cpr) FROM stdin;\n2\tBo\t2911700657\n\\.\n"
                "INSERT INTO b VALUES (3, 'Carl', '0405205297');\n")
        src = self.write("in.sql", dump)
        self.wash("-q", "--keep=none", "--rules", rules, "--manifest", self.path("m.json"),
                  "-o", self.path("out.sql"), src)
        out = self.read("out.sql").decode()
        lines = out.splitlines()
        a = lines[3].split("\t")
        self.assertEqual(a[0], "\\N")                       # a.id emptied (b.id kept)
        self.assertEqual(a[1], "M" if birth(a[2])[3] else "K")  # a.navn: the plain rule
        self.assertEqual(lines[6].split("\t")[:2], ["2", "[CPR]"])
        self.assertIn("(3, '[CPR]', '", lines[8])
        back = run(["reveal", "-q", "-k", self.key_file, "--manifest", self.path("m.json"),
                    self.path("out.sql")])
        self.assertExit(back, 0)
        # The numbers and the sex come back; the emptied id and redacted names cannot.
        self.assertEqual(back.stdout.decode().splitlines()[3], "\\N\tM\t2911700657")
        self.assertIn("(3, '[CPR]', '0405205297')", back.stdout.decode())

    def test_journal_example_names_every_column_with_its_table(self):
        rules = os.path.join(os.path.dirname(SAMPLE_DIR), "rules", "journal.yaml")
        dump = os.path.join(SAMPLE_DIR, "journal.sql")
        p = self.wash("--rules", rules, "-o", self.path("j.sql"), dump)
        self.assertNotIn(b"named no field", p.stderr)
        out = self.read("j.sql").decode()
        self.assertNotIn("Bøgevej 104", out)
        self.assertIn("'Aarhus C'", out)  # bynavn has no rule
        # The same rules with a table the dump does not have: said, exit 7.
        typo = self.write("typo.yaml", open(rules, encoding="utf-8").read()
                          .replace("kontakt.notat", "kontakter.notat"))
        p = self.wash("--rules", typo, "-o", self.path("t.sql"), dump, code=7)
        self.assertIn(b"'kontakter.notat' (line 11 of", p.stderr)

    def test_json_companions_before_and_after_the_number(self):
        rules = self.write("r.yaml", "fields:\n  foedselsdato: {birth_date: YYYY-MM-DD}\n"
                           "  koen: {sex: {male: M, female: K}}\n  aar: {birth_year: YYYY}\n")
        rows = [("2020-05-04", "0405205297", "M"), ("1970-11-29", "2911700657", "M")]
        data = "".join(json.dumps({"foedselsdato": d, "cpr": c, "koen": k, "aar": int(d[:4])}) + "\n"
                       for d, c, k in rows)
        src = self.write("in.jsonl", data)
        p = self.wash("--keep=none", "--rules", rules, "--manifest", self.path("m.json"),
                      "-o", self.path("out.jsonl"), src)
        self.assertNotIn(b"could not be rewritten", p.stderr)
        washed = self.read("out.jsonl").decode()
        for line in washed.splitlines():
            row = json.loads(line)
            year, month, day, male = birth(row["cpr"])
            self.assertEqual(row["foedselsdato"], "%04d-%02d-%02d" % (year, month, day), row)
            self.assertEqual(row["koen"], "M" if male else "K", row)
            self.assertEqual(row["aar"], year, row)
        self.assertNotIn("0405205297", washed)
        back = run(["reveal", "-q", "-k", self.key_file, "--manifest", self.path("m.json"),
                    self.path("out.jsonl")])
        self.assertExit(back, 0)
        self.assertEqual(back.stdout.decode(), data)


if __name__ == "__main__":
    unittest.main()

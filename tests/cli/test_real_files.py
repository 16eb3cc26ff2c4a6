# SPDX-License-Identifier: Apache-2.0
"""Washing files as users have them: an SQL dump, a CSV export, a JSON
export, an XML message and an HL7 message, each also gzip-compressed and as
UTF-16 text with a BOM (Excel's "Unicode text"). After a wash, none of the
people's numbers is left in any written form, the file still parses as its
format with the same rows, and reveal with the manifest restores it byte for
byte. The people are made here from the CPR rules and checked with
python-stdnum, not with dkcpr."""
import csv
import datetime
import gzip
import io
import json
import os
import random
import re
import sqlite3
import sys
import unittest
import xml.etree.ElementTree as ET

from stdnum.dk import cpr as stdnum_cpr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import CliTestCase, run  # noqa: E402

rng = random.Random(20261201)
NAMES = ["Søren Ærbø", "Åse Østergård", "Jens Hansen", "Mette Frederiksen", "Ib Ølgaard"]


def person_number():
    """A valid CPR number (mod 11 or not) of a person born 1925-2020."""
    while True:
        born = datetime.date(1925, 1, 1) + datetime.timedelta(days=rng.randrange(35000))
        yy = born.year % 100
        seventh = rng.choice([d for d in range(10)
                              if (d <= 3 and born.year < 2000) or
                              (d in (4, 9) and ((yy <= 36) == (born.year >= 2000))) or
                              (5 <= d <= 8 and yy <= 57 and born.year >= 2000)])
        number = "%02d%02d%02d%d%03d" % (born.day, born.month, yy, seventh, rng.randrange(1000))
        if stdnum_cpr.is_valid(number):
            return number


PEOPLE = [person_number() for _ in range(40)]


def written(n, i):
    """The number as people and programs write it, varying by row."""
    return [n, n[:6] + "-" + n[6:], n[:6] + " " + n[6:]][i % 3]


def sql_dump():
    rows = ",\n".join("(%d, '%s', '%s', 'kontakt %s')" % (i, written(n, i), NAMES[i % 5], n)
                      for i, n in enumerate(PEOPLE))
    return ("CREATE TABLE borger (id INTEGER, cpr TEXT, navn TEXT, note TEXT);\n"
            "INSERT INTO borger VALUES\n" + rows + ";\n")


def csv_export():
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(["id", "CPR-nr.", "Navn", "Bemærkning"])
    for i, n in enumerate(PEOPLE):
        w.writerow([i, written(n, i), NAMES[i % 5], "ring til %s" % n if i % 4 == 0 else ""])
    return out.getvalue()


def json_export():
    return json.dumps([{"id": i, "cprNr": written(n, i), "navn": NAMES[i % 5]}
                       for i, n in enumerate(PEOPLE)], ensure_ascii=False, indent=1) + "\n"


def xml_message():
    items = "".join("<Borger><PersonCivilRegistrationIdentifier>%s"
                    "</PersonCivilRegistrationIdentifier><Navn>%s</Navn></Borger>\n"
                    % (written(n, i), NAMES[i % 5]) for i, n in enumerate(PEOPLE))
    return '<?xml version="1.0" encoding="UTF-8"?>\n<Borgere>\n' + items + "</Borgere>\n"


def hl7_message():
    segs = ["MSH|^~\\&|EPJ|REGH|LAB|REGH|20261201120000||ADT^A01|MSG0001|P|2.5"]
    for i, n in enumerate(PEOPLE):
        segs.append("PID|1||%s^^^CPR^PN||%s" % (n, NAMES[i % 5].replace(" ", "^")))
    return "\r".join(segs) + "\r"


def parse(kind, text):
    """The file's rows as its format reads them (raises if it does not)."""
    if kind == "sql":
        db = sqlite3.connect(":memory:")
        db.executescript(text)
        return db.execute("SELECT id, navn FROM borger ORDER BY id").fetchall()
    if kind == "csv":
        return [r[0::2] for r in csv.reader(io.StringIO(text, newline=""), delimiter=";")]
    if kind == "json":
        return [(r["id"], r["navn"]) for r in json.loads(text)]
    if kind == "xml":
        return [b.find("Navn").text for b in ET.fromstring(text)]
    if kind == "hl7":
        return [s.split("|")[5] for s in text.split("\r") if s.startswith("PID")]
    raise ValueError(kind)


FILES = {"sql": sql_dump, "csv": csv_export, "json": json_export, "xml": xml_message,
         "hl7": hl7_message}


def forms_of(n):
    return [n, n[:6] + "-" + n[6:], n[:6] + " " + n[6:]]


class RealFilesTest(CliTestCase):
    def wash_and_check(self, kind, text, encode, decode, label):
        src = self.write("export." + label, encode(text))
        out = self.path("washed." + label)
        manifest = self.path("m.json")
        p = run(["wash", "-k", self.key_file, "--manifest", manifest, "-o", out, src])
        self.assertExit(p, 0)
        washed_bytes = open(out, "rb").read()
        washed = decode(washed_bytes)
        for n in PEOPLE:  # nothing identifying survives, in any written form
            for form in forms_of(n):
                self.assertNotIn(form, washed, f"{kind}: {form} survived")
        self.assertEqual(parse(kind, washed), parse(kind, text))  # still works
        found = json.load(open(manifest))["counts"]
        self.assertGreaterEqual(found["replaced"], len(PEOPLE))
        self.assertEqual(found["left_unchanged"], 0)
        back = run(["reveal", "-k", self.key_file, "--manifest", manifest, out])
        self.assertExit(back, 0)
        if label.endswith(".gz"):
            self.assertEqual(gzip.decompress(back.stdout), gzip.decompress(encode(text)))
        else:
            self.assertEqual(back.stdout, encode(text))

    def test_plain_gzip_and_utf16_files(self):
        variants = {
            "utf8": (lambda t: t.encode(), lambda b: b.decode()),
            "gz": (lambda t: gzip.compress(t.encode()), lambda b: gzip.decompress(b).decode()),
            "utf16": (lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
                      lambda b: b.decode("utf-16")),
            "utf16.gz": (lambda t: gzip.compress(b"\xff\xfe" + t.encode("utf-16-le")),
                         lambda b: gzip.decompress(b).decode("utf-16")),
        }
        for kind, make in FILES.items():
            text = make()
            for name, (encode, decode) in variants.items():
                with self.subTest(kind=kind, variant=name):
                    self.wash_and_check(kind, text, encode, decode, kind + "." + name)

    def test_people_are_real_numbers(self):
        # The check above only means something if the people were found
        # before: every one is a valid CPR number by an independent library.
        self.assertTrue(all(stdnum_cpr.is_valid(n) for n in PEOPLE))
        self.assertTrue(all(re.search(n, sql_dump()) for n in PEOPLE))


if __name__ == "__main__":
    unittest.main(verbosity=2)

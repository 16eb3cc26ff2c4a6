# SPDX-License-Identifier: Apache-2.0
"""dkcpr wash --format: CSV, TSV, JSON and JSON Lines washed by their
structure. Python's csv and json modules judge the output; `dkcpr scan`
judges whether an original number survived; reveal must give the input back
byte for byte."""
import csv
import io
import json
import random
import sys
import unittest

from clitest import SAMPLES, CliTestCase, run


def originals(n, seed):
    """n distinct valid CPR numbers from the program's own generator, a third
    of them born on days 1-9 (the ones that lose their leading zero)."""
    early = run(["generate", "-n", str(n // 3 + 1), "--seed", seed + "-early",
                 "--born", "1950..2005"]).stdout.decode().split()
    early = [c for c in early]
    rest = run(["generate", "-n", str(n), "--seed", seed, "--born", "1900..2020"]).stdout.decode().split()
    nums = [c for c in early if c[0] == "0"] + rest
    return list(dict.fromkeys(nums))[:n]


class StructuredTest(CliTestCase):
    def wash(self, name, *opts, code=0):
        out = self.path(name + ".washed")
        p = run(["wash", "-q", "-k", self.key_file, "-o", out, *opts, self.path(name)])
        self.assertExit(p, code)
        return out, p

    def pseudonyms(self, nums):
        """{number: its ten-digit pseudonym}, from a text wash of the numbers."""
        self.write("numbers.txt", "".join(c + "\n" for c in nums))
        out, _ = self.wash("numbers.txt", "--format=text")
        return dict(zip(nums, self.read(out).decode().split()))

    @staticmethod
    def as_integer(p):
        """How an integer (or a value that lost its leading zero) writes p."""
        return str(int(p))

    def reveal_equals(self, washed, original, *opts):
        p = run(["reveal", "-q", "-k", self.key_file, *opts, washed])
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, self.read(original), "reveal is not byte-exact")

    def survivors(self, path, nums):
        """Original numbers that dkcpr scan still finds in path."""
        p = run(["scan", "--json", "--show", "--nine-digits", path])
        found = {json.loads(line)["number"].replace("-", "")
                 for line in p.stdout.decode().splitlines()}
        return found & set(nums)

    def csv_data(self, nums, delim):
        rng = random.Random(7)
        rows = [["id", "CPR_nr", "name", "note"]]
        for i, c in enumerate(nums):
            form = rng.choice(["ten", "dash", "nine", "quoted"])
            if form == "nine" and c[0] == "0":
                v = c[1:]
            elif form == "dash":
                v = c[:6] + "-" + c[6:]
            else:
                v = c
            note = rng.choice(["", f"ring om {nums[(i + 1) % len(nums)]}", 'a "quoted"\nline'])
            rows.append([str(i), v, f"navn{delim}{i}" if i % 5 == 0 else f"navn{i}", note])
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delim, lineterminator="\r\n" if delim == "," else "\n",
                       quoting=csv.QUOTE_MINIMAL)
        w.writerows(rows)
        return buf.getvalue().encode(), rows

    def check_delimited(self, name, delim, fmt):
        nums = originals(300, "csv-" + fmt)
        data, rows = self.csv_data(nums, delim)
        self.write(name, data)
        pseudonym = self.pseudonyms(nums)
        out, _ = self.wash(name, "--format=" + fmt)
        washed = list(csv.reader(io.StringIO(self.read(out).decode(), newline=""), delimiter=delim))
        self.assertEqual(len(washed), len(rows))
        grown = 0
        for c, before, after in zip(nums, rows[1:], washed[1:]):
            self.assertEqual(len(after), 4)
            self.assertEqual(before[0], after[0])
            self.assertEqual(before[2], after[2])
            v, w, p = before[1], after[1], pseudonym[c]
            # The person's one pseudonym, in the cell's form; a cell that
            # lost its leading zero stays a number.
            if len(v) == 9:
                self.assertEqual(w, self.as_integer(p))
                grown += len(w) == 10
            elif "-" in v:
                self.assertEqual(w, p[:6] + "-" + p[6:])
            else:
                self.assertEqual(w, p)
        self.assertEqual(self.survivors(out, nums), set())
        # Reveal gives the input back, but for the cells that lost a leading
        # zero and whose pseudonym has none: they get their zero back.
        p = run(["reveal", "-q", "-k", self.key_file, "--format=" + fmt, out])
        self.assertExit(p, 0)
        back = list(csv.reader(io.StringIO(p.stdout.decode(), newline=""), delimiter=delim))
        for before, after, w in zip(rows, back, washed):
            if len(before[1]) == 9 and len(w[1]) == 10:
                self.assertEqual(after[1], "0" + before[1])
                after[1] = before[1]
            self.assertEqual(before, after)
        self.assertGreater(grown, 0)

    def test_csv(self):
        self.check_delimited("people.csv", ",", "csv")

    def test_tsv(self):
        self.check_delimited("people.tsv", "\t", "tsv")

    def test_danish_spreadsheet_csv(self):
        # The shipped sample: semicolons, as Danish Excel writes CSV.
        sample = next(s for s in SAMPLES if s.endswith("kunder.csv"))
        rows = list(csv.reader(open(sample, newline="", encoding="utf-8"), delimiter=";"))
        nums = [r[0].replace("-", "") for r in rows[1:]]
        pseudonym = self.pseudonyms(nums)
        self.write("kunder.csv", self.read(sample))
        out, _ = self.wash("kunder.csv")
        washed = list(csv.reader(io.StringIO(self.read(out).decode(), newline=""), delimiter=";"))
        self.assertEqual(len(washed), len(rows))
        for c, before, after in zip(nums, rows[1:], washed[1:]):
            self.assertEqual(before[1:10], after[1:10])  # names, birth date, ... kundenr
            p = pseudonym[c]
            self.assertEqual(after[0], p[:6] + "-" + p[6:] if "-" in before[0] else p)
        self.assertEqual(self.survivors(out, nums), set())
        self.reveal_equals(out, self.path("kunder.csv"))
        # By content too, under a name that says nothing.
        self.write("kunder.dat", self.read(sample))
        out2, _ = self.wash("kunder.dat")
        self.assertEqual(self.read(out2), self.read(out))

    def test_csv_by_name_and_by_content(self):
        nums = originals(30, "auto")
        data, _ = self.csv_data(nums, ",")
        self.write("people.csv", data)
        self.write("people.dat", data)
        a, _ = self.wash("people.csv")
        b, _ = self.wash("people.dat")
        c, _ = self.wash("people.csv", "--format=csv")
        self.assertEqual(self.read(a), self.read(c))
        self.assertEqual(self.read(b), self.read(c))

    def json_doc(self, nums):
        rng = random.Random(11)
        doc = {"patients": []}
        for i, c in enumerate(nums):
            rec = {"id": i, "cpr": int(c), "cprNr": c,
                   "kontakt": {"personnummer": [c[:6] + "-" + c[6:], int(c)]},
                   "note": f"cpr {c} ringede", "amount": rng.choice([1.5, -3, 1e10, 0])}
            doc["patients"].append(rec)
        return doc

    def check_json_ints(self, before, after, pseudonym):
        for b, a in zip(before["patients"], after["patients"]):
            p = pseudonym[b["cprNr"]]
            # Every form names the person's one pseudonym; integers stay integers.
            self.assertEqual(a["cprNr"], p)
            self.assertIsInstance(a["cpr"], int)
            self.assertEqual(a["cpr"], int(p))
            self.assertEqual(a["kontakt"]["personnummer"], [p[:6] + "-" + p[6:], int(p)])
            self.assertEqual(a["note"], f"cpr {p} ringede")
            self.assertEqual(a["id"], b["id"])
            self.assertEqual(a["amount"], b["amount"])

    def test_json(self):
        nums = originals(200, "json")
        doc = self.json_doc(nums)
        self.write("people.json", json.dumps(doc, indent=1))
        out, _ = self.wash("people.json", "--format=json")
        washed = json.loads(self.read(out))
        self.check_json_ints(doc, washed, self.pseudonyms(nums))
        self.assertEqual(self.survivors(out, nums), set())
        self.reveal_equals(out, self.path("people.json"), "--format=json")

    def test_json_integers_are_the_persons_pseudonyms(self):
        nums = [c for c in originals(600, "ten") if c[0] != "0"]
        pseudonym = self.pseudonyms(nums)
        self.write("n.json", json.dumps({"cpr": [int(c) for c in nums], "other": [int(c) for c in nums]}))
        out, p = self.wash("n.json")
        washed = json.loads(self.read(out))
        for key in ("cpr", "other"):
            self.assertEqual(washed[key], [int(pseudonym[c]) for c in nums])
        self.assertEqual(self.survivors(out, nums), set())
        # Outside a CPR field reveal does not read nine digits (no --nine-digits):
        # those are counted as irreversible, and stay pseudonyms.
        nine = sum(pseudonym[c][0] == "0" for c in nums)
        self.assertGreater(nine, 0)
        p = run(["wash", "-k", self.key_file, "-o", self.path("n2.json"), self.path("n.json")])
        self.assertIn(f"irreversibly {nine},".encode(), p.stderr)
        p = run(["reveal", "-q", "-k", self.key_file, out])
        self.assertExit(p, 0)
        back = json.loads(p.stdout)
        self.assertEqual(back["cpr"], [int(c) for c in nums])
        self.assertEqual(back["other"], [int(c) if pseudonym[c][0] != "0" else int(pseudonym[c])
                                         for c in nums])
        # With --nine-digits on both sides, every number comes back.
        out, _ = self.wash("n.json", "--nine-digits")
        self.reveal_equals(out, self.path("n.json"), "--nine-digits")

    def test_jsonl(self):
        nums = originals(100, "jsonl")
        lines = [json.dumps({"cpr": int(c), "navn": f"p{i}", "tekst": f"{c}"}) for i, c in enumerate(nums)]
        self.write("p.jsonl", "\n".join(lines) + "\n")
        out, _ = self.wash("p.jsonl")
        got = [json.loads(l) for l in self.read(out).decode().splitlines()]
        self.assertEqual(len(got), len(nums))
        pseudonym = self.pseudonyms(nums)
        for c, g in zip(nums, got):
            self.assertEqual(g["cpr"], int(pseudonym[c]))
            self.assertEqual(g["tekst"], pseudonym[c])
        self.assertEqual(self.survivors(out, nums), set())
        self.reveal_equals(out, self.path("p.jsonl"))

    def test_pg_dump(self):
        nums = originals(200, "pg")
        rows = []
        for i, c in enumerate(nums):
            v = c[:6] + "-" + c[6:] if i % 3 == 0 else c
            rows.append(f"{i}\t{v}\t{int(c)}\tNavn {i}\t{'ring ' + nums[i - 1] if i % 4 == 0 else chr(92) + 'N'}")
        dump = ("--\n-- PostgreSQL database dump\n--\n"
                "CREATE TABLE public.person (\n    id integer NOT NULL,\n    cpr character(11),\n"
                "    patient_cpr bigint,\n    navn text,\n    note text\n);\n"
                "COPY public.person (id, cpr, patient_cpr, navn, note) FROM stdin;\n"
                + "\n".join(rows) + "\n\\.\n\n"
                # A backslash is plain text in a standard string (pg_dump's).
                + "".join(f"INSERT INTO public.person VALUES ({i}, '{c}', {int(c)}, 'O''Neil', 'C:\\tmp\\');\n"
                          for i, c in enumerate(nums[:50])))
        self.write("dump.sql", dump)
        out, _ = self.wash("dump.sql")
        washed = self.read(out).decode()
        copy = washed.split("FROM stdin;\n", 1)[1].split("\n\\.\n", 1)[0].split("\n")
        self.assertEqual(len(copy), len(nums))
        for before, after in zip(rows, copy):
            b, a = before.split("\t"), after.split("\t")
            self.assertEqual((b[0], b[3]), (a[0], a[3]))
            self.assertEqual(len(a[1]), len(b[1]))
            self.assertRegex(a[2], r"^[1-9][0-9]*$")  # still a bigint literal
            self.assertEqual(int(a[2]), int(a[1].replace("-", "")))  # the same person
        for line in washed.splitlines():
            if line.startswith("INSERT"):
                self.assertRegex(line, r"^INSERT INTO public.person VALUES \([0-9]+, '[0-9]{10}', [1-9][0-9]{8,9}, 'O''Neil', 'C:\\tmp\\'\);$")
        self.assertEqual(self.survivors(out, nums), set())
        self.reveal_equals(out, self.path("dump.sql"))

    def test_mysql_dump_loads_into_sqlite(self):
        import sqlite3
        nums = originals(120, "mysql")
        tuples = ",".join(f"({i},{int(c)},'{c[:6]}-{c[6:]}','it\\'s {c}')" for i, c in enumerate(nums))
        dump = ("-- MySQL dump 10.13\n"
                "CREATE TABLE `kunde` (\n  `id` int(11) NOT NULL,\n  `cpr` bigint(20) DEFAULT NULL,\n"
                "  `cpr_nr` varchar(11) DEFAULT NULL,\n  `note` text\n);\n"
                f"INSERT INTO `kunde` VALUES {tuples};\n")
        self.write("my.sql", dump)
        out, _ = self.wash("my.sql")
        washed = self.read(out).decode()
        self.assertEqual(self.survivors(out, nums), set())
        self.reveal_equals(out, self.path("my.sql"))
        db = sqlite3.connect(":memory:")
        # SQLite reads the statements once MySQL's backslash escape is made standard.
        db.executescript(washed.replace("\\'", "''"))
        got = db.execute("SELECT id, typeof(cpr), cpr, cpr_nr FROM kunde ORDER BY id").fetchall()
        self.assertEqual(len(got), len(nums))
        pseudonym = self.pseudonyms(nums)
        for (i, t, cpr, cpr_nr), c in zip(got, nums):
            self.assertEqual(t, "integer")
            self.assertEqual(cpr, int(pseudonym[c]))
            self.assertEqual(cpr_nr, pseudonym[c][:6] + "-" + pseudonym[c][6:])

    def test_bad_sql_is_an_input_error(self):
        self.write("cut.sql", "COPY t (cpr) FROM stdin;\n0405205297\n")
        _, p = self.wash("cut.sql", "--format=sql", code=3)
        self.assertIn(b"line 3, column 1", p.stderr)

    def test_extra_cpr_field(self):
        self.write("k.csv", "kunde,navn\n405205297,A\n")
        out, _ = self.wash("k.csv")
        self.assertEqual(self.read(out), b"kunde,navn\n405205297,A\n")
        out, _ = self.wash("k.csv", "--cpr-field=Kunde")
        self.assertNotIn(b"405205297", self.read(out))
        self.assertRegex(self.read(out), rb"^kunde,navn\n[0-9]{9},A\n$")

    def test_bad_csv_is_an_input_error_with_position(self):
        self.write("bad.csv", 'a,b\n1,2\n3,x"y\n')
        _, p = self.wash("bad.csv", "--format=csv", code=3)
        self.assertIn(b"line 3, column 4", p.stderr)
        self.assertIn(b"quote inside an unquoted field", p.stderr)

    def test_bad_json_is_an_input_error_with_position(self):
        self.write("bad.json", '{"a": 1,\n "cpr": 0405205297}')
        _, p = self.wash("bad.json", "--format=json", code=3)
        self.assertIn(b"line 2", p.stderr)
        self.write("cut.json", '[{"cpr": 405205297}')
        _, p = self.wash("cut.json", "--format=json", code=3)

    def test_auto_falls_back_to_text_and_says_so(self):
        self.write("bad.json", '{"cpr": 0405205297 oops')
        out = self.path("o")
        p = run(["wash", "-k", self.key_file, "-o", out, self.path("bad.json")])
        self.assertExit(p, 0)
        self.assertIn(b"washed as text", p.stderr)
        self.assertNotIn(b"0405205297", self.read(out))

    def test_text_format_is_the_old_behaviour(self):
        self.write("t.json", '{"cpr": 405205297}')
        out, _ = self.wash("t.json", "--format=text")
        self.assertEqual(self.read(out), b'{"cpr": 405205297}')

    def test_unknown_format(self):
        p = run(["wash", "-k", self.key_file, "--format=yaml", "-"], stdin=b"")
        self.assertExit(p, 2)


if __name__ == "__main__":
    unittest.main()

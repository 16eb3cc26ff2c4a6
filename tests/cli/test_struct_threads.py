# SPDX-License-Identifier: Apache-2.0
"""dkcpr wash -j and reveal -j on CSV, TSV, JSON arrays, JSON Lines and SQL
dumps: the input is cut into parts between records, each washed on a thread
of its own, and the output, the summary, the manifest and the place of a syntax
error must be those of -j 1. DKCPR_TEST_SEGMENT_BYTES makes the parts small,
so inputs of a few megabytes are cut into hundreds of them."""
import json
import os
import random
import unittest

from clitest import CliTestCase, run

RULES = """fields:
  foedselsdato: {birth_date: DD.MM.YYYY}
  born: {birth_date: YYYY-MM-DD}
  koen: {sex: {male: M, female: K}}
  gender: {sex: {male: M, female: K}}
  telefon: redact
  phone: redact
  late.secret: redact
"""

# Small parts: the first megabyte is washed alone, then parts of about this.
SEGMENT = {"DKCPR_TEST_SEGMENT_BYTES": "3000"}
MEGABYTES = 1.6
# DKCPR_TEST_LIGHT: fewer runs, for the ThreadSanitizer gate (slow there).
LIGHT = bool(os.environ.get("DKCPR_TEST_LIGHT"))
JOBS = (3,) if LIGHT else (2, 3, 4)


def numbers(count, seed):
    p = run(["generate", "--count", str(count), "--seed", seed, "--born", "1930..2020"])
    assert p.returncode == 0, p.stderr
    return p.stdout.decode().split()


def birth(n):
    return n[0:2] + "." + n[2:4] + "." + ("19" if int(n[6]) < 4 else "20") + n[4:6]


def sex(n):
    return "M" if int(n[9]) % 2 else "K"


def written(rng, n):
    return rng.choice([n, n[:6] + "-" + n[6:], n[:6] + " " + n[6:]])


def note(rng, n):
    """Free text: a number with words around it (context), quotes, commas."""
    return rng.choice([
        "ring tirsdag, cpr %s" % written(rng, n),
        'sagt "nej" til %s' % n,
        "kontrol efter udskrivelse",
        "nr. %s; se journal" % (n[:6] + "-" + n[6:]),
        "Personnummer:\n%s (flyttet)" % n,  # a line feed inside quotes
        "flyttet, ny cpr",
    ])


def ref(rng, n):
    """A number at a record's start, where only the record before can give
    it context: its note may end in a context word."""
    return rng.choice([n[::-1], n])


def fill(make, seed, size):
    rng = random.Random(seed)
    nums = numbers(2000, seed)
    out, total, i = [], 0, 0
    while total < size:
        rec = make(rng, nums[i % len(nums)], i)
        out.append(rec)
        total += len(rec)
        i += 1
    return "".join(out)


def csv_text(size):
    def row(rng, n, i):
        q = note(rng, n).replace('"', '""')
        return '%s;%d;%s;"%s";Hanne S\u00f8rensen;%s;%08d;"%s"\r\n' % (
            ref(rng, n), i, written(rng, n), birth(n), sex(n), 20000000 + i, q)
    head = "\ufeffref;id;cpr_nr;foedselsdato;navn;koen;telefon;note\r\n"
    return (head + fill(row, "csv", size)).encode()


def tsv_text(size):
    def row(rng, n, i):
        return "%s\t%d\t%s\t%s\t%s\tHanne\t%s\n" % (ref(rng, n), i, n, birth(n), sex(n),
                                               note(rng, n).replace("\n", " ").replace('"', ""))
    return ("ref\tid\tcpr\tfoedselsdato\tkoen\tnavn\tnote\n" + fill(row, "tsv", size)).encode()


def jsonl_text(size):
    def row(rng, n, i):
        rec = {"ref": ref(rng, n), "id": i, "patient": {"cprNr": written(rng, n), "navn": "Hanne"},
               "foedselsdato": birth(n), "koen": sex(n), "cpr": int(n),
               "note": note(rng, n), "telefon": "%08d" % (20000000 + i)}
        if i % 7 == 0:  # a value over several lines
            return json.dumps(rec, indent=1) + "\n"
        return json.dumps(rec, ensure_ascii=i % 2 == 0) + "\n"
    return fill(row, "jsonl", size).encode()


def json_text(size, minified=False):
    """A top-level array: object items (rows; some over several lines, one
    line in all when minified) and now and then an item that is no object."""
    def row(rng, n, i):
        rec = {"ref": ref(rng, n), "id": i, "patient": {"cprNr": written(rng, n), "navn": "Hanne"},
               "foedselsdato": birth(n), "koen": sex(n), "cpr": int(n),
               "note": note(rng, n), "telefon": "%08d" % (20000000 + i), "tags": [i, [n]]}
        if i % 11 == 5:
            rec = [rec, n] if i % 2 else n
        if minified:
            return "," + json.dumps(rec, separators=(",", ":"), ensure_ascii=i % 2 == 0)
        return ",\n" + json.dumps(rec, indent=None if i % 3 else 2, ensure_ascii=i % 2 == 0)
    return ("[" + fill(row, "json", size)[1:] + ("]" if minified else "\n]\n")).encode()


def sql_text(size):
    ddl = """--
-- PostgreSQL database dump
--
SET statement_timeout = 0;
CREATE FUNCTION public.load() RETURNS void
    LANGUAGE sql
    AS $$
COPY public.fake (cpr) FROM stdin;
$$;
CREATE TABLE public.patient (
    ref text,
    id integer NOT NULL,
    born date,
    cpr bigint,
    navn text,
    gender character(1),
    phone text,
    note text
);
CREATE TABLE public.person (
    id integer,
    cpr_nr text,
    data jsonb
);
"""
    def patient(rng, n, i):
        return "%s\t%d\t%s-%s-%s\t%s\tHanne\t%s\t%08d\t%s\n" % (
            ref(rng, n), i, ("19" if int(n[6]) < 4 else "20") + n[4:6], n[2:4], n[0:2], n.lstrip("0"),
            sex(n), 20000000 + i, note(rng, n).replace("\n", "\\n"))

    def person(rng, n, i):
        data = json.dumps({"cpr": written(rng, n), "note": note(rng, n)}).replace("\\", "\\\\")
        return "%d\t%s\t%s\n" % (i, written(rng, n), data)

    parts = [ddl]
    for k in range(4):
        parts.append("\nCOPY public.patient (ref, id, born, cpr, navn, gender, phone, note)"
                     " FROM stdin;\n")
        parts.append(fill(patient, "p%d" % k, size / 8))
        parts.append("\\.\n\nCOPY public.person (id, cpr_nr, data) FROM stdin;\n")
        parts.append(fill(person, "q%d" % k, size / 8))
        parts.append("\\.\n\n")
        for i in range(30):
            parts.append("INSERT INTO public.person VALUES (%d, '%s', '{\"x\": 1}');\n"
                         % (i, numbers(1, "i%d%d" % (k, i))[0]))
    # A table only at the end, named by a rule: the parts' washers find it.
    parts.append("CREATE TABLE public.late (id integer, secret text);\n"
                 "COPY public.late (id, secret) FROM stdin;\n1\tswordfish\n\\.\n")
    return "".join(parts).encode()


class StructThreadsTest(CliTestCase):
    def wash(self, jobs, kind, data, opts=(), cmd="wash"):
        """Returns the run and the manifest it wrote (reveal: reads the wash's)."""
        src = self.write("in." + kind, data)
        manifest = self.path("m%d.json" % jobs if cmd == "wash" else "wash.json")
        p = run([cmd, "--key-file", self.key_file, "-j", str(jobs), "--manifest", manifest]
                + list(opts) + [src], env=SEGMENT)
        m = None
        if p.returncode in (0, 7) and cmd == "wash":
            with open(manifest, "rb") as f:
                m = json.load(f)
            m.pop("created", None)
        return p, m

    def same_for_all_jobs(self, kind, data, opts=(), cmd="wash"):
        one, m1 = self.wash(1, kind, data, opts, cmd)
        # 7: rules that named no field of this format (RULES serves them all)
        self.assertIn(one.returncode, (0, 7) if "--rules" in opts else (0,), one.stderr)
        for jobs in JOBS:
            many, m = self.wash(jobs, kind, data, opts, cmd)
            self.assertEqual(many.returncode, one.returncode, (kind, opts, jobs))
            self.assertEqual(many.stdout, one.stdout, (kind, opts, jobs))
            self.assertEqual(many.stderr, one.stderr, (kind, opts, jobs))
            self.assertEqual(m, m1, (kind, opts, jobs))
        return one.stdout

    def check_format(self, kind, data):
        rules = self.write("rules.yaml", RULES)
        for opts in [["--rules", rules]] if LIGHT else ([], ["--rules", rules], ["--mode", "mask"]):
            with self.subTest(kind=kind, opts=opts):
                washed = self.same_for_all_jobs(kind, data, opts)
                self.assertNotEqual(washed, data)
                if kind == "sql" and opts and opts[0] == "--rules":
                    self.assertNotIn(b"swordfish", washed)
                if not opts:  # reveal in parts too, by the wash's manifest
                    os.replace(self.path("m1.json"), self.path("wash.json"))
                    back = self.same_for_all_jobs(kind, washed, (), "reveal")
                    self.assertEqual(back, data)

    def test_csv(self):
        self.check_format("csv", csv_text(MEGABYTES * 1e6))

    def test_tsv(self):
        self.check_format("tsv", tsv_text(MEGABYTES * 1e6))

    def test_json(self):
        self.check_format("json", json_text(MEGABYTES * 1e6))

    def test_json_minified(self):
        self.check_format("json", json_text(MEGABYTES * 1e6, minified=True))

    def test_jsonl(self):
        self.check_format("jsonl", jsonl_text(MEGABYTES * 1e6))

    def test_sql(self):
        self.check_format("sql", sql_text(MEGABYTES * 1e6))

    def test_syntax_error_deep_in_a_file(self):
        cases = {
            "csv": (csv_text(1.4e6), b'\r\n7;0101011234;x"y;z\r\n'),
            "jsonl": (jsonl_text(1.4e6), b'{"cpr": "0101011234",}\n'),
            "json": (json_text(1.4e6), b'{"cpr": "0101011234",},'),
            "json-minified": (json_text(1.4e6, True), b'{"cpr": "0101011234",},'),
            "sql": (sql_text(1.4e6), b"INSERT INTO t VALUES ('open\n"),
        }
        for kind, (data, bad) in cases.items():
            cut = data.rfind(b"\n", 0, int(len(data) * 0.8)) + 1
            if kind.startswith("json-"):  # inside the one line
                cut = data.rfind(b"},{", 0, int(len(data) * 0.8)) + 2
            elif kind == "json":
                cut = data.rfind(b",\n", 0, int(len(data) * 0.8)) + 2
            broken = data[:cut] + bad + data[cut:]
            if kind == "sql":
                broken = data + bad
            kind = kind.split("-")[0]
            with self.subTest(kind=kind):
                one, _ = self.wash(1, kind, broken)
                self.assertExit(one, 3)
                self.assertIn(b"line", one.stderr)
                for jobs in JOBS:
                    many, _ = self.wash(jobs, kind, broken)
                    self.assertExit(many, 3)
                    self.assertEqual(many.stderr, one.stderr, (kind, jobs))


if __name__ == "__main__":
    unittest.main()

# SPDX-License-Identifier: Apache-2.0
"""The binding and the dkcpr program give the same output for the same key,
context, keep and seed."""

import datetime
import os
import subprocess

import pytest

import dkcpr
from conftest import TEST_KEY

CLI = os.environ.get("DKCPR_CLI")
pytestmark = pytest.mark.skipif(not CLI or not os.path.exists(CLI), reason="dkcpr not built")

TEXT = ("INSERT INTO p VALUES ('070761-4285', 'Ærø 😀'), ('0101110117', 'x');\n"
        "cpr-nr. 611062 5629 og 2110625629\n") * 50


def cli(*args, stdin=""):
    return subprocess.run([CLI, *args], input=stdin.encode("utf-8"), check=True,
                          capture_output=True).stdout.decode("utf-8")


def test_generate_same_as_cli():
    assert cli("generate", "--count", "50", "--seed", "42").split() == \
        dkcpr.generate(50, seed=42)
    assert cli("generate", "--count", "20", "--seed", "s", "--sex", "f",
               "--born", "1970..1979-12-31").split() == \
        dkcpr.generate(20, seed="s", sex="female",
                       born=(datetime.date(1970, 1, 1), datetime.date(1979, 12, 31)))


@pytest.mark.parametrize("keep,never_real", [("year,sex", False), ("date", False),
                                             ("none", True)])
def test_wash_same_as_cli(tmp_path, keep, never_real):
    keyfile = tmp_path / "key"
    keyfile.write_text(TEST_KEY.hex() + "\n")
    args = ["wash", "-q", "-k", str(keyfile), "-c", "shop", "--keep", keep]
    if never_real:
        args.append("--never-real")
    names = () if keep == "none" else tuple(keep.split(","))
    with dkcpr.Pseudonymizer(TEST_KEY, "shop", keep=names, never_real=never_real) as p:
        ours = dkcpr.wash(TEXT, p)
        assert ours != TEXT
        assert cli(*args, stdin=TEXT) == ours


STRUCTURED = {
    "people.csv": "cpr_nr;navn;note\r\n405205297;Anna;ring 211062-5629\r\n0101580008;Bo;\r\n" * 20,
    "people.json": '{"p": [' + ", ".join(['{"cpr": 405205297, "cprNr": "2110625629", "n": 1505201234}']
                                          * 20) + "]}\n",
    "people.jsonl": '{"personnummer": 101580008, "tekst": "cpr 211062-5629"}\n' * 20,
    "dump.sql": ("CREATE TABLE t (id int, cpr bigint, note text);\n"
                 "COPY t (id, cpr, note) FROM stdin;\n" + "1\t405205297\tring 0101580008\n" * 20
                 + "\\.\nINSERT INTO t VALUES (2, 2110625629, 'C:\\tmp\\');\n"),
    "adt.hl7": ("MSH|^~\\&|EPJ|RH|LAB|KBA|20261201||ADT^A01|1|P|2.5\r"
                "PID|1||405205297^^^CPR^PN~77^^^RH^MR||Hansen^Bo\r"
                "OBX|1|TX|N||ring 211062-5629||||||F\r") * 20,
    "sager.xml": ('<?xml version="1.0"?>\n<sager>\n' + '  <sag cpr="405205297"><cprNr>2110625629'
                  '</cprNr><note>ring 0101580008 &amp; mor</note></sag>\n' * 20 + '</sager>\n'),
}


@pytest.mark.parametrize("name", sorted(STRUCTURED))
def test_wash_by_structure_same_as_cli(tmp_path, name):
    keyfile = tmp_path / "key"
    keyfile.write_text(TEST_KEY.hex() + "\n")
    keyfile.chmod(0o600)
    src = tmp_path / name
    src.write_text(STRUCTURED[name], encoding="utf-8")
    subprocess.run([CLI, "wash", "-q", "-k", str(keyfile), "-o", str(tmp_path / "cli.out"),
                    str(src)], check=True)
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        stats = dkcpr.wash_file(src, tmp_path / "py.out", p)
    assert stats["structure"] == name.split(".")[1].replace("dump", "sql")
    assert (tmp_path / "py.out").read_bytes() == (tmp_path / "cli.out").read_bytes()
    assert (tmp_path / "py.out").read_bytes() != src.read_bytes()


RULES = ("fields:\n  cpr_nr: cpr\n  fødselsdato: {birth_date: DD.MM.YYYY}\n"
         "  køn: {sex: {male: M, female: K}}\n  telefon: redact\n  bemærkning: empty\n")
RULES_CSV = ("fødselsdato;køn;cpr_nr;telefon;bemærkning\r\n"
             + "04.05.2020;M;0405205297;12345678;hej\r\n29.11.1970;M;291170-0657;;\"1; 2\"\r\n"
             * 10 + "01.01.2000;K;;87654321;x\r\n")


def test_wash_with_rules_same_as_cli(tmp_path):
    keyfile = tmp_path / "key"
    keyfile.write_text(TEST_KEY.hex() + "\n")
    keyfile.chmod(0o600)
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    (tmp_path / "kunder.csv").write_text(RULES_CSV, encoding="utf-8", newline="")
    # Wash, then reveal what the program washed: the same bytes each time.
    for mode, src, out in (("wash", "kunder.csv", "washed"), ("reveal", "washed.cli", "back")):
        subprocess.run([CLI, mode, "-q", "-k", str(keyfile), "--rules", str(rules),
                        "-o", str(tmp_path / f"{out}.cli"), str(tmp_path / src)], check=True)
        with dkcpr.Pseudonymizer(TEST_KEY) as p, pytest.warns(UserWarning, match="companion"):
            stats = dkcpr.wash_file(tmp_path / src, tmp_path / f"{out}.py", p, rules=rules,
                                    mode="reveal" if mode == "reveal" else "pseudonym")
        assert stats["structure"] == "csv" and stats["rules"]["unusable"] == 2
        assert (tmp_path / f"{out}.py").read_bytes() == (tmp_path / f"{out}.cli").read_bytes()
    with dkcpr.Pseudonymizer(TEST_KEY) as p, pytest.warns(UserWarning, match="companion"):
        assert dkcpr.wash(RULES_CSV, p, format="csv", rules=RULES).encode("utf-8") == \
            (tmp_path / "washed.cli").read_bytes()
    assert b"0405205297" not in (tmp_path / "washed.cli").read_bytes()
    assert b"0405205297" in (tmp_path / "back.cli").read_bytes()

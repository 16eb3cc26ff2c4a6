# SPDX-License-Identifier: Apache-2.0
"""Washing by structure from Python: wash(format=...) and wash_file, which
guesses the structure as the dkcpr program does; every form of a number
names the same pseudonym, and the files still parse."""
import csv
import io
import json
import warnings

import pytest

import dkcpr
from conftest import TEST_KEY

NUMBERS = ["0405205297", "1505201234", "2110625629", "0101580008"]


@pytest.fixture
def p():
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        yield p


def doc():
    return {"patients": [{"cpr": int(c), "cprNr": c, "note": f"ring {c}",
                          "kontakt": {"personnummer": c[:6] + "-" + c[6:]}, "id": i}
                         for i, c in enumerate(NUMBERS)]}


def test_json_every_form_names_one_pseudonym(p):
    text = json.dumps(doc())
    washed = json.loads(dkcpr.wash(text, p, format="json"))
    for c, rec in zip(NUMBERS, washed["patients"]):
        ps = p.pseudonymize(c)
        assert rec["cprNr"] == ps
        assert rec["cpr"] == int(ps)  # still a JSON number, no leading zero
        assert rec["note"] == f"ring {ps}"
        assert rec["kontakt"]["personnummer"] == ps[:6] + "-" + ps[6:]
    back = dkcpr.wash(json.dumps(washed), p, mode="reveal", format="json")
    assert json.loads(back) == doc()


def test_text_is_the_default_for_strings(p):
    text = json.dumps({"cpr": 405205297})
    assert dkcpr.wash(text, p) == text  # nine digits are not a number in text
    assert dkcpr.wash(text, p, format="json") != text
    assert dkcpr.wash(text, p, format="auto") == dkcpr.wash(text, p, format="json")


def test_csv_cpr_fields(p):
    text = "id,patient,note\r\n1,405205297,x\r\n2,2110625629,ring 0101580008\r\n"
    plain = dkcpr.wash(text, p, format="csv")
    assert "405205297" in plain  # "patient" does not say CPR
    rows = list(csv.reader(io.StringIO(dkcpr.wash(text, p, format="csv", cpr_fields=["patient"]),
                                       newline="")))
    assert rows[1][1] == str(int(p.pseudonymize("0405205297")))
    assert rows[2][1] == p.pseudonymize("2110625629")
    assert rows[2][2] == "ring " + p.pseudonymize("0101580008")


def test_wash_file_guesses_by_name_and_counts(p, tmp_path):
    src, dst = tmp_path / "people.json", tmp_path / "test.json"
    src.write_text(json.dumps(doc()))
    stats = dkcpr.wash_file(src, dst, p)
    assert stats["structure"] == "json"
    assert stats["cpr_fields"]["values"] == 3 * len(NUMBERS)
    assert stats["cpr_fields"]["replaced"] == 3 * len(NUMBERS)
    washed = json.loads(dst.read_text())
    assert [r["cpr"] for r in washed["patients"]] == [int(p.pseudonymize(c)) for c in NUMBERS]
    back = tmp_path / "back.json"
    dkcpr.wash_file(dst, back, p, mode="reveal")
    assert back.read_bytes() == src.read_bytes()
    # A named format wins over the name; "text" washes as before.
    stats = dkcpr.wash_file(src, tmp_path / "t.json", p, format="text")
    assert stats["structure"] == "text" and "cpr_fields" not in stats


def test_wash_file_guesses_by_content(p, tmp_path):
    src = tmp_path / "export.dat"
    src.write_bytes(b'{"cpr": 405205297}\n{"cpr": 2110625629}\n')
    stats = dkcpr.wash_file(src, tmp_path / "out.dat", p)
    assert stats["structure"] == "jsonl"
    got = [json.loads(line) for line in (tmp_path / "out.dat").read_text().splitlines()]
    assert got == [{"cpr": int(p.pseudonymize("0405205297"))},
                   {"cpr": int(p.pseudonymize("2110625629"))}]


def test_auto_falls_back_to_text_and_says_so(p, tmp_path):
    src = tmp_path / "notes.json"
    src.write_text('{"cpr": "0405205297" oops}\n')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        stats = dkcpr.wash_file(src, tmp_path / "out.json", p)
    assert stats["structure"] == "text"
    assert any("not valid json" in str(w.message) and "washed as text" in str(w.message)
               for w in caught)
    assert "0405205297" not in (tmp_path / "out.json").read_text()


def test_named_format_that_does_not_parse_raises_with_position(p, tmp_path):
    src, dst = tmp_path / "bad.json", tmp_path / "out.json"
    src.write_text('[\n {"cpr": 0405205297}\n]\n')
    dst.write_text("kept")
    with pytest.raises(dkcpr.CprError) as e:
        dkcpr.wash_file(src, dst, p, format="json")
    assert (e.value.status, e.value.line) == ("DKCPR_E_SYNTAX", 2)
    assert e.value.column >= 10 and e.value.offset > 0
    assert dst.read_text() == "kept"  # a failed wash leaves dst as it was
    with pytest.raises(dkcpr.CprError):
        dkcpr.wash('{"a": }', p, format="json")


def test_sql_dump(p):
    dump = ("CREATE TABLE person (id integer, cpr bigint, navn text);\n"
            "COPY person (id, cpr, navn) FROM stdin;\n1\t405205297\tA\n2\t2110625629\tB\n\\.\n"
            "INSERT INTO person VALUES (3, 101580008, 'C:\\tmp\\');\n")
    out = dkcpr.wash(dump, p, format="sql")
    assert f"1\t{int(p.pseudonymize('0405205297'))}\tA" in out
    assert f"(3, {int(p.pseudonymize('0101580008'))}, 'C:\\tmp\\')" in out
    assert dkcpr.wash(out, p, mode="reveal", format="sql") == dump


def test_bad_arguments(p, tmp_path):
    with pytest.raises(ValueError, match="format"):
        dkcpr.wash("x", p, format="yaml")
    with pytest.raises(TypeError):
        dkcpr.wash("x", p, format="csv", cpr_fields="patient")
    with pytest.raises(ValueError):
        dkcpr.wash("x", p, format="csv", cpr_fields=["a,b"])
    with pytest.raises(ValueError, match="format"):
        dkcpr.wash_file(tmp_path / "none", tmp_path / "out", p, format="yaml")


def test_semicolon_csv_as_danish_spreadsheets_write_it(p):
    text = "cpr_nr;navn;beløb\r\n405205297;Anna;12,50\r\n211062-5629;\"Bo; B\";1,5\r\n"
    rows = list(csv.reader(io.StringIO(dkcpr.wash(text, p, format="auto"), newline=""),
                           delimiter=";"))
    assert rows[1] == [str(int(p.pseudonymize("0405205297"))), "Anna", "12,50"]
    assert rows[2] == [p.pseudonymize("211062-5629"), "Bo; B", "1,5"]

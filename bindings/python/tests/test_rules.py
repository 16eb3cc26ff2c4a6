# SPDX-License-Identifier: Apache-2.0
"""Washing with rules from Python: companions (birth date, sex) follow the
row's pseudonym wherever they sit, checked against the century rule
computed here; reveal gives agreeing rows back; bad rules name their line;
rules that rewrite values are refused for formats without rows."""
import json
import datetime
import warnings

import pytest

import dkcpr
from conftest import TEST_KEY

RULES = """fields:
  cpr_nr: cpr
  fødselsdato: {birth_date: DD.MM.YYYY}
  køn: {sex: {male: M, female: K}}
  telefon: redact
  bemærkning: empty
"""

# Only what reveal can give back: no redact, no empty.
COMPANIONS = """fields:
  cpr_nr: cpr
  fødselsdato: {birth_date: DD.MM.YYYY}
  køn: {sex: {male: M, female: K}}
"""

NUMBERS = dkcpr.generate(12, seed="rules")


def birth_date(cpr: str) -> datetime.date:
    """Digits 5-7 give the century (the CPR office's table)."""
    day, month, yy, d7 = int(cpr[0:2]), int(cpr[2:4]), int(cpr[4:6]), int(cpr[6])
    if d7 <= 3:
        year = 1900 + yy
    elif d7 in (4, 9):
        year = 2000 + yy if yy <= 36 else 1900 + yy
    else:
        year = 2000 + yy if yy <= 57 else 1800 + yy
    return datetime.date(year, month, day)


def sex(cpr: str) -> str:
    return "M" if int(cpr[9]) % 2 else "K"


def digits(value: str) -> str:
    return value.replace("-", "")


def companion_csv(numbers, dashed=False) -> str:
    """Semicolon CSV, companions before the CPR column, all agreeing with it."""
    rows = ["fødselsdato;køn;cpr_nr;navn"]
    for i, c in enumerate(numbers):
        written = c[:6] + "-" + c[6:] if dashed and i % 2 else c
        rows.append(f"{birth_date(c):%d.%m.%Y};{sex(c)};{written};Navn {i}")
    return "\r\n".join(rows) + "\r\n"


@pytest.fixture(params=[("year", "sex"), ()], ids=["keep-year-sex", "keep-none"])
def p(request):
    with dkcpr.Pseudonymizer(TEST_KEY, keep=request.param) as p:
        yield p


def check_rows(washed: str, date_col: int, sex_col: int, cpr_col: int, sep: str = ";"):
    """Every row's birth date and sex are those of the pseudonym in it."""
    lines = washed.splitlines()[1:]
    assert lines
    for line in lines:
        f = line.split(sep)
        ps = digits(f[cpr_col])
        assert f[date_col] == f"{birth_date(ps):%d.%m.%Y}", line
        assert f[sex_col] == sex(ps), line
        try:  # python-stdnum agrees where it is installed
            from stdnum.dk import cpr as stdnum_cpr
        except ImportError:
            continue
        assert stdnum_cpr.get_birth_date(ps) == birth_date(ps)


def test_companions_before_the_cpr_column_follow_the_pseudonym(p):
    text = companion_csv(NUMBERS, dashed=True)
    washed = dkcpr.wash(text, p, format="csv", rules=COMPANIONS)
    check_rows(washed, 0, 1, 2)
    for c in NUMBERS:
        assert c not in washed
    # The written form is kept: dashed numbers stay dashed.
    assert washed.splitlines()[2].split(";")[2][6] == "-"


def test_companions_after_the_cpr_column_in_tsv(p):
    rows = ["cpr_nr\tkøn\tfødselsdato"] + [f"{c}\t{sex(c)}\t{birth_date(c):%d.%m.%Y}"
                                           for c in NUMBERS]
    washed = dkcpr.wash("\n".join(rows) + "\n", p, format="tsv", rules=COMPANIONS)
    check_rows(washed, 2, 1, 0, sep="\t")


def test_companions_in_an_sql_dump(p):
    rules = ("fields: {cpr_nr: cpr, foedt: {birth_date: YYYY-MM-DD},"
             " koen: {sex: {male: M, female: K}}}")
    dump = ("CREATE TABLE t (foedt date, koen text, cpr_nr text);\n"
            "COPY t (foedt, koen, cpr_nr) FROM stdin;\n"
            + "".join(f"{birth_date(c)}\t{sex(c)}\t{c}\n" for c in NUMBERS) + "\\.\n")
    washed = dkcpr.wash(dump, p, format="sql", rules=rules)
    rows = washed.split("\n")[2:2 + len(NUMBERS)]
    for row in rows:
        date, s, ps = row.split("\t")
        assert (date, s) == (str(birth_date(ps)), sex(ps)), row
    assert dkcpr.wash(washed, p, mode="reveal", format="sql", rules=rules) == dump


def test_reveal_gives_agreeing_rows_back(p, tmp_path):
    text = companion_csv(NUMBERS, dashed=True)
    washed = dkcpr.wash(text, p, format="csv", rules=COMPANIONS)
    assert dkcpr.wash(washed, p, mode="reveal", format="csv", rules=COMPANIONS) == text
    # Through files, with the rules as a path: a disagreeing sex is not given
    # back; reveal writes the one of the revealed number.
    c = NUMBERS[0]
    wrong = "K" if sex(c) == "M" else "M"
    src, out, back = tmp_path / "in.csv", tmp_path / "out.csv", tmp_path / "back.csv"
    rules = tmp_path / "rules.yaml"
    rules.write_text(COMPANIONS, encoding="utf-8")
    src.write_text(text.replace(f";{sex(c)};{c};", f";{wrong};{c};"), encoding="utf-8")
    stats = dkcpr.wash_file(src, out, p, rules=rules)
    assert stats["structure"] == "csv"
    assert stats["rules"] == {"values": 2 * len(NUMBERS), "unusable": 0, "irreversible": 1,
                              "unmatched": 0, "unmatched_rules": []}
    dkcpr.wash_file(out, back, p, mode="reveal", rules=rules)
    assert back.read_bytes() == text.encode("utf-8") != src.read_bytes()


def test_redact_empty_and_rows_without_a_number(p, tmp_path):
    text = ("telefon;fødselsdato;køn;cpr_nr;bemærkning\n"
            f"12345678;{birth_date(NUMBERS[1]):%d.%m.%Y};{sex(NUMBERS[1])};{NUMBERS[1]};hej\n"
            "87654321;01.01.2000;K;;\"lang\nnote\"\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        washed = dkcpr.wash(text, p, format="csv", rules=RULES)
    lines = washed.split("\n")
    first = lines[1].split(";")
    assert first[0] == "[CPR]" and first[4] == ""
    assert first[1] == f"{birth_date(first[3]):%d.%m.%Y}" and first[2] == sex(first[3])
    assert lines[2] == "[CPR];[CPR];[CPR];;\"\""  # companions without a number: placeholder
    assert "12345678" not in washed and "hej" not in washed and "note" not in washed
    assert [str(w.message) for w in caught if w.category is UserWarning] == [
        "2 companion values had no CPR number in their row to follow (given the placeholder)"]
    src = tmp_path / "kunder.csv"
    src.write_text(text, encoding="utf-8")
    with pytest.warns(UserWarning, match="kunder.csv: 2 companion values"):
        stats = dkcpr.wash_file(src, tmp_path / "out.csv", p, rules=RULES)
    # Phone, date, sex and note in both rows; reveal gives back none but the
    # first row's date and sex.
    assert stats["rules"] == {"values": 8, "unusable": 2, "irreversible": 6,
                              "unmatched": 0, "unmatched_rules": []}
    assert (tmp_path / "out.csv").read_text(encoding="utf-8") == washed


def test_bad_rules_name_line_and_column(p, tmp_path):
    bad = "fields:\n  cpr_nr: cpr\n  telefon: shred\n"
    with pytest.raises(dkcpr.CprError) as e:
        dkcpr.wash("cpr_nr\n0405205297\n", p, format="csv", rules=bad)
    assert (e.value.status, e.value.line, e.value.column) == ("DKCPR_E_SYNTAX", 3, 12)
    assert "line 3, column 12" in str(e.value) and "unknown action" in str(e.value)
    path = tmp_path / "regler.yaml"
    path.write_text("fields:\n  d:\n    birth_date: DD.MM\n", encoding="utf-8")
    dst = tmp_path / "out.csv"
    dst.write_text("kept")
    with pytest.raises(dkcpr.CprError) as e:
        dkcpr.wash_file(tmp_path / "missing.csv", dst, p, rules=path)  # before any file
    assert (e.value.line, e.value.column) == (3, 17)
    assert "regler.yaml" in str(e.value)
    assert dst.read_text() == "kept"
    with pytest.raises(TypeError):
        dkcpr.wash("x", p, format="csv", rules=b"fields: {}")


def test_rules_that_rewrite_need_fields(p, tmp_path):
    doc = '{"cpr_nr": "0405205297", "telefon": "1234"}'
    with pytest.raises(ValueError, match="needs fields: format .text. has none") as e:
        dkcpr.wash(doc, p, format="text", rules=RULES)
    assert not isinstance(e.value, dkcpr.CprError)
    with pytest.raises(ValueError, match="needs fields: format .text. has none"):
        dkcpr.wash(doc, p, rules=RULES)  # text is the default
    src, dst = tmp_path / "notes.txt", tmp_path / "out.txt"
    src.write_text("ring 0405205297, telefon 1234\n")
    with pytest.raises(ValueError, match="format 'text' has none"):
        dkcpr.wash_file(src, dst, p, rules=RULES)  # guessed from the content
    assert not dst.exists()
    # JSON has fields: the telephone is rewritten there.
    washed = json.loads(dkcpr.wash(doc, p, format="json", rules=RULES))
    assert washed["telefon"] != "1234" and washed["cpr_nr"] != "0405205297"
    # Rules that only name CPR fields serve every format.
    only_cpr = "fields: {kunde: cpr}"
    assert dkcpr.wash('{"kunde": 405205297}', p, format="json", rules=only_cpr) == \
        '{"kunde": %d}' % int(p.pseudonymize("0405205297"))
    assert dkcpr.wash("ring 0405205297", p, rules=only_cpr) == \
        "ring " + p.pseudonymize("0405205297")


def test_auto_does_not_drop_rules_by_washing_as_text(p, tmp_path):
    src = tmp_path / "broken.csv"
    src.write_text('cpr_nr;telefon\n0405205297;"12\n', encoding="utf-8")
    with pytest.raises(dkcpr.CprError) as e:
        dkcpr.wash_file(src, tmp_path / "out.csv", p, rules=RULES)
    assert e.value.status == "DKCPR_E_SYNTAX"
    # Without rules it falls back to text, as before.
    with pytest.warns(UserWarning, match="washed as text"):
        assert dkcpr.wash_file(src, tmp_path / "out.csv", p)["structure"] == "text"


def test_rules_that_name_no_field_are_counted_and_said(p, tmp_path):
    # CSV has no tables: b.navn names nothing there, and nor does a typo.
    rules = "fields:\n  cpr_nr: cpr\n  b.navn: redact\n  fodselsdatoo: {birth_date: DD.MM.YYYY}\n"
    src = tmp_path / "kunder.csv"
    src.write_text(f"cpr_nr;navn\n{NUMBERS[0]};Anna\n", encoding="utf-8")
    with pytest.warns(UserWarning) as caught:
        stats = dkcpr.wash_file(src, tmp_path / "out.csv", p, rules=rules)
    assert stats["rules"]["unmatched"] == 2
    assert stats["rules"]["unmatched_rules"] == [("b.navn", 3), ("fodselsdatoo", 4)]
    said = [str(w.message) for w in caught]
    assert any("'b.navn' (line 3 of the rules) named no field" in m for m in said), said
    assert any("'fodselsdatoo' (line 4 of the rules)" in m for m in said), said
    assert "Anna" in (tmp_path / "out.csv").read_text(encoding="utf-8")


def test_qualified_names_pick_one_table(p):
    dump = ("CREATE TABLE public.a (id integer, navn text);\n"
            "CREATE TABLE public.b (id integer, navn text);\n"
            "COPY public.a (id, navn) FROM stdin;\n1\tAnna\n\\.\n"
            "COPY public.b (id, navn) FROM stdin;\n2\tBo\n\\.\n"
            "INSERT INTO b (id, navn) VALUES (3, 'Carl');\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every rule names a field: no warning
        washed = dkcpr.wash(dump, p, format="sql",
                            rules="fields:\n  b.navn: redact\n  public.a.id: empty\n")
    assert "1\tAnna" not in washed and "\\N\tAnna\n" in washed  # a.id emptied, a.navn kept
    assert "2\t[CPR]\n" in washed and "(3, '[CPR]')" in washed


def test_json_companions_before_the_number_follow_it(p):
    rules = ("fields:\n  foedselsdato: {birth_date: YYYY-MM-DD}\n"
             "  koen: {sex: {male: M, female: K}}\n")
    text = "".join(json.dumps({"foedselsdato": f"{birth_date(c):%Y-%m-%d}", "cpr": c,
                               "koen": sex(c)}) + "\n" for c in NUMBERS)
    washed = dkcpr.wash(text, p, format="jsonl", rules=rules)
    rows = [json.loads(line) for line in washed.splitlines()]
    assert [r["cpr"] for r in rows] != NUMBERS
    for row in rows:
        assert row["foedselsdato"] == f"{birth_date(row['cpr']):%Y-%m-%d}", row
        assert row["koen"] == sex(row["cpr"]), row
    assert dkcpr.wash(washed, p, mode="reveal", format="jsonl", rules=rules) == text

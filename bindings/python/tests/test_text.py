# SPDX-License-Identifier: Apache-2.0
"""Finding and washing numbers in text: code-point offsets, streaming files."""

import io

import pytest

import dkcpr
from conftest import TEST_KEY, assert_same

PREFIXES = ["", "æøå ", "😀 ", "Åse 👩‍👩‍👧 cpr.nr.: ", "ﬁ\u0301\u200b\n\t"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_offsets_are_code_points(prefix):
    text = prefix + "070761-4285 og 😀😀 0101110117."
    found = dkcpr.scan(text)
    assert [text[m.start:m.end] for m in found] == ["070761-4285", "0101110117"]
    assert [m.digits for m in found] == ["0707614285", "0101110117"]
    assert found[0].start == len(prefix)
    assert all(m.kind is dkcpr.Kind.CPR for m in found)
    assert found[0].mod11 is True
    assert isinstance(found[0].confidence, dkcpr.Confidence)


def test_scan_nothing_and_look_alikes():
    assert dkcpr.scan("") == []
    assert dkcpr.scan("tlf. 12345678, ordre 99999999999") == []
    assert dkcpr.scan("320162-5629") == []  # no such date


def test_confidence_filter():
    text = "cpr-nr: 070761-4285\nx 0707614285"
    every = dkcpr.scan(text)
    high = dkcpr.scan(text, min_confidence="high")
    assert len(every) == 2 and len(high) <= len(every)
    assert all(m.confidence >= dkcpr.Confidence.HIGH for m in high)
    with pytest.raises(ValueError):
        dkcpr.scan(text, min_confidence="certain")


def test_replacement_numbers_found_by_default():
    found = dkcpr.scan("erstatning 611062-5629")
    assert [m.kind for m in found] == [dkcpr.Kind.REPLACEMENT]
    assert dkcpr.scan("erstatning 611062-5629", allow_replacement=False) == []
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        washed = dkcpr.wash("erstatning 611062-5629", p)
        assert washed != "erstatning 611062-5629"
        assert dkcpr.scan(washed)[0].kind is dkcpr.Kind.REPLACEMENT


def test_wash_keeps_everything_else():
    text = "Navn: Søren 😀; CPR 070761-4285, ven 0101110117; tlf 12345678\n"
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        washed = dkcpr.wash(text, p)
        assert len(washed) == len(text)
        assert washed.replace("070761-4285", "").count("Søren 😀") == 1
        assert "070761-4285" not in washed and "0101110117" not in washed
        a, b = dkcpr.scan(washed)
        assert washed[a.start:a.end] == p.pseudonymize("070761-4285")
        assert washed[b.start:b.end] == p.pseudonymize("0101110117")
        assert washed[:a.start] == text[:a.start] and washed[b.end:] == text[b.end:]
        assert dkcpr.wash(washed, p, mode="reveal") == text


def test_wash_modes():
    text = "cpr 070761-4285."
    assert dkcpr.wash(text, mode="mask") == "cpr 070761-XXXX."
    assert dkcpr.wash(text, mode="redact") == "cpr [CPR]."
    assert dkcpr.wash(text, mode="redact", placeholder="«fjernet»") == "cpr «fjernet»."
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        assert dkcpr.wash(text, p, mode="token") == f"cpr {p.token('070761-4285')}."
    with pytest.raises(ValueError, match="needs a Pseudonymizer"):
        dkcpr.wash(text)
    with pytest.raises(ValueError, match="mode"):
        dkcpr.wash(text, mode="shred")
    with pytest.raises(TypeError):
        dkcpr.wash(b"cpr 070761-4285", mode="mask")
    with pytest.raises(TypeError, match="Pseudonymizer"):
        dkcpr.wash(text, TEST_KEY)


def test_wash_file_streams(tmp_path):
    line = "id;cpr;navn\n1;070761-4285;Ærø 😀\n2;0101110117;Øst\n"
    text = line * 2000
    src = tmp_path / "in.csv"
    tail = b"\xff\xfe not utf-8\n"
    src.write_bytes(text.encode("utf-8") + tail)
    dst = tmp_path / "out.csv"
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        # small odd chunks split numbers across feeds
        stats = dkcpr.wash_file(src, dst, p, chunk_size=7)
        data = dst.read_bytes()
        assert data.endswith(tail)  # invalid bytes pass through
        whole = dkcpr.wash(text, p)
        chunked = data[:-len(tail)].decode("utf-8")
        assert_same(chunked, whole)
        assert stats["bytes_in"] == src.stat().st_size
        assert stats["bytes_out"] == len(data)
        assert stats["replaced"] == {"cpr": 4000}
        back = io.BytesIO()
        dkcpr.wash_file(io.BytesIO(data), back, p, mode="reveal")
        original = src.read_bytes()
        assert_same(back.getvalue(), original)
        with pytest.raises(ValueError, match="same file"):
            dkcpr.wash_file(src, src, p)


FORMS = [
    ("070761 - 4285", "typed: spaced hyphen"),
    ("070761\u22124285", "minus sign"),
    ("070761\u00ad4285", "soft hyphen"),
    ("070761\u200b4285", "zero-width space"),
    ("/2024/08/0707614285.pdf", "dated path"),
    ("q=cpr+0707614285", "form-encoded space"),
    ("070761%2D4285", "URL encoding"),
    ("%30%37%30%37%36%31%2d%34%32%38%35", "percent-encoded digits"),
    ("070761&nbsp;4285", "HTML reference"),
    ("&#48;&#55;&#48;&#55;&#54;&#49;&#x2011;&#52;&#50;&#56;&#53;", "references as digits"),
    ("070761\\u00a04285", "JSON escape"),
    ("\\uff10\\uff17\\uff10\\uff17\\uff16\\uff11\\uff14\\uff12\\uff18\\uff15", "JSON full-width"),
]


@pytest.mark.parametrize("written,what", FORMS)
def test_written_forms_found_and_round_trip(written, what):
    text = "Åse 😀 " + written + " ✓"
    found = dkcpr.scan(text)
    assert [m.digits for m in found] == ["0707614285"], what
    # code-point offsets: the span is the number as written
    assert text[found[0].start:found[0].end] in written, what
    assert text[found[0].end:] in (" ✓", ".pdf ✓"), what
    with dkcpr.Pseudonymizer(TEST_KEY) as p:
        washed = dkcpr.wash(text, p)
        assert washed != text
        # only digits change, into digits: separators and escapes are kept
        assert len(washed) == len(text)
        assert all(a == b or (a.isdigit() and b.isdigit()) for a, b in zip(text, washed))
        assert dkcpr.wash(washed, p, mode="reveal") == text


def test_context_after_the_number_and_inside_identifiers():
    hl7 = "PID|1||0201609995^^^CPR^PN||Hansen"
    xml = "<PersonCivilRegistrationIdentifier>0201609995</PersonCivilRegistrationIdentifier>"
    for text in (hl7, xml, '{"cprNr": "0201609995"}'):
        assert [m.confidence for m in dkcpr.scan(text)] == [dkcpr.Confidence.MEDIUM], text
    assert [m.confidence for m in dkcpr.scan("x 0201609995")] == [dkcpr.Confidence.LOW]


def test_decimals_and_accounts_are_not_numbers():
    assert dkcpr.scan("andel 0,1402234888 og 1234-0707614285 og 0707614285.5") == []

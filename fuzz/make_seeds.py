#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Write seed corpora for the fuzz targets from the shared test vectors.

  fuzz/make_seeds.py OUT_DIR

Every field of every tests/vectors/*.tsv line (the header skipped) becomes a
parse and pseudonym seed; the fields embedded in short texts, and the files
of tests/corpus/ if present, become scan and wash seeds. Each seed starts
with the option bytes its target reads first (see fuzz/fuzz_*.c).
"""
import glob
import hashlib
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_TEXT = 16384


def unescape(field):
    """Decode the vector files' escapes: \\t \\n \\r \\\\ and \\xHH."""
    out = bytearray()
    i = 0
    while i < len(field):
        c = field[i]
        if c == 0x5C and i + 1 < len(field):
            n = field[i + 1]
            if n == ord("x") and i + 3 < len(field):
                try:
                    out.append(int(field[i + 2:i + 4], 16))
                    i += 4
                    continue
                except ValueError:
                    pass
            simple = {ord("t"): 9, ord("n"): 10, ord("r"): 13, 0x5C: 0x5C}
            if n in simple:
                out.append(simple[n])
                i += 2
                continue
        out.append(c)
        i += 1
    return bytes(out)


def vector_fields():
    fields = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "vectors", "*.tsv"))):
        with open(path, "rb") as f:
            lines = f.read().split(b"\n")[1:]
        for line in lines:
            if not line or line.startswith(b"#"):
                continue
            for field in line.split(b"\t"):
                field = unescape(field.strip(b"\r"))
                if 0 < len(field) <= 64 and any(48 <= c <= 57 for c in field):
                    fields.append(field)
    return sorted(set(fields))


def texts(fields):
    out = []
    words = [b"CPR-nr.: ", b"personnummer ", b"f\xc3\xb8dt ", b"ssn=", b"", b"id "]
    for i in range(0, len(fields), 40):
        part = fields[i:i + 40]
        out.append(b"".join(words[j % len(words)] + f + b"; " for j, f in enumerate(part)))
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "corpus", "**", "*"),
                            recursive=True)):
        if os.path.isfile(path):
            with open(path, "rb") as f:
                out.append(f.read(MAX_TEXT))
    return out


def write(directory, data):
    os.makedirs(directory, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def main():
    out = sys.argv[1]
    fields = vector_fields()
    parse_opts = [0x00, 0x01, 0x03, 0x07, 0x0a, 0x13, 0x0b, 0x02]
    pseudo_opts = [0x03, 0x00, 0x01, 0x02, 0x04, 0x05, 0x0b, 0x43, 0x83, 0xc3, 0x13, 0xa3]
    for i, f in enumerate(fields):
        write(os.path.join(out, "fuzz_parse"), bytes([parse_opts[i % len(parse_opts)]]) + f)
        write(os.path.join(out, "fuzz_pseudonym"), bytes([pseudo_opts[i % len(pseudo_opts)]]) + f)
    write(os.path.join(out, "fuzz_parse"), b"\x80" + b"1960-01-01\n# comment\n  1970-01-01 \n\n")
    for i, t in enumerate(texts(fields)):
        write(os.path.join(out, "fuzz_scan"), bytes([i % 64, 7, i % 251, 3]) + t)
        write(os.path.join(out, "fuzz_wash"), bytes([(i * 37) % 128, 3 + (i % 5), i % 251, 5, 1]) + t)
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "rules", "*.yaml"))):
        with open(path, "rb") as f:
            write(os.path.join(out, "fuzz_rules"), f.read())
    write(os.path.join(out, "fuzz_rules"),
          b"version: 1\nfields:\n  cpr: cpr\n  b: {birth_date: D/M-YY}\n  a: {age: 2000-02-29}\n"
          b"  y:\n    birth_year: YYYY\n  s: {sex: {male: '1', female: '2'}}\n  n: empty\n")
    write(os.path.join(out, "fuzz_rules"),  # qualified names: table.column, parent.key
          b"fields:\n  t.a: redact\n  public.t.cpr: cpr\n  p.b: {birth_date: DD.MM.YYYY}\n"
          b"  p.q.s: {sex: {male: M, female: K}}\n  a: empty\n  r.p.cpr: cpr\n  PID-5.1: last_name\n")
    rows = (b"id,b,s,y,g,r,e\n0405205297,04.05.2020,M,20,6,555,x\n,1.1.1900,K,00,,\"r,\",\n"
            b"\"291170-0657\",29.11.1970,M,70,56,\"\",e\n")
    dump = (b"CREATE TABLE t (b date, s char(1), id char(10), r text, e text);\n"
            b"COPY t (b, s, id, r, e) FROM stdin;\n2020-05-04\tM\t0405205297\tx\t\\N\n\\.\n"
            b"INSERT INTO t VALUES ('29.11.1970', 'M', '2911700657', 'r', 'e'), (NULL, 'K', '', '', '');\n")
    hl7 = (b"\x0bMSH|^~\\&|EPJ|RH|LAB|KBA|20261201||ADT^A01|1|P|2.5\r"
           b"PID|1||0405205297^^^CPR^PN~123^^^RH^MR~291170-0657^^^&1.2.208.176.1.2&ISO||"
           b"Hansen^Peter||20200504|M|||Vej 1^^By||+45 12 34 56 78^PRN^PH~^NET^X^a@b.dk\r"
           b"NK1|1|Hansen^Mette|SPO||||||||||||||||||||||||||||||0101901234^^^CPR\r"
           b"OBX|1|TX|N||cpr 040520-5297\\.br\\x||||||F\r\x1c\r"
           b"MSH#@*$%#A\nPID#1##0405205297@@@CPR*1|2\n")
    fixed = (b"00020261201CPR-UDTRAEK\n"
             b"001040520529720200504M01Hansen Peter        abc\n"
             b"0020405205297291170-0657 12345678xx\r\n"
             b"x2911700657\n"
             b"999000000000005")
    xml = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE r [<!ENTITY e1 "0405205297">]>\n'
           b'<r xmlns:p="urn:x"><!-- cpr 0101901234 -->\n'
           b' <row id="0405205297" s="M"><b>04.05.2020</b><p:g>6</p:g><y>20</y>'
           b'<note>ring 291170-0657 &amp; &e1; &#48;405205297</note><r>x</r><e>y</e>'
           b'<m>a@b.dk</m><t>+45 12 34 56 78</t></row>\n'
           b' <row><id>291170-0657</id><s>K</s><x9 b="1.1.1900"/><![CDATA[cpr 0101901234]]></row>\n'
           b' <id root="1.2.208.176.1.2" extension="0405205297"/>'
           b'<identifier><system value="urn:oid:1.2.208.176.1.2"/><value value="2911700657"/></identifier>\n'
           b' <?pi 0101901234?><row><a>\n 0405205297 \n</a></row>\n</r>\n')
    for opt in (0x04, 0x05, 0x06, 0x0c):
        write(os.path.join(out, "fuzz_struct_hl7"), bytes([opt, 41]) + hl7)
        write(os.path.join(out, "fuzz_struct_xml"), bytes([opt, 67]) + xml)
        write(os.path.join(out, "fuzz_struct_fixed"), bytes([opt, 53]) + fixed)
        write(os.path.join(out, "fuzz_struct_csv"), bytes([opt, 17]) + rows)
        write(os.path.join(out, "fuzz_struct_sql"), bytes([opt, 29]) + dump)
    for target in ("fuzz_parse", "fuzz_pseudonym", "fuzz_scan", "fuzz_wash", "fuzz_rules"):
        d = os.path.join(out, target)
        os.makedirs(d, exist_ok=True)
        print("%-15s %5d seeds" % (target, len(os.listdir(d))))


if __name__ == "__main__":
    main()

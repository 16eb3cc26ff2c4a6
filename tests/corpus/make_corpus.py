#!/usr/bin/python3
"""Write the labelled scanner corpus: one text file per format (case notes,
SQL, CSV, JSON lines, application logs, HL7 v2, MedCom-style XML, FHIR JSON,
access logs, typed notes, an Excel CSV export, TSV, HTML mail, URL-encoded
request logs, JSON with escaped non-ASCII) with synthetic CPR numbers in
every written form (typed separators, escapes, numbers glued to paths and
suffixes), hard negatives in the same formats, and labels.tsv giving every
true number's and every negative's byte span and format, and those of the
valid look-alikes (numbers in other roles, such as HL7 control IDs and Unix
times, that are valid CPR numbers: no rule can tell them apart, so they are
reported apart).

Numbers are made here from the CPR rules (century table, real dates, mod 11
chosen per number) and ordinary ones are checked with python-stdnum, so the
labels do not come from the code under test. Run with Debian's python3;
the output is deterministic (fixed seed) and committed.
"""
import datetime
import os
import random
import uuid

from stdnum.dk import cpr as stdnum_cpr

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261126)
WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def mod11_ok(d):
    return sum(w * int(c) for w, c in zip(WEIGHTS, d)) % 11 == 0


def seventh_digit(year):
    """A 7th digit that gives this year under the century table."""
    yy = year % 100
    choices = []
    for c7 in range(10):
        if c7 <= 3:
            y = 1900 + yy
        elif c7 in (4, 9):
            y = 2000 + yy if yy <= 36 else 1900 + yy
        else:
            y = 2000 + yy if yy <= 57 else 1800 + yy
        if y == year:
            choices.append(c7)
    return rng.choice(choices)


def rule_valid(d):
    """Ten digits that the CPR rules accept as a number (birth date in the
    future included: the scanner does not apply that check). Checked with
    python-stdnum where it can judge (birth date not in the future)."""
    if len(d) != 10 or not d.isdigit():
        return False
    day, month, yy, c7 = int(d[0:2]), int(d[2:4]), int(d[4:6]), int(d[6])
    if day > 60:
        day -= 60  # replacement numbers are found too
    if c7 <= 3:
        year = 1900 + yy
    elif c7 in (4, 9):
        year = 2000 + yy if yy <= 36 else 1900 + yy
    else:
        year = 2000 + yy if yy <= 57 else 1800 + yy
    try:
        born = datetime.date(year, month, day)
    except ValueError:
        return False
    if int(d[0:2]) <= 31 and born <= datetime.date(2026, 11, 26):
        assert stdnum_cpr.is_valid(d), d
    return True


def random_date(lo=1920, hi=2024):
    start = datetime.date(lo, 1, 1).toordinal()
    end = datetime.date(hi, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(start, end))


def make_cpr(mod11=True, day_shift=0, date=None):
    date = date or random_date()
    while True:
        c7 = seventh_digit(date.year)
        head = "%02d%02d%02d%d" % (date.day + day_shift, date.month, date.year % 100, c7)
        serial = "%02d" % rng.randint(0, 99)
        for last in rng.sample(range(10), 10):
            d = head + serial + str(last)
            if mod11_ok(d) == mod11:
                if day_shift == 0:
                    assert stdnum_cpr.is_valid(d), d
                return d


def make_ecpr():
    date = random_date(1930, 2020)
    c = rng.choice("17" if rng.random() < 0.6 else "056")
    if c in "17":
        c = "1" if date.year < 2000 else "7"
    else:
        c = "0" if date.year < 2000 else "6"
    letters = rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") + rng.choice("ABCDEHJKLMNOPRST")
    return "%02d%02d%02d%s%s%d" % (date.day, date.month, date.year % 100, c, letters, rng.randint(0, 9))


FULLWIDTH = {str(i): chr(0xFF10 + i) for i in range(10)}
ARABIC = {str(i): chr(0x0660 + i) for i in range(10)}
DEVANAGARI = {str(i): chr(0x0966 + i) for i in range(10)}
SEPARATORS = {"hyphen": "-", "space": " ", "nbsp": "\u00a0", "endash": "\u2013",
              "emdash": "\u2014", "nbhyphen": "\u2011", "figure-space": "\u2007",
              "narrow-nbsp": "\u202f"}


def written(d, form):
    """The number d (10 canonical characters) in a written form."""
    if form == "compact":
        return d
    if form in SEPARATORS:
        return d[:6] + SEPARATORS[form] + d[6:]
    if form == "fullwidth":
        return "".join(FULLWIDTH.get(c, c) for c in d)
    if form == "fullwidth-hyphen":
        w = "".join(FULLWIDTH.get(c, c) for c in d)
        return w[:6] + "-" + w[6:]
    if form == "arabic":
        return "".join(ARABIC.get(c, c) for c in d)
    if form == "devanagari-space":
        w = "".join(DEVANAGARI.get(c, c) for c in d)
        return w[:6] + " " + w[6:]
    raise ValueError(form)


FORMS = (["compact"] * 6 + ["hyphen"] * 5 + ["space"] * 3 + ["nbsp", "endash", "emdash",
         "figure-space", "nbhyphen", "narrow-nbsp", "fullwidth", "fullwidth-hyphen", "arabic",
         "devanagari-space"])


def positive():
    """(written text, canonical, kind) for a random true number."""
    r = rng.random()
    if r < 0.08:
        d = make_ecpr()
        return d, d, "x-ecpr" if d[6] in "17" else "d-ecpr"
    if r < 0.16:
        d = make_cpr(mod11=rng.random() < 0.5, day_shift=60)
        return written(d, rng.choice(["compact", "hyphen", "space"])), d, "replacement"
    d = make_cpr(mod11=rng.random() < 0.8)
    return written(d, rng.choice(FORMS)), d, "cpr"


def impossible_lookalike():
    """Ten digits in CPR shape with a date that cannot exist."""
    r = rng.random()
    if r < 0.25:
        day, month = rng.randint(32, 60), rng.randint(1, 12)
    elif r < 0.5:
        day, month = rng.randint(1, 28), rng.choice([0, 13, 14, 19, 20, 45, 99])
    elif r < 0.7:
        day, month = rng.choice([(31, 4), (31, 6), (31, 9), (31, 11), (30, 2), (31, 2)])
    elif r < 0.85:
        day, month = 0, rng.randint(1, 12)
    else:
        day, month = rng.randint(92, 99), rng.randint(1, 12)
    d = "%02d%02d%02d%04d" % (day, month, rng.randint(0, 99), rng.randint(0, 9999))
    return d[:6] + "-" + d[6:] if rng.random() < 0.5 else d


def feb29_non_leap():
    yy = rng.choice([1, 2, 3, 5, 6, 7, 9, 10, 11, 13, 14, 15])
    c7 = rng.randint(0, 3)
    return "2902%02d%d%03d" % (yy, c7, rng.randint(0, 999))


def phone():
    n = "%d%07d" % (rng.randint(2, 9), rng.randint(0, 9999999))
    return rng.choice([
        "+45 %s %s %s %s" % (n[0:2], n[2:4], n[4:6], n[6:8]),
        "%s %s %s %s" % (n[0:2], n[2:4], n[4:6], n[6:8]), n, "+45" + n,
        "+45 " + n, "(+45) %s %s" % (n[0:4], n[4:8]), "0045%s" % n])


def a_date():
    d = random_date(1950, 2030)
    return rng.choice([d.strftime("%d-%m-%Y"), d.strftime("%d.%m.%Y"), d.isoformat(),
                       d.strftime("%d/%m/%Y"), d.strftime("%Y%m%d"), d.strftime("%d-%m-%y"),
                       d.strftime("%d.%m.%y")])


def timestamp():
    d = random_date(2015, 2026)
    t = "%02d:%02d:%02d" % (rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
    return rng.choice([d.isoformat() + "T" + t + "Z", d.isoformat() + " " + t + ".%03d" % rng.randint(0, 999),
                       d.strftime("%Y%m%d") + t.replace(":", ""),
                       "%d" % rng.randint(1500000000000, 1799999999999)])


def iban():
    digits = "".join(rng.choice("0123456789") for _ in range(16))
    raw = "DK" + digits
    return raw if rng.random() < 0.5 else " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def account():
    reg = "%04d" % rng.randint(1000, 9999)
    konto = "%010d" % rng.randint(0, 9999999999)
    return rng.choice(["%s-%s" % (reg, konto), "%s-%s" % (reg, konto[2:]),
                       "%s %s" % (reg, konto[3:])])


def ean():
    return rng.choice(["570%010d" % rng.randint(0, 9999999999), "57%06d" % rng.randint(0, 999999)])


def long_run():
    n = rng.randint(11, 20)
    return "".join(rng.choice("0123456789") for _ in range(n))


def order_no():
    return rng.choice(["%d-%06d" % (rng.randint(2019, 2026), rng.randint(0, 999999)),
                       "INV-%08d" % rng.randint(0, 99999999), "%08d" % rng.randint(0, 99999999),
                       "%012d" % rng.randint(0, 999999999999), "#%d" % rng.randint(1, 99999),
                       "%d.%03d.%03d" % (rng.randint(1, 999), rng.randint(0, 999), rng.randint(0, 999))])


def amount():
    return rng.choice(["%d.%03d,%02d kr." % (rng.randint(1, 999), rng.randint(0, 999), rng.randint(0, 99)),
                       "%d,%02d" % (rng.randint(0, 99999), rng.randint(0, 99)),
                       "DKK %d.%02d" % (rng.randint(0, 999999), rng.randint(0, 99))])


def grouped_cpr_shape():
    """A valid-looking number that is part of a longer grouped number: a bank
    account, a longer group after it, a decimal (also the Danish 0,...), a
    phone number with a country code. (A short suffix after a slash or a
    hyphen is not here: 0707614285-1.pdf names the person's file.)"""
    d = make_cpr()
    return rng.choice(["%s-%s" % (rng.randint(1, 9999), d), "%s-%06d" % (d, rng.randint(0, 999999)),
                       "%s-%s-%04d" % (d[:6], d[6:], rng.randint(0, 9999)),
                       "%d.%s" % (rng.randint(0, 9), d), "%s.%d" % (d, rng.randint(1, 99)),
                       "+%s" % d, "0,%s" % d])


def nine_digit_int():
    d = make_cpr(date=datetime.date(rng.randint(1930, 2010), rng.randint(1, 12), rng.randint(1, 9)))
    return d[1:]


def norwegian():
    return "%02d%02d%02d%05d" % (rng.randint(1, 28), rng.randint(1, 12), rng.randint(0, 99), rng.randint(0, 99999))


def a_uuid():
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


NEGATIVES = [("phone", phone), ("date", a_date), ("timestamp", timestamp), ("iban", iban),
             ("account", account), ("ean", ean), ("long-run", long_run), ("order", order_no),
             ("amount", amount), ("impossible-date", impossible_lookalike),
             ("feb29", feb29_non_leap), ("grouped", grouped_cpr_shape),
             ("nine-digit", nine_digit_int), ("uuid", a_uuid), ("norwegian", norwegian)]


def negative():
    name, fn = rng.choice(NEGATIVES)
    return fn(), name


def lookalike():
    """A ten-digit number in another role that happens to be a valid CPR
    number (a customer number, a Unix time): no rule can tell it apart."""
    if rng.random() < 0.5:
        d = make_cpr(mod11=rng.random() < 0.1)
    else:
        while True:
            d = "%d" % rng.randint(1000000000, 1799999999)
            try:
                if (stdnum_cpr.is_valid(d) and
                        stdnum_cpr.get_birth_date(d) <= datetime.date(2026, 11, 26)):
                    break
            except Exception:
                pass
    return d


class Doc:
    """Text built piece by piece, remembering labelled spans in bytes."""

    def __init__(self, name, fmt):
        self.name = name
        self.fmt = fmt
        self.parts = []
        self.size = 0
        self.labels = []

    def label(self, text, label, what, kind):
        start = self.size
        self.add(text)
        self.labels.append((self.name, start, self.size, label, what, kind, self.fmt))

    def pos_as(self, text, canon, kind="cpr"):
        """A true number written as text (canon: its canonical characters)."""
        self.label(text, "pos", canon, kind)

    def other(self, d, kind):
        """Ten digits in another role (a control ID, a Unix time): a valid
        look-alike when the CPR rules accept it, else a hard negative."""
        if rule_valid(d):
            self.label(d, "amb", d, "valid-lookalike")
        else:
            self.label(d, "neg", d, kind)

    def neg_as(self, text, kind):
        self.label(text, "neg", text.replace("\t", " "), kind)

    def add(self, s):
        b = s.encode("utf-8")
        self.parts.append(b)
        self.size += len(b)

    def pos(self, label_ctx=""):
        text, canon, kind = positive()
        self.label(text, "pos", canon, kind)
        return text

    def amb(self):
        text = lookalike()
        self.label(text, "amb", text, "valid-lookalike")

    def neg(self):
        text, name = negative()
        self.neg_as(text, name)

    def write(self):
        with open(os.path.join(HERE, self.name), "wb") as f:
            f.write(b"".join(self.parts))


FIRST = ["Anne", "Mette", "Hanne", "S\u00f8ren", "J\u00f8rgen", "Lars", "Pia", "\u00c5se", "Bo",
         "Kirsten", "Mikkel", "Emma", "\u00d8rnulf", "Gitte", "Niels"]
LAST = ["Hansen", "J\u00f8rgensen", "M\u00f8ller", "Nielsen", "S\u00f8rensen", "Kristensen",
        "Holm", "\u00c5gaard", "Petersen", "Lund"]
CONTEXT = ["CPR-nr.: ", "CPR ", "cpr.nr. ", "Personnummer: ", "personnr. ", "pers.nr. ",
           "P-nr: ", "f\u00f8dselsdato/cpr ", "F\u00d8DT ", "SSN: ", "Social security number ",
           "civil registration no. ", "", "", "", "nr. ", "ID ", "(", "pt. "]


def name():
    return rng.choice(FIRST) + " " + rng.choice(LAST)


def case_notes():
    d = Doc("sagsnotater.txt", "notes")
    for i in range(70):
        d.add("Sag %d-%04d \u2013 notat af sagsbehandler %s, " % (2025, i, rng.choice(["PHO", "LTS", "MBH"])))
        d.neg()
        d.add("\n\nBorger: %s, %s" % (name(), rng.choice(CONTEXT)))
        d.pos()
        d.add(", %s %d, %d By.\nBorgeren ringede (tlf. " % (rng.choice(["Egev\u00e6nget", "\u00c5boulevard", "Bøgevej"]),
                                                           rng.randint(1, 200), rng.randint(1000, 9990)))
        d.neg()
        d.add(") vedr. boligst\u00f8tte. %s (%s" % (name(), rng.choice(CONTEXT)))
        d.pos()
        d.add(") deltog.\nJournalnr. ")
        d.neg()
        d.add(", kontonr. ")
        d.neg()
        d.add(", bel\u00f8b ")
        d.neg()
        d.add(". Opf\u00f8lgning ")
        d.neg()
        d.add(".\nBem\u00e6rk: barnets nummer er ")
        d.pos()
        d.add(" og moderens ")
        d.pos()
        d.add("\n\n")
    return d


def sql_dump():
    d = Doc("dump.sql", "sql")
    d.add("-- dump of borger\nCREATE TABLE borger (id int, cpr char(10), navn text, tlf text, oprettet timestamp, konto text);\n")
    for i in range(80):
        d.add("INSERT INTO borger VALUES (%d, '" % (i + 1))
        d.pos()
        d.add("', '%s', '" % name().replace("'", "''"))
        d.neg()
        d.add("', '")
        d.neg()
        d.add("', '")
        d.neg()
        d.add("');\n")
        if i % 4 == 0:
            d.add("UPDATE borger SET note = 'samme person som ")
            d.pos()
            d.add(", ordre ")
            d.neg()
            d.add("' WHERE id = %d;\n" % (i + 1))
    return d


def csv_export():
    d = Doc("kunder.csv", "csv")
    d.add("id;cpr;navn;telefon;iban;ean;faktura;dato\n")
    for i in range(80):
        d.add("%d;" % (i + 1))
        d.pos()
        d.add(";\"%s\";" % name())
        d.neg()
        d.add(";")
        d.neg()
        d.add(";")
        d.neg()
        d.add(";")
        d.neg()
        d.add(";")
        d.neg()
        d.add("\n")
    return d


def json_lines():
    d = Doc("records.jsonl", "jsonl")
    for i in range(70):
        d.add('{"id": "')
        d.neg()
        d.add('", "%s": "' % rng.choice(["cpr", "cprnr", "personnummer", "ssn", "patient_id", "ref"]))
        d.pos()
        d.add('", "name": "%s", "phone": "' % name())
        d.neg()
        d.add('", "created": "')
        d.neg()
        d.add('", "pair": ["')
        d.pos()
        d.add('", "')
        d.neg()
        d.add('"]}\n')
    return d


def app_log():
    d = Doc("app.log", "log")
    for i in range(90):
        d.add(timestamp_line())
        d.add(" INFO req=")
        d.neg()
        d.add(" user=")
        d.pos()
        d.add(" amount=")
        d.neg()
        d.add(" trace=")
        d.neg()
        d.add("\n")
        d.add(timestamp_line())
        d.add(" WARN lookup failed for ")
        d.pos()
        d.add(" (account ")
        d.neg()
        d.add(")\n")
        if i % 6 == 0:
            d.add(timestamp_line())
            d.add(" DEBUG session=")
            d.amb()
            d.add("\n")
    return d


def timestamp_line():
    dt = random_date(2024, 2026)
    return "%s %02d:%02d:%02d.%03d" % (dt.isoformat(), rng.randint(0, 23), rng.randint(0, 59),
                                      rng.randint(0, 59), rng.randint(0, 999))



TYPED = {"spaced-hyphen": " - ", "two-spaces": "  ", "tab": "\t", "slash": "/", "dot": ".",
         "minus": "\u2212", "soft-hyphen": "\u00ad", "zwsp": "\u200b", "word-joiner": "\u2060",
         "zwj": "\u200d", "hyphen-soft": "-\u00ad", "nbsp": "\u00a0", "hyphen": "-", "space": " "}


def hl7_messages():
    """HL7 v2 ADT messages: the CPR number in PID-3 (and NK1) marked
    ^^^CPR^PN; control IDs, timestamps, phone numbers, visit numbers and
    decimals beside it."""
    d = Doc("adt.hl7", "hl7")
    for i in range(80):
        ts = random_date(2023, 2026).strftime("%Y%m%d") + "%06d" % rng.randint(0, 235959)
        d.add("MSH|^~\\&|EPJ|RH|ADT|SUND|%s||ADT^A%02d|" % (ts, rng.choice([1, 4, 8, 31])))
        if rng.random() < 0.5:
            d.other("%010d" % rng.randint(0, 9999999999), "hl7-control-id")
        else:
            d.neg_as("%d" % rng.randint(10 ** 11, 10 ** 14), "hl7-control-id")
        d.add("|P|2.5\rEVN|A01|%s\rPID|1||" % ts)
        c = make_cpr(mod11=rng.random() < 0.8)
        d.pos_as(c, c)
        d.add(rng.choice(["^^^CPR^PN", "^^^DK-CPR^PN", "^^^&1.2.208.176.1.2&ISO^PN", "^^^CPR"]))
        d.add("~%d^^^SKS^MR||%s^%s||" % (rng.randint(100000, 999999), rng.choice(LAST), rng.choice(FIRST)))
        born = c[4:6] + c[2:4] + c[0:2]
        d.neg_as(("19" if c[6] < "4" else "20") + born, "date")
        d.add("|%s|||Vej %d^^By^^%d||" % (rng.choice("MF"), rng.randint(1, 99), rng.randint(1000, 9990)))
        d.neg_as("^PRN^PH^^45^%d%07d" % (rng.randint(2, 9), rng.randint(0, 9999999)), "phone")
        d.add("\rPV1|1|I|AFD^%d^%d||||||||||||||||" % (rng.randint(1, 99), rng.randint(1, 9)))
        d.neg_as("%d" % rng.randint(10 ** 8, 10 ** 9 - 1), "visit-number")
        d.add("\rOBX|1|NM|NPU01685^P-Glukose||")
        d.neg_as(rng.choice(["0,%d" % rng.randint(10 ** 9, 10 ** 10 - 1),
                             "%d.%d" % (rng.randint(0, 99), rng.randint(10 ** 9, 10 ** 10 - 1))]), "decimal")
        d.add("|mmol/L|||||F|||")
        d.other("%d" % rng.randint(1500000000, 1799999999), "epoch-seconds")
        d.add("\r")
        if i % 3 == 0:
            d.add("NK1|1|%s^%s|MTH||||||||||||||||||||||||||||||||" % (rng.choice(LAST), rng.choice(FIRST)))
            c = make_cpr()
            d.pos_as(c, c)
            d.add("^^^CPR^PN\r")
        d.add("\n")
    return d


def medcom_xml():
    """MedCom-style XML letters: the patient's number in
    PersonCivilRegistrationIdentifier; EAN location numbers, dates,
    phone numbers and letter IDs beside it."""
    d = Doc("brev.xml", "medcom-xml")
    d.add('<?xml version="1.0" encoding="UTF-8"?>\n<Letters xmlns="http://rep.oio.dk/medcom.dk/xml/schemas/2013/02/20/">\n')
    for i in range(70):
        d.add("<Emessage><Envelope><Sent><Date>")
        d.neg_as(random_date(2023, 2026).isoformat(), "date")
        d.add("</Date><Time>%02d:%02d</Time></Sent><Identifier>" % (rng.randint(0, 23), rng.randint(0, 59)))
        d.neg_as("%012d" % rng.randint(0, 10 ** 12 - 1), "order")
        d.add("</Identifier></Envelope>\n<DischargeLetter><Letter><Identifier>")
        d.neg_as(a_uuid(), "uuid")
        d.add("</Identifier></Letter><Sender><EANIdentifier>")
        d.neg_as(ean(), "ean")
        d.add("</EANIdentifier><TelephoneSubscriberIdentifier>")
        d.neg_as("%d%07d" % (rng.randint(2, 9), rng.randint(0, 9999999)), "phone")
        d.add("</TelephoneSubscriberIdentifier></Sender>\n<Patient><CivilRegistrationNumber>" if i % 4 == 0
              else "</TelephoneSubscriberIdentifier></Sender>\n<Patient><PersonCivilRegistrationIdentifier>")
        c = make_cpr(mod11=rng.random() < 0.8)
        d.pos_as(c, c)
        d.add("</CivilRegistrationNumber>" if i % 4 == 0 else "</PersonCivilRegistrationIdentifier>")
        d.add("<PersonSurnameName>%s</PersonSurnameName></Patient>\n" % rng.choice(LAST))
        if i % 3 == 0:
            d.add("<Relative><RelationCode>mor</RelationCode><medcom:PatientCPR>")
            c = make_cpr()
            w = c[:6] + "-" + c[6:] if rng.random() < 0.5 else c
            d.pos_as(w, c)
            d.add("</medcom:PatientCPR></Relative>\n")
        d.add("<Result><Value>")
        d.neg_as(amount(), "amount")
        d.add("</Value></Result></DischargeLetter></Emessage>\n")
    d.add("</Letters>\n")
    return d


def fhir_json():
    """FHIR Patient resources (JSON, one bundle entry a line) with the CPR
    identifier system urn:oid:1.2.208.176.1.2; birth dates, phone numbers,
    timestamps, resource IDs and quantities beside it."""
    d = Doc("patients.ndjson", "fhir-json")
    for i in range(80):
        d.add('{"resourceType":"Patient","id":"')
        d.neg_as(a_uuid(), "uuid")
        d.add('","meta":{"lastUpdated":"')
        d.neg_as(timestamp(), "timestamp")
        d.add('"},"identifier":[')
        c = make_cpr(mod11=rng.random() < 0.8)
        if i % 3 == 2:  # value before system
            d.add('{"value":"')
            d.pos_as(c, c)
            d.add('","system":"urn:oid:1.2.208.176.1.2"}')
        else:
            d.add('{"system":"urn:oid:1.2.208.176.1.2","value":"' if i % 2
                  else '{\n  "system": "urn:oid:1.2.208.176.1.2",\n  "value": "')
            d.pos_as(c, c)
            d.add('"}')
        d.add(',{"system":"urn:oid:1.2.208.176.1.4.1","value":"')
        d.other("%d" % rng.randint(1500000000, 1799999999), "epoch-seconds")
        d.add('"}],"birthDate":"')
        d.neg_as(random_date(1930, 2020).isoformat(), "date")
        d.add('","telecom":[{"system":"phone","value":"')
        d.neg_as(phone(), "phone")
        d.add('"}],"extension":[{"url":"http://example.org/weight","valueQuantity":{"value":')
        d.neg_as("%d.%d" % (rng.randint(0, 150), rng.randint(10 ** 9, 10 ** 10 - 1)), "decimal")
        d.add('}}]}\n')
    return d


def access_log():
    """Web server access logs: numbers in REST paths, dated file paths,
    file names with a number suffix, query strings; request IDs, epoch
    times, sizes and durations beside them."""
    d = Doc("access.log", "access-log")
    for i in range(100):
        d.add("10.%d.%d.%d - - [%02d/Aug/2024:%02d:%02d:%02d +0200] \"GET " % (
            rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 28),
            rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)))
        c = make_cpr(mod11=rng.random() < 0.8)
        r = rng.random()
        if r < 0.2:
            d.add("/api/borger/")
            d.pos_as(c, c)
            d.add("/journal/%d" % rng.randint(2015, 2026))
        elif r < 0.4:
            d.add("/files/%d/%02d/" % (rng.randint(2015, 2026), rng.randint(1, 12)))
            d.pos_as(c, c)
            d.add(".pdf")
        elif r < 0.55:
            d.add("/scan/")
            d.pos_as(c, c)
            d.add(rng.choice(["-1.pdf", "-2.pdf", "_3.pdf", "-12.tif", "/2024"]))
        elif r < 0.75:
            d.add("/search?q=cpr+" if rng.random() < 0.5 else "/search?cpr=")
            d.pos_as(c, c)
            d.add("&page=%d" % rng.randint(1, 9))
        elif r < 0.85:
            d.add("/api/borgere/")
            c2 = make_cpr()
            d.pos_as(c, c)
            d.add("-")
            d.pos_as(c2, c2)
        else:
            d.add("/form?navn=%s&cpr=" % rng.choice(FIRST))
            d.pos_as(c[:6] + "+" + c[6:], c)
        d.add(" HTTP/1.1\" 200 ")
        d.neg_as("%d" % rng.randint(100, 99999999), "size")
        d.add(" rt=")
        d.neg_as("0.%03d" % rng.randint(0, 999), "duration")
        d.add(" req=")
        d.neg_as(rng.choice([a_uuid(), "%016x" % rng.getrandbits(64)]), "request-id")
        d.add(" ts=")
        d.other("%d" % rng.randint(1500000000, 1799999999), "epoch-seconds")
        d.add(" ref=/orders/")
        d.neg_as("%d/%06d" % (rng.randint(2019, 2026), rng.randint(0, 999999)), "order")
        d.add("\n")
    return d


def typed_notes():
    """Notes where people typed the number in their own way, with dates,
    case numbers, amounts and phone numbers typed the same ways."""
    d = Doc("notater.txt", "typed")
    forms = list(TYPED)
    for i in range(90):
        d.add("%s, " % rng.choice(["Notat", "Henvendelse", "Opkald", "Mail"]))
        d.neg_as(a_date(), "date")
        d.add(": %s (%s" % (name(), rng.choice(CONTEXT)))
        c = make_cpr(mod11=rng.random() < 0.8)
        sep = TYPED[forms[i % len(forms)]]
        d.pos_as(c[:6] + sep + c[6:], c)
        d.add(") ringede om sag ")
        d.neg_as(rng.choice(["%d/%06d" % (rng.randint(2019, 2026), rng.randint(0, 999999)),
                             "%d-%06d" % (rng.randint(2019, 2026), rng.randint(0, 999999))]), "case")
        d.add(", tlf. ")
        d.neg_as(phone(), "phone")
        d.add(", bel\u00f8b ")
        d.neg_as(amount(), "amount")
        d.add(", konto ")
        d.neg_as(account(), "account")
        d.add(".\n")
    return d


def excel_csv():
    """An Excel/pandas CSV export: numbers as text, as floats ("1507614285.0",
    a number that kept 10 digits), and decimals, dates and amounts in
    Danish notation. A number whose leading zero was lost is not found by
    default (nine digits are opt-in) and is labelled as such."""
    d = Doc("eksport.csv", "excel-csv")
    d.add("id;cpr;navn;andel;dato;beloeb;tlf\n")
    for i in range(80):
        d.add("%d;" % (i + 1))
        c = make_cpr(mod11=rng.random() < 0.8)
        if rng.random() < 0.4:
            if c[0] == "0":
                d.neg_as(c[1:] + ".0", "nine-digit")
            else:
                d.label(c + ".0", "pos", c, "cpr")
                # the label's span is the whole float; the number is its 10 digits
                name_, start, end, lab, what, kind, fmt = d.labels[-1]
                d.labels[-1] = (name_, start, end - 2, lab, what, kind, fmt)
        else:
            d.pos_as(c, c)
        d.add(';"%s";' % name())
        d.neg_as("0,%d" % rng.randint(10 ** 9, 10 ** 10 - 1), "decimal")
        d.add(";")
        d.neg_as(rng.choice([random_date(1950, 2026).strftime("%d-%m-%Y"),
                             random_date(1950, 2026).strftime("%d.%m.%Y")]), "date")
        d.add(";")
        d.neg_as(amount(), "amount")
        d.add(";")
        d.neg_as(phone(), "phone")
        d.add("\n")
    return d


def columns_tsv():
    """A tab-separated export: a six-digit customer number next to a
    four-digit postcode must not join into a number; the CPR column is found."""
    d = Doc("kunder.tsv", "tsv")
    d.add("kundenr\tpostnr\tcpr\tnavn\n")
    for i in range(80):
        k = "%06d" % rng.randint(10000, 999999)
        z = "%04d" % rng.randint(1000, 9990)
        d.neg_as(k + "\t" + z, "columns")
        d.add("\t")
        c = make_cpr(mod11=rng.random() < 0.8)
        d.pos_as(c if rng.random() < 0.7 else c[:6] + "-" + c[6:], c)
        d.add("\t%s\n" % name())
    return d



def html_refs(text, rate):
    """Text with some characters written as HTML character references."""
    out = []
    for ch in text:
        r = rng.random()
        if r < rate / 2:
            out.append("&#%d;" % ord(ch))
        elif r < rate:
            out.append("&#x%X;" % ord(ch) if rng.random() < 0.5 else "&#x%x;" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


HTML_SEPS = ["&nbsp;", "&#160;", "&#45;", "&#x2011;", "&#8209;", "&ndash;", " &ndash; ", "&shy;",
             "-", " ", "&#x2D;"]


def html_mail():
    """HTML mail bodies: numbers with character references as separators
    or digits (as editors and mail clients write them); dates, phone
    numbers, amounts and styles written the same way beside them."""
    d = Doc("mail.html", "html")
    for i in range(80):
        d.add("<html><body style=\"width:100%%\"><p>K&aelig;re %s,</p>\n<p>Vedr. " % rng.choice(FIRST))
        c = make_cpr(mod11=rng.random() < 0.8)
        sep = rng.choice(HTML_SEPS)
        if rng.random() < 0.25:  # digits as references too
            d.pos_as(html_refs(c[:6], 0.7) + sep + html_refs(c[6:], 0.7), c)
        else:
            d.pos_as(c[:6] + sep + c[6:], c)
        d.add(" (%s) &ndash; m&oslash;de den " % rng.choice(["cpr", "personnr.", "borger", "barn"]))
        d.neg_as(random_date(2024, 2027).strftime("%d.%m.%Y"), "date")
        d.add(" kl.&nbsp;%02d.%02d. Ring p&aring; " % (rng.randint(8, 16), rng.choice([0, 15, 30, 45])))
        n = "%d%07d" % (rng.randint(2, 9), rng.randint(0, 9999999))
        d.neg_as(rng.choice(["&nbsp;".join([n[0:2], n[2:4], n[4:6], n[6:8]]),
                             "+45&nbsp;" + n, "%s&#160;%s" % (n[:4], n[4:])]), "phone")
        d.add(". Bel&oslash;b: ")
        d.neg_as(amount().replace(" ", "&nbsp;"), "amount")
        d.add(", sag ")
        d.neg_as("%d&#45;%06d" % (rng.randint(2019, 2026), rng.randint(0, 999999)), "case")
        d.add(".</p><p>Med venlig hilsen<br>%s</p></body></html>\n" % name())
    return d


def url_log():
    """Request logs with URL- and form-encoded query strings: separators
    as %2D, %20, %C2%A0, '+', digits as %3x; encoded dates, paths and
    amounts beside them."""
    d = Doc("requests.log", "url-encoded")
    for i in range(90):
        d.add("%s GET /sag?" % random_date(2024, 2026).isoformat())
        c = make_cpr(mod11=rng.random() < 0.8)
        r = rng.random()
        key = rng.choice(["cpr", "q", "borger", "id", "personnummer"])
        if r < 0.3:
            sep = rng.choice(["%2D", "%2d", "%20", "+", "%C2%A0", "%c2%a0", "%E2%80%91", "%20%2D%20", "+-+"])
            d.add(key + "=")
            d.pos_as(c[:6] + sep + c[6:], c)
        elif r < 0.5:
            d.add(key + "=")
            enc = "".join("%%%02X" % ord(ch) for ch in c)
            if rng.random() < 0.5:
                enc = enc[:18] + rng.choice(["%2D", "-"]) + enc[18:]
            d.pos_as(enc, c)
        elif r < 0.7:
            d.add("path=%2Fdok%2F")
            d.neg_as("%d%%2F%02d" % (rng.randint(2015, 2026), rng.randint(1, 12)), "date")
            d.add("%2F")
            d.pos_as(c, c)
            d.add(".pdf")
        else:
            d.add("q=%s+" % rng.choice(["cpr", "borger", "opslag"]))
            d.pos_as(c, c)
        d.add("&from=")
        d.neg_as(random_date(2020, 2026).strftime("%d-%m-%Y").replace("-", "%2D"), "date")
        d.add("&amount=")
        d.neg_as("%d%%2C%02d" % (rng.randint(0, 99999), rng.randint(0, 99)), "amount")
        d.add("&tlf=%2B45")
        d.neg_as("%d%07d" % (rng.randint(2, 9), rng.randint(0, 9999999)), "phone")
        d.add("&ts=")
        d.other("%d" % rng.randint(1500000000, 1799999999), "epoch-seconds")
        d.add(" 200\n")
    return d


def json_ascii():
    """JSON written with every non-ASCII character escaped (Python's
    json.dumps default, many Java and .NET serializers): separators as
    \u00a0 or \u2011, full-width digits as \uff10...; escaped names, phone
    numbers and dates beside them."""
    d = Doc("escaped.json", "json-escaped")
    for i in range(80):
        nm = name().encode("ascii", "backslashreplace").decode().replace("\\x", "\\u00")
        d.add('{"navn": "%s", "cpr": "' % nm)
        c = make_cpr(mod11=rng.random() < 0.8)
        r = rng.random()
        if r < 0.4:
            d.pos_as(c[:6] + rng.choice(["\\u00a0", "\\u2011", "\\u2013", "\\u00AD", "\\u200b", "\\u2212"]) + c[6:], c)
        elif r < 0.6:
            fw = "".join("\\u%04x" % (0xFF10 + int(ch)) if rng.random() < 0.5 else "\\u%04X" % (0xFF10 + int(ch))
                         for ch in c)
            d.pos_as(fw, c)
        elif r < 0.7:
            d.pos_as("".join("\\u%04x" % ord(ch) for ch in c[:6]) + "-" + c[6:], c)
        else:
            d.pos_as(c, c)
        d.add('", "tlf": "')
        n = "%d%07d" % (rng.randint(2, 9), rng.randint(0, 9999999))
        d.neg_as(rng.choice(["+45\\u00a0" + n, "\\u00a0".join([n[0:2], n[2:4], n[4:6], n[6:8]])]), "phone")
        d.add('", "oprettet": "')
        d.neg_as(timestamp(), "timestamp")
        d.add('", "andel": ')
        d.neg_as("0.%d" % rng.randint(10 ** 9, 10 ** 10 - 1), "decimal")
        d.add(', "note": "m\\u00f8de ')
        d.neg_as(a_date(), "date")
        d.add('"}\n')
    return d


def main():
    docs = [case_notes(), sql_dump(), csv_export(), json_lines(), app_log(), hl7_messages(),
            medcom_xml(), fhir_json(), access_log(), typed_notes(), excel_csv(), columns_tsv(),
            html_mail(), url_log(), json_ascii()]
    rows = []
    for d in docs:
        d.write()
        rows.extend(d.labels)
    with open(os.path.join(HERE, "labels.tsv"), "w", encoding="utf-8") as f:
        f.write("file\tstart\tend\tlabel\tdigits_or_text\tkind\tformat\n")
        for r in rows:
            f.write("%s\t%d\t%d\t%s\t%s\t%s\t%s\n" % r)
    count = {k: sum(1 for r in rows if r[3] == k) for k in ("pos", "neg", "amb")}
    print("%(pos)d true numbers, %(neg)d negatives, %(amb)d valid look-alikes" % count)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Write the labelled scanner corpus: text files in several formats with
synthetic CPR numbers in every written form, hard negatives, and labels.tsv
giving every true number's and every negative's byte span, and those of a
few valid look-alikes (numbers in other roles that are valid CPR numbers: no
rule can tell them apart, so they are reported apart).

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

    def __init__(self, name):
        self.name = name
        self.parts = []
        self.size = 0
        self.labels = []

    def add(self, s):
        b = s.encode("utf-8")
        self.parts.append(b)
        self.size += len(b)

    def pos(self, label_ctx=""):
        text, canon, kind = positive()
        start = self.size
        self.add(text)
        self.labels.append((self.name, start, self.size, "pos", canon, kind))
        return text

    def amb(self):
        text = lookalike()
        start = self.size
        self.add(text)
        self.labels.append((self.name, start, self.size, "amb", text, "valid-lookalike"))

    def neg(self):
        text, name = negative()
        start = self.size
        self.add(text)
        self.labels.append((self.name, start, self.size, "neg", text.replace("\t", " "), name))

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
    d = Doc("sagsnotater.txt")
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
    d = Doc("dump.sql")
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
    d = Doc("kunder.csv")
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
    d = Doc("records.jsonl")
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
    d = Doc("app.log")
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


def main():
    docs = [case_notes(), sql_dump(), csv_export(), json_lines(), app_log()]
    rows = []
    for d in docs:
        d.write()
        rows.extend(d.labels)
    with open(os.path.join(HERE, "labels.tsv"), "w", encoding="utf-8") as f:
        f.write("file\tstart\tend\tlabel\tdigits_or_text\tkind\n")
        for r in rows:
            f.write("%s\t%d\t%d\t%s\t%s\t%s\n" % r)
    count = {k: sum(1 for r in rows if r[3] == k) for k in ("pos", "neg", "amb")}
    print("%(pos)d true numbers, %(neg)d negatives, %(amb)d valid look-alikes" % count)


if __name__ == "__main__":
    main()

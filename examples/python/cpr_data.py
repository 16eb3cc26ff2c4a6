#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""CPR numbers in data files, with the dkcpr Python package.

    cpr_data.py validate   data.csv COLUMN
    cpr_data.py pseudonymize data.csv COLUMN -o test.csv [--reveal]
    cpr_data.py wash       dump.sql -o test.sql [--reveal]

validate      counts the valid and invalid numbers in one CSV column and names
              the rows that are invalid (never the numbers themselves).
pseudonymize  replaces one CSV column with pseudonyms (valid CPR numbers with
              the same birth year and sex) in one library call; --reveal undoes
              it. Empty cells stay empty; an invalid number is emptied too, so
              no real number is left behind, and the rows are counted.
wash          replaces every CPR number anywhere in a text file, streaming in
              bounded memory; --reveal undoes it byte for byte.

The key is 64 hexadecimal characters (`dkcpr keygen -o test.key`), read from
--key-file FILE or else from the environment variable DKCPR_KEY. Keep it
secret: whoever has it can turn pseudonyms back into the real numbers.
--context separates datasets: the same number gets unrelated pseudonyms
under different contexts.

Run it with Debian's python3 against an installed package
(`cmake --install build`; for a prefix other than /usr and /usr/local set
PYTHONPATH=PREFIX/lib/python3.11/dist-packages), or against a build tree:

    PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/cpr_data.py \\
        wash examples/data/sagsnotater.txt -o /tmp/notater.txt
"""
import argparse
import csv
import os
import sys

import dkcpr


def load_key(key_file):
    """32 key bytes from a key file or the DKCPR_KEY environment variable."""
    if key_file:
        with open(key_file, encoding="ascii") as f:
            text = f.read()
    else:
        text = os.environ.get("DKCPR_KEY")
        if not text:
            sys.exit("no key: give --key-file FILE or set DKCPR_KEY "
                     "(64 hex characters, e.g. from `dkcpr keygen`)")
    return dkcpr.key_from_hex(text)  # CprError (E_KEY) if it is not a key


def read_csv(path):
    """The header, the rows and the CSV dialect (comma, semicolon, tab...)."""
    with open(path, newline="", encoding="utf-8") as f:
        sample = f.read(64 * 1024)
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        dialect.lineterminator = "\r\n" if "\r\n" in sample else "\n"  # keep the file's
        f.seek(0)
        rows = list(csv.reader(f, dialect))
    if not rows:
        sys.exit(f"{path}: empty file")
    return rows[0], rows[1:], dialect


def column_index(header, column):
    if column not in header:
        sys.exit(f"no column {column!r}; the columns are: {', '.join(header)}")
    return header.index(column)


def validate(args):
    header, rows, _ = read_csv(args.csv)
    col = column_index(header, args.column)
    valid = invalid = 0
    for line, row in enumerate(rows, start=2):
        value = row[col] if col < len(row) else ""
        if not value.strip():
            continue
        try:
            dkcpr.parse(value, lenient=True, allow_replacement=True)
            valid += 1
        except dkcpr.CprError as e:  # the message never contains the number
            invalid += 1
            print(f"line {line}: invalid ({e.status})")
    print(f"{valid} valid, {invalid} invalid, {len(rows) - valid - invalid} empty")


def pseudonymize(args):
    header, rows, dialect = read_csv(args.csv)
    col = column_index(header, args.column)
    cells = [row[col] if col < len(row) and row[col].strip() else None for row in rows]
    with dkcpr.Pseudonymizer(load_key(args.key_file), context=args.context,
                             lenient=True) as p:
        convert = p.reveal_many if args.reveal else p.pseudonymize_many
        # One call for the whole column; errors="none" gives None for a bad cell.
        out = convert(cells, errors="none")
    emptied = 0
    for row, before, after in zip(rows, cells, out):
        if before is not None:
            row[col] = after if after is not None else ""
            emptied += after is None
    with open(args.output, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, dialect)
        writer.writerow(header)
        writer.writerows(rows)
    done = sum(1 for c in cells if c is not None) - emptied
    print(f"{done} numbers {'revealed' if args.reveal else 'pseudonymized'}, "
          f"{emptied} invalid cells emptied", file=sys.stderr)


def wash(args):
    with dkcpr.Pseudonymizer(load_key(args.key_file), context=args.context) as p:
        stats = dkcpr.wash_file(args.input, args.output, p,
                                mode="reveal" if args.reveal else "pseudonym")
    found = sum(stats["found"].values())
    replaced = sum(stats["replaced"].values())
    print(f"{found} numbers found, {replaced} replaced, {stats['failed']} left as they were",
          file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description="Validate, pseudonymize and wash CPR numbers.")
    sub = ap.add_subparsers(dest="command", required=True)

    v = sub.add_parser("validate", help="check one CSV column")
    v.add_argument("csv")
    v.add_argument("column")
    v.set_defaults(run=validate)

    for name, run, help_text in (("pseudonymize", pseudonymize, "pseudonymize one CSV column"),
                                 ("wash", wash, "replace every number in a text file")):
        s = sub.add_parser(name, help=help_text)
        if name == "pseudonymize":
            s.add_argument("csv")
            s.add_argument("column")
        else:
            s.add_argument("input")
        s.add_argument("-o", "--output", required=True)
        s.add_argument("--reveal", action="store_true", help="undo a previous run")
        s.add_argument("--key-file", help="file with the key (default: $DKCPR_KEY)")
        s.add_argument("--context", default="", help="dataset name mixed into the pseudonyms")
        s.set_defaults(run=run)

    args = ap.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Figures for the Python binding: dkcpr.is_valid and the column call
dkcpr.is_valid_many next to python-stdnum's stdnum.dk.cpr.is_valid in the
same run, and the batch pseudonymizer.

Run with Debian's python3 and the built package on PYTHONPATH, e.g.
  PYTHONPATH=build/bindings/python /usr/bin/python3 bench/bench_python.py [--quick]
Prints "name<TAB>value<TAB>unit" lines (bench/run turns them into a table);
times are the best CPU time of several runs.
"""

import datetime
import sys
import time

import dkcpr

QUICK = "--quick" in sys.argv[1:]


def numbers(count):
    """count distinct numbers born 1900-1999, in the three written forms."""
    out, day, one = [], datetime.date(1900, 1, 1), datetime.timedelta(days=1)
    while len(out) < count:
        prefix = day.strftime("%d%m%y")
        for serial in range(min(40, count - len(out))):
            digits = f"{prefix}{(serial * 37) % 4000:04d}"
            form = len(out) % 3
            out.append(digits if form == 0 else
                       digits[:6] + ("-" if form == 1 else " ") + digits[6:])
        day += one
    return out


def best_of(repeats, fn):
    """Smallest CPU time of fn() over repeats runs. Everything here runs on
    one thread, so CPU time is the one-core figure, and unlike wall time it
    stays meaningful on a machine shared with other work."""
    best = float("inf")
    for _ in range(repeats):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def per_call_ns(fn, items, repeats):
    def loop():
        for s in items:
            fn(s)
    return best_of(repeats, loop) / len(items) * 1e9


def emit(name, value, unit):
    print(f"{name}\t{value}\t{unit}", flush=True)


def main():
    calls = 20_000 if QUICK else 200_000
    batch = 200_000 if QUICK else 1_000_000
    repeats = 3 if QUICK else 5
    sample = numbers(calls)
    # Some invalid input too: stdnum's cost differs on the error path.
    mixed = [s if i % 10 else s[:2] + "13" + s[4:] for i, s in enumerate(sample)]

    emit("python", sys.version.split()[0], "")
    emit("dkcpr", dkcpr.__version__, "")
    ours = per_call_ns(dkcpr.is_valid, mixed, repeats)
    emit("dkcpr.is_valid per call", f"{ours:.0f}", "ns")
    theirs = None
    try:
        from stdnum.dk import cpr as stdnum_cpr
    except ImportError:
        emit("stdnum.dk.cpr.is_valid", "python-stdnum not installed", "")
    else:
        theirs = per_call_ns(stdnum_cpr.is_valid, mixed, repeats)
        emit("stdnum.dk.cpr.is_valid per call", f"{theirs:.0f}", "ns")
        emit("is_valid speed-up over python-stdnum", f"{theirs / ours:.1f}", "x")
    # The column call: one list in, one list of bools out.
    many = best_of(repeats, lambda: dkcpr.is_valid_many(mixed)) / len(mixed) * 1e9
    emit("dkcpr.is_valid_many per number", f"{many:.1f}", "ns")
    if theirs is not None:
        emit("is_valid_many speed-up over python-stdnum is_valid", f"{theirs / many:.0f}", "x")
    emit("dkcpr.parse per call", f"{per_call_ns(dkcpr.parse, sample[:calls // 4], repeats):.0f}",
         "ns")

    big = numbers(batch)
    with dkcpr.Pseudonymizer(dkcpr.keygen()) as p:
        single = per_call_ns(p.pseudonymize, big[:calls // 4], repeats)
        emit("Pseudonymizer.pseudonymize per call (default keep)", f"{single:.0f}", "ns")
        t = best_of(repeats, lambda: p.pseudonymize_many(big))
        emit(f"pseudonymize_many, {batch:,} numbers, one core (default keep)",
             f"{batch / t / 1e6:.2f}", "million/s")
        out = p.pseudonymize_many(big)
        t = best_of(repeats, lambda: p.reveal_many(out))
        emit(f"reveal_many, {batch:,} numbers, one core", f"{batch / t / 1e6:.2f}", "million/s")

        line = "INSERT INTO patient VALUES (17, 'Jensen', '%s', 'journal note');\n"
        text = "".join(line % s for s in big[:20_000])
        t = best_of(repeats, lambda: dkcpr.wash(text, p))
        emit("dkcpr.wash of SQL text (1 number / 70 B)", f"{len(text.encode()) / t / 1e6:.0f}",
             "MB/s")
        t = best_of(repeats, lambda: dkcpr.wash(text, p, format="sql"))
        emit("dkcpr.wash of an SQL dump by structure (format='sql')",
             f"{len(text.encode()) / t / 1e6:.0f}", "MB/s")
        t = best_of(repeats, lambda: dkcpr.scan(text))
        emit("dkcpr.scan of SQL text (1 number / 70 B)", f"{len(text.encode()) / t / 1e6:.0f}",
             "MB/s")


if __name__ == "__main__":
    main()

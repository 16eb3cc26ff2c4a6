# SPDX-License-Identifier: Apache-2.0
"""The manual pages the build made: each renders with groff without a single
warning (all groff warnings on), the overviews also through man -l, each has
a NAME line that mandb can read, and every function the library exports has
its section 3 page.

Usage: check_man.py [--symbols dkcpr.sym] PAGE_OR_DIR...
       check_man.py --selftest     (proves each check fails on a bad page)
"""
import os
import subprocess
import sys
import tempfile

ENV = dict(os.environ, MANWIDTH="80", MANPAGER="cat", PAGER="cat", LC_ALL="C.UTF-8")


def run(cmd):
    return subprocess.run(cmd, capture_output=True, env=ENV, timeout=300)


def problems_of(pages):
    """What is wrong with the pages, as a list of lines. man and lexgrog
    take every page in one run (they are slow to start); a page that fails
    there is then named by a run of its own."""
    bad = []
    for page in pages:  # groff names the page in its messages
        p = run(["groff", "-man", "-Tutf8", "-ww", "-z", page])
        if p.returncode != 0 or p.stderr.strip():
            bad.append("%s: groff exits %d: %s" % (
                page, p.returncode, p.stderr.decode(errors="replace").strip()))
    # man's own pipeline (preconv, tbl, nroff) on the pages unlike the others:
    # the overviews and one function page; groff has read them all. (man
    # takes near a second a page on a busy machine.)
    pages_for_man = [pg for pg in pages if not os.path.basename(pg).startswith("dkcpr_")]
    pages_for_man += [pg for pg in pages if pg not in pages_for_man][:1]
    p = run(["man", "--warnings=w", "-l"] + pages_for_man)
    if p.returncode != 0 or p.stderr.strip():
        for page in pages_for_man if len(pages_for_man) > 1 else []:
            q = run(["man", "--warnings=w", "-l", page])
            if q.returncode != 0 or q.stderr.strip():
                bad.append("%s: man exits %d: %s" % (
                    page, q.returncode, q.stderr.decode(errors="replace").strip()))
        if len(pages_for_man) == 1 or not bad:
            bad.append("%s: man exits %d: %s" % (
                " ".join(pages_for_man), p.returncode, p.stderr.decode(errors="replace").strip()))
    p = run(["lexgrog"] + pages)
    names = p.stdout.decode(errors="replace").splitlines()
    for page in pages:  # one line per page: 'PAGE: "name - summary"'
        if not any(n.startswith(page + ": \"") and " - " in n for n in names):
            bad.append("%s: no NAME line for mandb (lexgrog: %s)" % (
                page, "; ".join(n for n in names if n.startswith(page)) or "nothing"))
    return bad


def pages_in(paths):
    for path in paths:
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name[-2:-1] == "." and name[-1].isdigit():
                    yield os.path.join(path, name)
        else:
            yield path


def check(paths, symbols):
    pages = list(pages_in(paths))
    bad = []
    if not pages:
        bad.append("no pages in %s" % " ".join(paths))
    if pages:
        bad += problems_of(pages)
    if symbols:
        have = {os.path.basename(p) for p in pages}
        with open(symbols, encoding="utf-8") as f:
            for sym in f.read().split():
                if sym + ".3" not in have:
                    bad.append("%s is exported but has no page %s.3" % (sym, sym))
    return pages, bad


def selftest():
    with tempfile.TemporaryDirectory() as tmp:
        def page(name, text):
            path = os.path.join(tmp, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            return path
        good = page("good.3", ".TH GOOD 3\n.SH NAME\ngood \\- a page\n.SH DESCRIPTION\nText.\n")
        cases = {
            "unknown macro": page("m.3", ".TH M 3\n.SH NAME\nm \\- x\n.BOGUS\n"),
            "bad escape": page("e.3", ".TH E 3\n.SH NAME\ne \\- x\n.SH D\n\\[nosuchglyph]\n"),
            "no NAME": page("n.3", ".TH N 3\n.SH DESCRIPTION\nText.\n"),
        }
        if problems_of([good]):
            sys.exit("selftest: a good page fails: %s" % problems_of([good]))
        for what, path in cases.items():
            if not problems_of([path]) or not problems_of([good, path]):
                sys.exit("selftest: a page with %s passes" % what)
        sym = page("syms", "good\nmissing\n")
        _, bad = check([good], sym)
        if not any("missing" in b for b in bad):
            sys.exit("selftest: an exported symbol without a page passes")
    print("selftest: every check fails on a bad page")


def main():
    args = sys.argv[1:]
    if args == ["--selftest"]:
        selftest()
        return
    symbols = None
    if args[:1] == ["--symbols"]:
        symbols, args = args[1], args[2:]
    pages, bad = check(args, symbols)
    for b in bad:
        print(b)
    if bad:
        sys.exit(1)
    print("%d pages render without warnings" % len(pages))


if __name__ == "__main__":
    main()

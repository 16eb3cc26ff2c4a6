#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Lines of hand-written C in the Python and Java bindings.

    /usr/bin/python3 tests/bindings/c_lines.py [SOURCE_DIR] [--max N]

Counts code lines, without comments and blank lines, in
bindings/python/native/*.c and *.h, and the C inside the SWIG interfaces
bindings/swig/dkcpr.i, dkcpr_python.i and dkcpr_java.i: %{ %} blocks (not
the Java or Python code of %pragma and %pythoncode), and the typemap,
%exception and %extend bodies: the lines inside their { }, " " or %{ %},
not the directive's own line (unless the body starts on it). The Java
typemaps that only name a type (jni, jtype, jstype, javain, javaout, ...)
and %typemap copies and clears hold no C.

Prints one line per file and the total; with --max N, exits 1 when the
total exceeds N. docs/python.md and docs/java.md quote these figures.
"""
import pathlib
import re
import sys

NATIVE = "bindings/python/native"
INTERFACES = ("bindings/swig/dkcpr.i", "bindings/swig/dkcpr_python.i",
              "bindings/swig/dkcpr_java.i")
# Typemaps whose body is Java, or a type name, not C.
NOT_C = {"jni", "jtype", "jstype", "javain", "javaout", "javacode", "javabody", "javabase",
         "javainterfaces", "javaimports", "javaclassmodifiers", "javadestruct",
         "javafinalize", "javaconstruct", "jboxtype", "javadirectorin", "javadirectorout",
         "doc"}
DIRECTIVE = re.compile(r"%(\{|typemap\s*\(|exception\b|extend\b|pragma\b|pythoncode\b"
                       r"|javacode\b|insert\b|define\b)")


def strip_comments(text):
    """text with its comments blanked (newlines kept), strings left alone."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c == '"' or (c == "'" and re.match(r"'(\\.|[^\\'\n])'", text[i:i + 4])):
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def code_lines(text):
    return sum(1 for line in text.split("\n") if line.strip())


def skip_string(text, i):
    j = i + 1
    while j < len(text) and text[j] != '"':
        j += 2 if text[j] == "\\" else 1
    return j + 1


def balanced(text, i, open_, close):
    """The index after the close matching text[i] == open_."""
    depth, j = 0, i
    while j < len(text):
        if text[j] == '"':
            j = skip_string(text, j)
            continue
        if text[j] == open_:
            depth += 1
        elif text[j] == close:
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return j


def body(text, i):
    """(start, end) of the inside of the body starting at or after i ({ },
    "" or %{ %}), or None when a ; comes first (no body)."""
    j = i
    while j < len(text):
        if text.startswith("%{", j):
            k = text.find("%}", j)
            return j + 2, len(text) if k < 0 else k
        c = text[j]
        if c == "{":
            return j + 1, balanced(text, j, "{", "}") - 1
        if c == '"':
            return j, skip_string(text, j)
        if c == "(":
            j = balanced(text, j, "(", ")")
            continue
        if c == ";":
            return None
        j += 1
    return None


def body_end(text, i):
    b = body(text, i)
    return None if b is None else b[1]


def interface_c(text):
    """The C regions of a SWIG interface, comments already blanked."""
    regions, i = [], 0
    while True:
        m = DIRECTIVE.search(text, i)
        if m is None:
            return regions
        word = m.group(1)
        if word == "{":  # a bare %{ %} block: C for the wrapper
            end = text.find("%}", m.end())
            end = len(text) if end < 0 else end + 2
            regions.append((m.end(), end - 2))
            i = end
        elif word.startswith("typemap"):
            close = balanced(text, m.end() - 1, "(", ")")
            kind = text[m.end():close - 1].split(",")[0].strip()
            b = body(text, close)
            if b is None:
                i = close
                continue
            if kind not in NOT_C:
                regions.append(b)
            i = b[1]
        elif word in ("exception", "extend"):
            b = body(text, m.end())
            if b is not None:
                regions.append(b)
            i = b[1] if b is not None else m.end()
        elif word == "define":  # a macro: its directives are read where written
            i = m.end()
        else:  # %pragma(java) ...=%{ Java %}, %pythoncode: not C
            end = body_end(text, m.end())
            i = end if end is not None else m.end()


def count_interface(text):
    text = strip_comments(text)
    lines = set()
    for a, b in interface_c(text):
        first = text.count("\n", 0, a)
        for k, line in enumerate(text[a:b].split("\n")):
            if line.strip():
                lines.add(first + k)
    return len(lines)


def counts(root):
    files = sorted((root / NATIVE).glob("*.[ch]"))
    rows = [(str(p.relative_to(root)), code_lines(strip_comments(p.read_text())))
            for p in files]
    for rel in INTERFACES:
        p = root / rel
        if p.exists():
            rows.append((rel, count_interface(p.read_text())))
    return rows


def main(argv):
    limit = None
    if "--max" in argv:
        k = argv.index("--max")
        limit = int(argv[k + 1])
        argv = argv[:k] + argv[k + 2:]
    root = pathlib.Path(argv[0] if argv else pathlib.Path(__file__).resolve().parents[2])
    rows = counts(root)
    total = sum(n for _, n in rows)
    width = max(len(r) for r, _ in rows)
    for rel, n in rows:
        print(f"{rel:<{width}}  {n:4d}")
    print(f"{'total':<{width}}  {total:4d}")
    if limit is not None and total > limit:
        print(f"the bindings hold {total} lines of hand-written C, more than {limit}: "
              "move the new C into a typemap, or say in docs/python.md why it cannot be one",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

# SPDX-License-Identifier: Apache-2.0
"""Every source file names its license in an SPDX line near its top.

    check_spdx.py SOURCE_DIR [--fix]

Source files: C, headers, SWIG interfaces, Python, Java, CMake, shell and
make files, the templates CMake configures, the scripts without a suffix and
the PostgreSQL extension's script. Data (test vectors, corpora, fuzz
regressions, SQL run by the tests) carries no such line. --fix adds the line
where it is missing, as a comment in the file's own syntax.
"""
import os
import sys

LINE = "SPDX-License-Identifier: Apache-2.0"
SKIP_DIRS = {".git", "tests/regressions", "tests/vectors", "tests/corpus", "tests/schemas",
             "examples/data", "samples", "postgres/test/sql", "postgres/test/expected"}
SCRIPTS = {".ci/run", "abi/check"}


def comment_for(rel):
    name = os.path.basename(rel)
    if name.endswith(".in"):
        name = name[:-3]
    ext = os.path.splitext(name)[1]
    if ext in (".c", ".h", ".i"):
        return "/* %s */" % LINE
    if ext == ".java":
        return "// %s" % LINE
    if ext == ".xml":
        return "<!-- %s -->" % LINE
    if ext == ".sql" and rel.startswith("postgres/dkcpr--"):
        return "-- %s" % LINE
    if ext in (".py", ".cmake", ".sh", ".pc") or name in ("CMakeLists.txt", "Makefile"):
        return "# %s" % LINE
    if rel in SCRIPTS or os.path.dirname(rel) == "scripts" and ext == "":
        return "# %s" % LINE
    return None


def sources(root):
    for top, dirs, files in os.walk(root):
        rel_top = os.path.relpath(top, root)
        rel_top = "" if rel_top == "." else rel_top
        dirs[:] = sorted(d for d in dirs
                         if os.path.join(rel_top, d) not in SKIP_DIRS
                         and not d.startswith("build") and d != "__pycache__")
        for f in sorted(files):
            rel = os.path.join(rel_top, f)
            comment = comment_for(rel)
            if comment is not None:
                yield rel, comment


def add_line(path, comment):
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    at = 0
    # After a #! line or an XML declaration, which must stay first.
    if lines and (lines[0].startswith("#!") or lines[0].startswith("<?xml")):
        at = 1
    lines.insert(at, comment + "\n")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(lines)


def main():
    root = sys.argv[1]
    fix = "--fix" in sys.argv[2:]
    missing = []
    count = 0
    for rel, comment in sources(root):
        count += 1
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            head = "".join(f.readline() for _ in range(3))
        if LINE not in head:
            if fix:
                add_line(os.path.join(root, rel), comment)
            else:
                missing.append(rel)
    if count < 100:
        print("check_spdx: only %d source files found under %s" % (count, root))
        return 1
    for rel in missing:
        print("%s: no '%s' in its first three lines" % (rel, LINE))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

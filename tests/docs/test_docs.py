#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Checks of the documentation: README.md and docs/*.md.

- every relative link (and #anchor) resolves to an existing file (heading);
- README.md stays a front page (under 16 KB) and links every page in docs/;
- each page in docs/ starts with its title and a one-line summary;
- the `dkcpr ...` command lines in ```sh blocks (and inline code that is
  one) name only subcommands and options that the built program's
  `dkcpr CMD --help` lists (DKCPR_BIN), and so do the rows of a command
  table (docs/cli.md);
- the ```python blocks compile, and README's runs (PythonRun, against the
  built package on PYTHONPATH).

The self-tests run each check on a broken copy, to prove it can fail.

    DKCPR_BIN=build/tools/dkcpr /usr/bin/python3 tests/docs/test_docs.py [TEST]...
"""
import importlib.util
import os
import pathlib
import re
import shlex
import subprocess
import tempfile
import unittest

SOURCE = pathlib.Path(os.environ.get("DKCPR_SOURCE_DIR",
                                     pathlib.Path(__file__).resolve().parents[2]))
README_MAX_BYTES = 16 * 1024
FENCE = re.compile(r"^(```+|~~~+)\s*([\w+-]*)")


def pages(root):
    """README.md and docs/*.md under root."""
    return [root / "README.md"] + sorted((root / "docs").glob("*.md"))


def split_markdown(text):
    """(prose lines with their numbers, [(info, first line number, code)])."""
    prose, blocks, fence, info, start, code = [], [], None, "", 0, []
    for no, line in enumerate(text.split("\n"), 1):
        m = FENCE.match(line.strip())
        if fence is None and m:
            fence, info, start, code = m.group(1), m.group(2).lower(), no + 1, []
        elif fence is not None and line.strip().startswith(fence) and \
                line.strip().strip(fence[0]) == "":
            blocks.append((info, start, "\n".join(code)))
            fence = None
        elif fence is not None:
            code.append(line)
        else:
            prose.append((no, line))
    return prose, blocks


def slug(heading):
    """The anchor GitHub gives a heading."""
    s = re.sub(r"`|\*\*|\[|\]\([^)]*\)", "", heading.strip()).lower()
    s = re.sub(r"[^\w\- ]", "", s)
    return s.replace(" ", "-")


def anchors(path):
    seen, out = {}, set()
    prose, _ = split_markdown(path.read_text(encoding="utf-8"))
    for _, line in prose:
        m = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if m:
            s = slug(m.group(1))
            n = seen.get(s, 0)
            seen[s] = n + 1
            out.add(s if n == 0 else "%s-%d" % (s, n))
        for a in re.findall(r'<a\s+(?:name|id)="([^"]+)"', line):
            out.add(a)
    return out


LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")


def links(path):
    """(line number, target) of every link outside code."""
    prose, _ = split_markdown(path.read_text(encoding="utf-8"))
    for no, line in prose:
        line = re.sub(r"(`+).*?\1", "", line)   # inline code
        for m in LINK.finditer(line):
            yield no, m.group(1)
        m = REFDEF.match(line)
        if m:
            yield no, m.group(1)


def broken_links(root):
    bad = []
    for page in pages(root):
        for no, target in links(page):
            if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", target):
                continue                      # https:, mailto: ...
            path, _, anchor = target.partition("#")
            dest = (page.parent / path).resolve() if path else page
            where = "%s:%d: %s" % (page.relative_to(root), no, target)
            if not dest.exists():
                bad.append(where + " (no such file)")
            elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
                bad.append(where + " (no such heading)")
    return bad


def summary_problems(root):
    """Each docs page: '# Title', a blank line, one line of summary, a blank line."""
    bad = []
    for page in sorted((root / "docs").glob("*.md")):
        lines = page.read_text(encoding="utf-8").split("\n") + ["", "", ""]
        if not (lines[0].startswith("# ") and lines[1] == "" and lines[2].strip()
                and not lines[2].startswith(("#", "-", "|", "`")) and lines[3] == ""):
            bad.append("%s: does not start with '# Title', then a one-line summary"
                       % page.relative_to(root))
    return bad


def unlinked_pages(root):
    linked = {(root / t.partition("#")[0]).resolve()
              for _, t in links(root / "README.md")}
    return [str(p.relative_to(root)) for p in sorted((root / "docs").glob("*.md"))
            if p.resolve() not in linked]


def strip_comment(line):
    """A shell line without its # comment (a # that starts a word, unquoted)."""
    quote = None
    for i, c in enumerate(line):
        if quote:
            if c == quote:
                quote = None
            elif c == "\\" and quote == '"':
                continue
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i]
    return line


def dkcpr_commands(code):
    """Token lists of every dkcpr command in a shell block, dkcpr first."""
    code = re.sub(r"\\\n", " ", code)
    for line in code.split("\n"):
        lex = shlex.shlex(strip_comment(line), posix=True, punctuation_chars=True)
        lex.whitespace_split = True
        lex.commenters = ""
        try:
            tokens = list(lex)
        except ValueError:
            continue
        segment = []
        for tok in tokens + [";"]:
            if tok in ("$", "`") or (tok and all(c in "|&;()<>" for c in tok)):
                while segment and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", segment[0]):
                    segment.pop(0)          # VAR=value before the command
                if segment and os.path.basename(segment[0]) == "dkcpr":
                    yield ["dkcpr"] + segment[1:]
                segment = []
            else:
                segment.append(tok)


class Cli:
    """What the built program's --help texts list."""

    def __init__(self, binary):
        self.binary = binary
        self.main = self.help()
        self.commands = set(re.findall(r"^  ([a-z][a-z0-9-]*)\s{2,}", self.main, re.M))
        self.top_options = set(re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", self.main))
        self.cache = {}

    def help(self, *cmd):
        r = subprocess.run([self.binary, *cmd, "--help"], capture_output=True,
                           text=True, timeout=30)
        if r.returncode != 0:
            raise AssertionError("%s %s --help exits %d: %s" % (
                self.binary, " ".join(cmd), r.returncode, r.stderr.strip()))
        return r.stdout

    def options(self, cmd):
        """{option: takes a value} from `dkcpr CMD --help`."""
        if cmd not in self.cache:
            opts = {}
            for line in self.help(cmd).split("\n"):
                if not re.match(r"^\s+-", line):
                    continue
                spec = re.split(r"\s{2,}", line.strip())[0]
                names = re.findall(r"(?<![\w-])(--?[A-Za-z0-9][\w-]*)", spec)
                value = bool(re.search(r"[=\s][A-Z\[]|=", spec))
                for n in names:
                    opts[n] = value
            self.cache[cmd] = opts
        return self.cache[cmd]

    def problems(self, tokens):
        """What in one dkcpr command line the program does not list."""
        if len(tokens) < 2:
            return []
        first = tokens[1]
        if first.startswith("-"):
            opt = first.split("=")[0]
            return [] if opt in self.top_options else ["option %s" % opt]
        if first not in self.commands:
            return ["command %s" % first]
        opts, bad = self.options(first), []
        for tok in tokens[2:]:
            if tok == "--":
                break
            if not tok.startswith("-") or tok == "-":
                continue
            if tok.startswith("--"):
                if tok.split("=")[0] not in opts:
                    bad.append("option %s" % tok.split("=")[0])
                continue
            # -x, -xVALUE, or a cluster of short flags -xyz.
            for i, c in enumerate(tok[1:]):
                short = "-" + c
                if short not in opts:
                    bad.append("option %s" % short)
                    break
                if opts[short]:
                    break               # the rest is its value
        return bad


def command_texts(text):
    """(line number, shell text): ```sh blocks, and inline code that is a
    dkcpr command line (`dkcpr wash --manifest m.json`)."""
    prose, blocks = split_markdown(text)
    for info, start, code in blocks:
        if info in ("sh", "bash", "shell"):
            yield start, code
    for no, line in prose:
        for m in re.finditer(r"(`+)(.*?)\1", line):
            span = m.group(2).replace("...", "")
            if re.match(r"^(\S*/)?dkcpr\s+-*[a-z]", span) or "| dkcpr " in span:
                yield no, span


def unknown_cli_words(root, binary, files=None):
    cli, bad = Cli(binary), []
    for page in files or pages(root):
        for start, code in command_texts(page.read_text(encoding="utf-8")):
            for tokens in dkcpr_commands(code):
                for p in cli.problems(tokens):
                    bad.append("%s:%d: `%s`: %s is not in its --help" % (
                        page.relative_to(root), start, " ".join(tokens), p))
    return bad


def unknown_table_options(root, binary, files=None):
    """Rows of a command table (| `wash [FILE]...` | ... |) may name only
    options of that command."""
    cli, bad = Cli(binary), []
    for page in files or pages(root):
        prose, _ = split_markdown(page.read_text(encoding="utf-8"))
        for no, line in prose:
            m = re.match(r"^\| `([a-z]+)[ `]", line)
            if not m or m.group(1) not in cli.commands:
                continue
            opts = cli.options(m.group(1))
            for word in sorted(set(re.findall(r"(?<![\w-])(--[a-z][\w-]*|-[a-zA-Z])\b", line))):
                if word not in opts:
                    bad.append("%s:%d: the %s row names %s, which its --help does not list" % (
                        page.relative_to(root), no, m.group(1), word))
    return bad


def python_errors(root, files=None):
    bad = []
    for page in files or [root / "README.md", root / "docs" / "python.md"]:
        _, blocks = split_markdown(page.read_text(encoding="utf-8"))
        for info, start, code in blocks:
            if info not in ("python", "py"):
                continue
            try:
                compile(code, str(page.relative_to(root)), "exec")
            except SyntaxError as e:
                bad.append("%s:%d: %s" % (e.filename, start + (e.lineno or 1) - 1, e.msg))
    return bad


class Links(unittest.TestCase):
    def test_relative_links_resolve(self):
        self.assertEqual(broken_links(SOURCE), [])

    def test_readme_links_every_page(self):
        self.assertEqual(unlinked_pages(SOURCE), [])

    def test_pages_start_with_a_summary(self):
        self.assertEqual(summary_problems(SOURCE), [])


def readme_too_big(root):
    size = (root / "README.md").stat().st_size
    if size >= README_MAX_BYTES:
        return ["README.md is %d bytes (limit %d): move detail into docs/"
                % (size, README_MAX_BYTES)]
    return []


class Size(unittest.TestCase):
    def test_readme_is_a_front_page(self):
        self.assertEqual(readme_too_big(SOURCE), [])


class CommandLines(unittest.TestCase):
    def test_only_listed_commands_and_options(self):
        binary = os.environ.get("DKCPR_BIN")
        if not binary:
            self.skipTest("DKCPR_BIN not set")
        self.assertEqual(unknown_cli_words(SOURCE, binary), [])

    def test_command_tables_name_only_listed_options(self):
        binary = os.environ.get("DKCPR_BIN")
        if not binary:
            self.skipTest("DKCPR_BIN not set")
        self.assertEqual(unknown_table_options(SOURCE, binary), [])


class PythonBlocks(unittest.TestCase):
    def test_python_blocks_compile(self):
        self.assertEqual(python_errors(SOURCE), [])


class PythonRun(unittest.TestCase):
    """README's Python example runs against the built package (PYTHONPATH)."""

    def test_readme_python_example_runs(self):
        if "PYTHONPATH" not in os.environ and importlib.util.find_spec("dkcpr") is None:
            self.skipTest("no dkcpr package: set PYTHONPATH=build/bindings/python")
        os.environ.setdefault("DKCPR_KEY", os.urandom(32).hex())
        _, blocks = split_markdown((SOURCE / "README.md").read_text(encoding="utf-8"))
        ran = 0
        for info, start, code in blocks:
            if info in ("python", "py"):
                exec(compile(code, "README.md:%d" % start, "exec"), {})
                ran += 1
        self.assertGreater(ran, 0, "README.md has no python example")


class SelfTest(unittest.TestCase):
    """Each check fails on a broken copy of the documentation."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = pathlib.Path(self.tmp.name)
        (self.root / "docs").mkdir()
        (self.root / "docs" / "a.md").write_text("# A\n\nSummary.\n\n## Part one\n")

    def tearDown(self):
        self.tmp.cleanup()

    def readme(self, text):
        (self.root / "README.md").write_text(text)

    def test_good_copy_passes(self):
        self.readme("[a](docs/a.md) [b](docs/a.md#part-one) [c](https://x.org/y)\n"
                    "`[not](a-link.md)`\n```sh\n[not](a-link.md)\n```\n")
        self.assertEqual(broken_links(self.root), [])
        self.assertEqual(unlinked_pages(self.root), [])
        self.assertEqual(summary_problems(self.root), [])

    def test_broken_link_fails(self):
        self.readme("[a](docs/a.md) [b](docs/missing.md)\n")
        self.assertEqual(len(broken_links(self.root)), 1)

    def test_broken_anchor_fails(self):
        self.readme("[a](docs/a.md#part-two)\n")
        self.assertEqual(len(broken_links(self.root)), 1)

    def test_unlinked_page_and_missing_summary_fail(self):
        self.readme("nothing\n")
        (self.root / "docs" / "b.md").write_text("# B\n## At once a heading\n")
        self.assertEqual(unlinked_pages(self.root), ["docs/a.md", "docs/b.md"])
        self.assertEqual(len(summary_problems(self.root)), 1)

    def test_syntax_error_fails(self):
        self.readme("```python\nx = (\n```\n")
        self.assertEqual(len(python_errors(self.root, [self.root / "README.md"])), 1)

    def test_unknown_command_and_options_fail(self):
        binary = os.environ.get("DKCPR_BIN")
        if not binary:
            self.skipTest("DKCPR_BIN not set")
        self.readme("```sh\n"
                    "dkcpr wash -k key --keep year -o out in   # fine\n"
                    "x=$(dkcpr keygen) && dkcpr scan -r --json . | grep -c x\n"
                    "dkcpr wash --no-such-option in\n"
                    "cat in | dkcpr wash -Z in\n"
                    "dkcpr frobnicate in\n"
                    "dkcpr check --lenient \\\n    --no-such-either 0707614285\n"
                    "```\n"
                    "Inline: `dkcpr info --json 0707614285`, `dkcpr generate --sed 1`.\n")
        bad = unknown_cli_words(self.root, binary)
        self.assertEqual(len(bad), 5, bad)
        for word in ("--no-such-option", "-Z", "frobnicate", "--no-such-either", "--sed"):
            self.assertTrue(any(word in b for b in bad), (word, bad))

    def test_unknown_option_in_a_command_table_fails(self):
        binary = os.environ.get("DKCPR_BIN")
        if not binary:
            self.skipTest("DKCPR_BIN not set")
        self.readme("| command | what it does |\n| --- | --- |\n"
                    "| `scan [-r] PATH...` | `--json`, `--shw` |\n"
                    "| `keygen` | `-o FILE`, `--force` |\n")
        bad = unknown_table_options(self.root, binary)
        self.assertEqual(len(bad), 1, bad)
        self.assertIn("--shw", bad[0])

    def test_readme_size_limit_fails(self):
        self.readme("x" * (README_MAX_BYTES - 1))
        self.assertEqual(readme_too_big(self.root), [])
        self.readme("x" * README_MAX_BYTES)
        self.assertEqual(len(readme_too_big(self.root)), 1)


if __name__ == "__main__":
    unittest.main()

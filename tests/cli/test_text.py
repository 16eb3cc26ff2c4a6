# SPDX-License-Identifier: Apache-2.0
"""The command's text has one source, tools/dkcpr.1.md: the built program's
--help texts, the options it accepts and its manual page must all say what
that source says. The source is read here on its own (not with the build's
generator), so a generator that drops or garbles text fails too; and the
checks are run once more on a copy of the source with an option added, to
prove that they fail when the program and the source part ways."""
import os
import re
import subprocess
import sys
import tempfile
import unittest

BIN = os.environ["DKCPR_BIN"]
SOURCE = os.environ["DKCPR_CLI_SOURCE"]
GENERATOR = os.environ["DKCPR_CLI_GENERATOR"]
BUILT = os.environ["DKCPR_CLI_BUILT_DIR"]  # dkcpr.1, cli_text.c, cli_text.h
VERSION = os.environ["DKCPR_VERSION"]

OPTION = re.compile(r"^- `((?:-(\w), )?--([a-z0-9-]+)(?:=(\S+))?)`:\s*(.*)$")


def norm(text):
    """Words only: wrapping, justification and typography do not count."""
    for a, b in (("\u2010", "-"), ("\u2011", "-"), ("\u2212", "-"), ("\u2019", "'"),
                 ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00ad", "")):
        text = text.replace(a, b)
    return " ".join(text.split())


def unmark(text):
    return re.sub(r"\*\*|(?<![\w*])\*|\*(?![\w*])|`", "", text)


def read_source(text):
    """{command: {"help": [fence lines...], "options": [dict]}} and the main help."""
    commands, main_help, cmd = {}, None, None
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.startswith("## "):
            cmd = None
        m = re.match(r"### dkcpr ([a-z]+)(?: (.*))?$", ln)
        if m:
            cmd = commands.setdefault(m.group(1), {"args": m.group(2) or "", "help": [],
                                                   "options": []})
        if ln.startswith("```help"):
            j = lines.index("```", i + 1)
            block = lines[i + 1:j]
            if cmd:
                cmd["help"].append(block)
            else:
                main_help = block
            i = j + 1
            continue
        m = OPTION.match(ln)
        if m and cmd:
            help_lines = [m.group(5)]
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and lines[i].strip():
                help_lines.append(lines[i].strip())
                i += 1
            page = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith("  ")):
                if lines[i].strip():
                    page.append(lines[i].strip())
                elif page and page[-1] != "":
                    page.append("")
                i += 1
            cmd["options"].append({
                "spec": m.group(1), "short": m.group(2), "long": m.group(3),
                "value": bool(m.group(4)), "help": " ".join(help_lines),
                "page": [p for p in " ".join(page).split("  ") if p.strip()]})
            continue
        i += 1
    return commands, main_help


def run(args, **kw):
    return subprocess.run([BIN] + args, capture_output=True, timeout=60, **kw)


def help_problems(commands, main_help):
    bad = []
    out = run(["--help"]).stdout.decode()
    if out != "\n".join(main_help) + "\n":
        bad.append("dkcpr --help differs from the source's help block")
    for name, cmd in commands.items():
        text = run([name, "--help"]).stdout.decode()
        if not text.startswith("Usage: dkcpr %s %s\n" % (name, cmd["args"])):
            bad.append("%s --help: usage line differs from the heading" % name)
        listed = {}
        for m in re.finditer(r"^\s+(?:-(\w), )?--([a-z0-9-]+)(=\S+)?", text, re.M):
            listed[m.group(2)] = (m.group(1), bool(m.group(3)))
        documented = {o["long"]: (o["short"], o["value"]) for o in cmd["options"]}
        if listed != documented:
            bad.append("%s --help lists %s, the source %s" % (name, sorted(listed.items()),
                                                              sorted(documented.items())))
        for o in cmd["options"]:
            if norm(o["help"]) not in norm(text):
                bad.append("%s --help: no '%s' for --%s" % (name, o["help"], o["long"]))
        for block in cmd["help"]:
            if "\n".join(block) not in text:
                bad.append("%s --help: a help block of the source is missing" % name)
    return bad


def accept_problems(commands):
    """Every documented option, long and short, is one the program knows."""
    bad = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, cmd in commands.items():
            for o in cmd["options"]:
                if o["long"] == "help":
                    continue
                forms = [["--" + o["long"]] + (["x"] if o["value"] else [])]
                if o["short"]:
                    forms.append(["-" + o["short"]] + (["x"] if o["value"] else []))
                for form in forms:
                    p = run([name] + form, cwd=tmp, stdin=subprocess.DEVNULL)
                    err = p.stderr.decode(errors="replace")
                    if re.search(r"unknown( or ambiguous)? option|is unknown, ambiguous", err):
                        bad.append("%s %s: %s" % (name, " ".join(form), err.strip()))
    return bad


def page_problems(commands, page_path):
    env = dict(os.environ, MANWIDTH="2000", MANPAGER="cat", LC_ALL="C.UTF-8")
    p = subprocess.run(["man", "-l", page_path], capture_output=True, env=env, timeout=120)
    page = norm(p.stdout.decode(errors="replace"))
    bad = []
    for name, cmd in commands.items():
        heading = norm("dkcpr %s %s" % (name, cmd["args"]))
        if heading not in page:
            bad.append("dkcpr(1) has no heading '%s'" % heading)
        for o in cmd["options"]:
            if o["long"] == "help":
                continue
            if norm(o["spec"]) not in page:
                bad.append("dkcpr(1): %s has no item %s" % (name, o["spec"]))
            for para in o["page"] or [o["help"]]:
                if norm(unmark(para)) not in page:
                    bad.append("dkcpr(1): %s %s: '%s...' is missing" % (
                        name, o["spec"], unmark(para)[:50]))
    return bad


class TextTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(SOURCE, encoding="utf-8") as f:
            cls.source = f.read()
        cls.commands, cls.main_help = read_source(cls.source)

    def test_source_read(self):
        self.assertGreaterEqual(len(self.commands), 7)
        self.assertTrue(all(c["options"] for c in self.commands.values()))

    def test_help_says_what_the_source_says(self):
        self.assertEqual(help_problems(self.commands, self.main_help), [])

    def test_program_accepts_every_documented_option(self):
        self.assertEqual(accept_problems(self.commands), [])

    def test_manual_page_says_what_the_source_says(self):
        self.assertEqual(page_problems(self.commands, os.path.join(BUILT, "dkcpr.1")), [])

    def test_built_files_are_those_of_the_source(self):
        with tempfile.TemporaryDirectory() as tmp:
            outs = [os.path.join(tmp, n) for n in ("dkcpr.1", "cli_text.c", "cli_text.h")]
            subprocess.run([sys.executable, GENERATOR, SOURCE, VERSION] + outs, check=True)
            for out in outs:
                with open(out, "rb") as a, open(os.path.join(BUILT, os.path.basename(out)), "rb") as b:
                    self.assertEqual(a.read(), b.read(), "%s is stale" % os.path.basename(out))

    def test_checks_fail_when_source_and_program_part(self):
        """An option added to the source only, and its page made from that
        source: the program neither lists nor accepts it."""
        changed = self.source.replace(
            "- `-r, --recursive`:", "- `--frobnicate=N`: frob N times\n- `-r, --recursive`:", 1)
        commands, main_help = read_source(changed)
        self.assertIn("frobnicate", [o["long"] for o in commands["scan"]["options"]])
        self.assertTrue(help_problems(commands, main_help))
        self.assertTrue(accept_problems({"scan": commands["scan"]}))
        gone = self.source.replace("- `--show`:", "- `--shown`:", 1)
        self.assertTrue(page_problems(read_source(gone)[0],
                                      os.path.join(BUILT, "dkcpr.1")))


if __name__ == "__main__":
    unittest.main(verbosity=2)

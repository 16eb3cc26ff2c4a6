#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The dkcpr command's text from its one source, tools/dkcpr.1.md (whose
header comment describes the format): the manual page dkcpr(1), and C with
every --help text and every command's getopt_long table.

Usage: gen_cli_text.py SOURCE.md VERSION OUT.1 OUT.c OUT.h

Runs on python3-minimal (a fresh machine's Python): no argparse.
"""
import re
import sys
import textwrap

WIDTH = 79  # --help lines stay within 80 columns


class Option:
    def __init__(self, spec, help_text, man):
        m = re.fullmatch(r"(?:-([A-Za-z0-9]), )?--([a-z0-9][a-z0-9-]*)(?:=(\S+))?", spec)
        if not m:
            raise SystemExit("gen_cli_text: bad option spec `%s`" % spec)
        self.short, self.long, self.arg = m.group(1), m.group(2), m.group(3)
        self.spec = spec
        self.help = help_text
        self.man = man  # paragraphs; empty: the page uses the help text


class Command:
    def __init__(self, name, args):
        self.name = name
        self.args = args
        self.helps = []  # help fences: intro, then epilogue
        self.options = []
        self.man = []  # ("para"|"code"|"bullet", text) blocks for the page


class Source:
    def __init__(self):
        self.title = ""
        self.main_help = None
        self.sections = []  # (name, [block]); a block is (kind, data)
        self.commands = []


# ---------------------------------------------------------------- reading

def blocks(lines):
    """(kind, data) blocks: heading, fence, item, bullet, para."""
    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        if ln.startswith("<!--"):
            while i < n and "-->" not in lines[i]:
                i += 1
            i += 1
            continue
        if not ln.strip():
            i += 1
            continue
        if ln.startswith("#"):
            m = re.match(r"(#+)\s+(.*)", ln)
            yield "heading", (len(m.group(1)), m.group(2).strip())
            i += 1
            continue
        if ln.startswith("```"):
            info = ln[3:].strip()
            body = []
            i += 1
            while i < n and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            i += 1
            yield "fence", (info, body)
            continue
        m = re.match(r"- `([^`]+)`:\s*(.*)", ln)
        if m:
            head = [m.group(2)]
            i += 1
            while i < n and lines[i].startswith("  ") and lines[i].strip():
                head.append(lines[i].strip())
                i += 1
            paras = []
            while True:  # indented paragraphs after a blank line: the page's text
                j = i
                while j < n and not lines[j].strip():
                    j += 1
                if j > i and j < n and lines[j].startswith("  "):
                    para = []
                    while j < n and lines[j].startswith("  ") and lines[j].strip():
                        para.append(lines[j].strip())
                        j += 1
                    paras.append(" ".join(para))
                    i = j
                else:
                    break
            yield "item", (m.group(1), " ".join(head).strip(), paras)
            continue
        if ln.startswith("* "):
            text = [ln[2:].strip()]
            i += 1
            while i < n and lines[i].startswith("  ") and lines[i].strip():
                text.append(lines[i].strip())
                i += 1
            yield "bullet", " ".join(text)
            continue
        para = []
        while i < n and lines[i].strip() and not re.match(r"(#|```|- `|\* )", lines[i]):
            para.append(lines[i])
            i += 1
        yield "para", para


def read_source(text):
    src = Source()
    cmd = None
    section = None
    for kind, data in blocks(text.split("\n")):
        if kind == "heading":
            level, title = data
            if level == 1:
                m = re.fullmatch(r"dkcpr\(1\) -- (.*)", title)
                if not m:
                    raise SystemExit("gen_cli_text: the first heading is `# dkcpr(1) -- TITLE`")
                src.title = m.group(1)
            elif level == 2:
                section = (title.upper(), [])
                src.sections.append(section)
                cmd = None
            else:
                m = re.fullmatch(r"dkcpr ([a-z]+)(?: (.*))?", title)
                if not m or section is None:
                    raise SystemExit("gen_cli_text: bad command heading `%s`" % title)
                cmd = Command(m.group(1), m.group(2) or "")
                src.commands.append(cmd)
                section[1].append(("command", cmd))
            continue
        if kind == "fence" and data[0] == "help":
            if cmd:
                if len(cmd.helps) == 1 and not cmd.options:
                    raise SystemExit("gen_cli_text: %s: a second help fence before the options" % cmd.name)
                cmd.helps.append(data[1])
            elif src.main_help is None:
                src.main_help = data[1]
            else:
                raise SystemExit("gen_cli_text: more than one help fence outside the commands")
            continue
        if cmd and kind == "item":
            spec, help_text, paras = data
            opt = Option(spec, help_text, paras)
            if any(o.long == opt.long for o in cmd.options):
                raise SystemExit("gen_cli_text: %s: --%s twice" % (cmd.name, opt.long))
            cmd.options.append(opt)
            continue
        target = cmd.man if cmd else (section[1] if section else None)
        if target is None:
            raise SystemExit("gen_cli_text: text before the first section")
        target.append((kind, data))
    if src.main_help is None:
        raise SystemExit("gen_cli_text: no help fence for dkcpr --help")
    for c in src.commands:
        if not c.helps:
            raise SystemExit("gen_cli_text: %s has no help fence" % c.name)
        if not any(o.long == "help" for o in c.options):
            raise SystemExit("gen_cli_text: %s has no --help option" % c.name)
    return src


# ---------------------------------------------------------------- --help

def option_display(opt):
    return ("-%s, --%s" % (opt.short, opt.long) if opt.short else "    --" + opt.long) + \
        ("=" + opt.arg if opt.arg else "")


def help_text(cmd):
    out = ["Usage: dkcpr %s %s" % (cmd.name, cmd.args)]
    out += cmd.helps[0]
    out.append("")
    width = min(max(len(option_display(o)) for o in cmd.options), 24)
    col = 2 + width + 2
    for o in cmd.options:
        shown = "  " + option_display(o)
        desc = textwrap.wrap(o.help, WIDTH - col, break_on_hyphens=False) or [""]
        if len(shown) + 2 <= col:
            out.append(shown.ljust(col) + desc[0])
        elif len(shown) + 2 + len(desc[0]) <= WIDTH:
            out.append(shown + "  " + desc[0])
        else:
            out.append(shown)
            out.append(" " * col + desc[0])
        out += [" " * col + d for d in desc[1:]]
    for extra in cmd.helps[1:]:
        out.append("")
        out += extra
    return "\n".join(l.rstrip() for l in out) + "\n"


def c_string(text):
    """A C string literal, one source line per output line."""
    parts = []
    for ln in text.splitlines(keepends=True):
        s = ln.replace("\\", "\\\\").replace('"', '\\"').replace("?", "\\?")
        parts.append('    "%s"' % s.replace("\n", "\\n"))
    return "\n".join(parts) if parts else '    ""'


def c_ident(name):
    return re.sub(r"[^A-Za-z0-9]", "_", name).upper()


def c_sources(src):
    long_only = sorted({o.long for c in src.commands for o in c.options if not o.short})
    h = ["/* Generated by tools/gen_cli_text.py from tools/dkcpr.1.md: edit that file. */",
         "#ifndef DKCPR_CLI_TEXT_H", "#define DKCPR_CLI_TEXT_H", "", "#include <getopt.h>", "",
         "/* What getopt_long returns for an option without a short form. */",
         "enum {"]
    h += ["  OPT_%s%s," % (c_ident(n), " = 256" if i == 0 else "") for i, n in enumerate(long_only)]
    h += ["  OPT_END_"] if not long_only else []
    h += ["};", "", "extern const char cli_help_main[];"]
    c = ["/* Generated by tools/gen_cli_text.py from tools/dkcpr.1.md: edit that file. */",
         '#include <stddef.h>', "", '#include "cli_text.h"', "",
         "const char cli_help_main[] =", c_string("\n".join(src.main_help) + "\n") + ";"]
    for cmd in src.commands:
        n = cmd.name
        h += ["", "/* dkcpr %s */" % n,
              "extern const char cli_help_%s[];" % n,
              "extern const struct option cli_options_%s[];" % n,
              "extern const char cli_shorts_%s[];" % n]
        c += ["", "const char cli_help_%s[] =" % n, c_string(help_text(cmd)) + ";"]
        c.append("const struct option cli_options_%s[] = {" % n)
        for o in cmd.options:
            value = "'%s'" % o.short if o.short else "OPT_" + c_ident(o.long)
            c.append('    {"%s", %s, NULL, %s},' % (
                o.long, "required_argument" if o.arg else "no_argument", value))
        c.append("    {NULL, 0, NULL, 0}};")
        # ':' first: a missing value is told apart from an unknown option.
        shorts = ":" + "".join(o.short + (":" if o.arg else "") for o in cmd.options if o.short)
        c.append('const char cli_shorts_%s[] = "%s";' % (n, shorts))
    h += ["", "#endif /* DKCPR_CLI_TEXT_H */"]
    return "\n".join(c) + "\n", "\n".join(h) + "\n"


# ---------------------------------------------------------------- roff

def roff_text(s):
    """Markdown-like inline text to roff."""
    out = []
    for i, part in enumerate(re.split(r"`([^`]*)`", s)):
        part = part.replace("\\", "\\e")
        if i % 2:
            out.append("\\fB%s\\fR" % part.replace("-", "\\-"))
            continue
        part = re.sub(r"\*\*(.+?)\*\*", lambda m: "\\fB%s\\fR" % m.group(1).replace("-", "\\-"), part)
        part = re.sub(r"(?<![\w*])\*([^*\s][^*]*?)\*(?![\w*])", r"\\fI\1\\fR", part)
        out.append(part)
    text = "".join(out)
    return "\\&" + text if text[:1] in (".", "'") else text


def roff_option(opt):
    s = ("\\fB\\-%s\\fR, " % opt.short) if opt.short else ""
    s += "\\fB\\-\\-%s\\fR" % opt.long.replace("-", "\\-")
    if opt.arg:
        s += "=\\fI%s\\fR" % opt.arg.replace("-", "\\-")
    return s


def roff_blocks(blocks_, out):
    for kind, data in blocks_:
        if kind == "para":
            out += [".PP", roff_text(" ".join(l.strip() for l in data))]
        elif kind == "bullet":
            out += [".IP \\(bu 2", roff_text(data)]
        elif kind == "fence":
            out += [".PP", ".RS", ".nf"]
            out += ["\\&" + l.replace("\\", "\\e").replace("-", "\\-") for l in data[1]]
            out += [".fi", ".RE"]
        elif kind == "item":
            term, text, paras = data
            out += [".TP", "\\fB%s\\fR" % roff_text(term)]
            for i, p in enumerate([text] + paras):
                if i:
                    out.append(".IP")
                out.append(roff_text(p))


def man_page(src, version):
    # .nh: option and file names are never split at a line's end.
    out = ['.TH DKCPR 1 "" "dkcpr %s" "User Commands"' % version, ".nh", ".SH NAME",
           "dkcpr \\- " + roff_text(src.title)]
    for name, body in src.sections:
        out.append('.SH "%s"' % name if " " in name else ".SH " + name)
        if name == "SYNOPSIS":  # one line each
            lines = [l.strip() for k, d in body if k == "para" for l in d]
            for i, l in enumerate(lines):
                out += ([".br"] if i else []) + [roff_text(l)]
            continue
        for kind, data in body:
            if kind != "command":
                roff_blocks([(kind, data)], out)
                continue
            cmd = data
            out.append('.SS "dkcpr %s %s"' % (cmd.name, cmd.args.replace("-", "\\-")))
            roff_blocks(cmd.man, out)
            for o in cmd.options:
                if o.long == "help":
                    continue
                out += [".TP", roff_option(o)]
                for i, p in enumerate(o.man or [o.help]):
                    if i:
                        out.append(".IP")
                    out.append(roff_text(p))
    # A paragraph right after a heading needs no .PP of its own.
    cleaned = []
    for ln in out:
        if ln == ".PP" and cleaned and (cleaned[-1].startswith(".SH") or cleaned[-1].startswith(".SS")):
            continue
        cleaned.append(ln)
    return "\n".join(cleaned) + "\n"


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__.strip().split("\n")[3])
    source, version, out_man, out_c, out_h = sys.argv[1:]
    with open(source, encoding="utf-8") as f:
        src = read_source(f.read())
    c_text, h_text = c_sources(src)
    for path, text in ((out_man, man_page(src, version)), (out_c, c_text), (out_h, h_text)):
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Section 3 manual pages for the C API, made from the doc comments of
include/dkcpr.h: one page per exported function (dkcpr_parse.3, ...) and
dkcpr.3 with the file's overview, the function list and every documented
type and constant.

It reads the header's shape, not a list of names: any declaration marked
DKCPR_API is a function, and comments that are not doc comments (such as a
leading SPDX or license comment) are skipped.

Usage: gen_man3.py --version X.Y.Z --out DIR include/dkcpr.h
"""
import os
import re
import sys

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


# ---------------------------------------------------------------- reading

class Item:
    def __init__(self, kind, name, decl, doc):
        self.kind = kind  # "function", "type" or "macro"
        self.name = name
        self.decl = decl
        self.doc = doc


def skip_comment(text, i):
    """Index after the comment starting at i."""
    if text.startswith("//", i):
        j = text.find("\n", i)
        return len(text) if j < 0 else j + 1
    j = text.find("*/", i + 2)
    if j < 0:
        raise SystemExit("gen_man3: unterminated comment")
    return j + 2


def read_directive(text, i):
    """(directive text, index after it), backslash continuations joined."""
    j = i
    while True:
        k = text.find("\n", j)
        if k < 0:
            return text[i:], len(text)
        if text[k - 1] != "\\":
            return text[i:k], k + 1
        j = k + 1


def read_declaration(text, i):
    """(declaration text up to its ';' at depth 0, index after it)."""
    depth = 0
    j = i
    while j < len(text):
        if text.startswith("/*", j) or text.startswith("//", j):
            j = skip_comment(text, j)
            continue
        if text[j] == "#":  # a directive inside a body (X-macro helpers)
            _, j = read_directive(text, j)
            continue
        c = text[j]
        if c in "({":
            depth += 1
        elif c in ")}":
            depth -= 1
        elif c == ";" and depth == 0:
            return text[i:j + 1], j + 1
        j += 1
    return text[i:], len(text)


def doc_lines(comment):
    """The text lines of a /** ... */ comment, without the stars."""
    body = comment[3:-2]
    lines = []
    for line in body.split("\n"):
        line = re.sub(r"^\s*\*(?!/) ?", "", line) if line.strip().startswith("*") else line.strip()
        lines.append(line.rstrip())
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def parse_header(text):
    """(file doc lines, [Item])."""
    items = []
    file_doc = []
    pending = None
    last_end = 0
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        if text.startswith("/**", i) and not text.startswith("/**<", i) \
                and not text.startswith("/**/", i):
            j = skip_comment(text, i)
            lines = doc_lines(text[i:j])
            if any(re.match(r"\s*[@\\]file\b", ln) for ln in lines):
                file_doc = lines
                pending = None
            else:
                pending = lines
            i = j
            continue
        if text.startswith("/*", i) or text.startswith("//", i):
            i = skip_comment(text, i)  # license, SPDX or section rule
            continue
        if text[i] == "#":
            directive, j = read_directive(text, i)
            m = re.match(r"#\s*define\s+(" + IDENT + r")", directive)
            if m and m.group(1).startswith("DKCPR_") and not m.group(1).endswith("_H"):
                trailing = re.search(r"/\*\*<(.*?)\*/", directive)
                gap = text[last_end:i]
                if pending is None and items and items[-1].kind == "macro" \
                        and "\n\n" not in gap and not gap.strip():
                    items[-1].decl += "\n" + directive.strip()  # one group
                else:
                    doc = pending if pending is not None else (
                        [trailing.group(1).strip()] if trailing else None)
                    if doc is not None:
                        items.append(Item("macro", m.group(1), directive.strip(), doc))
            pending = None
            i = j
            last_end = j
            continue
        m = re.match(r'extern\s+"C"\s*\{', text[i:])
        if m:
            i += m.end()
            continue
        if text[i] == "}":
            i += 1
            continue
        decl, j = read_declaration(text, i)
        flat = " ".join(decl.split())
        if re.search(r"\bDKCPR_API\b", flat) and "(" in flat:
            name = re.search(r"(" + IDENT + r")\s*\(", re.sub(
                r"\b[A-Z][A-Z0-9_]*\s*(\([^()]*\))?", " ", flat.split("(")[0] + "(")).group(1)
            items.append(Item("function", name, decl, pending or []))
        elif flat.startswith("typedef"):
            name = re.findall(IDENT, flat.rstrip(";"))[-1]
            if pending is not None:
                items.append(Item("type", name, decl, pending))
        pending = None
        i = j
        last_end = j
    return file_doc, items


# ---------------------------------------------------------------- roff

def esc(s):
    """Text escaped for roff, with the header's light markup."""
    s = s.replace("\\", "\\e")
    s = re.sub(r"::(" + IDENT + ")", r"\1", s)
    s = re.sub(r"[@\\](?:p|a|e)\s+(" + IDENT + ")", r"\\fI\1\\fR", s)
    s = re.sub(r"[@\\](?:c|ref)\s+(" + IDENT + ")", r"\\fB\1\\fR", s)
    s = re.sub(r"`([^`]+)`", r"\\fB\1\\fR", s)
    s = re.sub(r"\b(dkcpr_" + r"[a-z0-9_]+)\(\)", r"\\fB\1\\fR()", s)
    return s


def line(s):
    """A text line that cannot be taken for a request."""
    s = s.strip()
    return "\\&" + s if s[:1] in (".", "'") else s


def paragraphs(lines):
    """roff for free text: paragraphs and '-' lists."""
    out = []
    para = []
    in_list = False

    def flush():
        if para:
            out.append(line(esc(" ".join(para))))
            para.clear()

    for ln in lines:
        if not ln.strip():
            flush()
            if out and out[-1] != ".PP":
                out.append(".PP")
            in_list = False
            continue
        m = re.match(r"\s*[-*]\s+(.*)", ln)
        if m:
            flush()
            out.append(".IP \\(bu 2")
            para.append(m.group(1))
            in_list = True
            continue
        if in_list and not ln.startswith(" "):
            flush()
            out.append(".PP")
            in_list = False
        para.append(ln.strip())
    flush()
    while out and out[-1] == ".PP":
        out.pop()
    return out


def split_doc(lines):
    """(summary lines, body lines, [(direction, name, text)], return text, see)."""
    body, params, ret, see = [], [], [], []
    target = body
    for ln in lines:
        s = ln.strip()
        m = re.match(r"[@\\]param(?:\[(in|out|in,\s*out)\])?\s+(" + IDENT + r")\s*(.*)", s)
        if m:
            params.append([m.group(1) or "", m.group(2), [m.group(3)]])
            target = params[-1][2]
            continue
        m = re.match(r"[@\\]returns?\s*(.*)", s)
        if m:
            ret.append(m.group(1))
            target = ret
            continue
        m = re.match(r"[@\\](?:see|sa)\s+(.*)", s)
        if m:
            see.extend(re.findall(r"dkcpr_[a-z0-9_]+", m.group(1)))
            continue
        m = re.match(r"[@\\](?:brief|note|warning)\s*(.*)", s)
        if m:
            target = body
            body.append(m.group(1))
            continue
        if not s and target is not body:
            target = body
        # An inline tag inside a one-line comment: "Text. @return ..."
        m = re.match(r"(.*?)\s[@\\]returns?\s+(.*)", ln)
        if m and target is body:
            body.append(m.group(1))
            ret.append(m.group(2))
            target = ret
            continue
        target.append(ln)
    text = " ".join(x.strip() for x in body if x.strip())
    guarded = re.sub(r"\b(e\.g|i\.e|etc)\.", lambda g: g.group(0).replace(".", "\0"), text)
    m = re.match(r"(.+?[.:;])(\s|$)", guarded)
    summary = (m.group(1) if m else guarded).rstrip(".:;").replace("\0", ".")
    return summary, body, params, " ".join(r.strip() for r in ret if r.strip()), see


def code_block(decl):
    code = re.sub(r"\bDKCPR_API\s+", "", decl.strip())
    code = re.sub(r"\n\s+", "\n    ", code)
    out = [".nf"]
    out += ["\\&" + esc(c) if c.strip() else "" for c in code.split("\n")]
    out.append(".fi")
    return [ln if ln else ".sp" for ln in out]


def th(name, version):
    # No hyphenation: status and function names must stay whole.
    return '.TH %s 3 "" "dkcpr %s" "dkcpr Library Functions"\n.nh' % (name.upper(), version)


def function_page(item, version, all_functions):
    summary, body, params, ret, see = split_doc(item.doc)
    out = [th(item.name, version), ".SH NAME",
           "%s \\- %s" % (esc(item.name), esc(summary or "a dkcpr library function")),
           ".SH SYNOPSIS", ".nf", "\\fB#include <dkcpr.h>\\fR", ".fi", ".PP"]
    out += code_block(item.decl)
    desc = paragraphs(body)
    if desc:
        out += [".SH DESCRIPTION"] + desc
    if params:
        out.append(".SH PARAMETERS")
        for direction, name, text in params:
            tag = "\\fI%s\\fR" % esc(name) + (" [%s]" % direction if direction else "")
            out += [".TP", tag, line(esc(" ".join(t.strip() for t in text if t.strip())) or "\\&")]
    if ret:
        out += [".SH RETURN VALUE", line(esc(ret))]
    mentioned = set(re.findall(r"dkcpr_[a-z0-9_]+(?=\(\))", "\n".join(item.doc))) | set(see)
    refs = sorted(n for n in mentioned if n in all_functions and n != item.name)
    out.append(".SH SEE ALSO")
    out.append(",\n".join(["\\fBdkcpr\\fR(3)"] + ["\\fB%s\\fR(3)" % esc(n) for n in refs]))
    return "\n".join(out) + "\n"


def overview_page(file_doc, items, version):
    lines = [ln for ln in file_doc if not re.match(r"\s*[@\\]file\b", ln)]
    brief, body = [], []
    target = body
    for ln in lines:
        m = re.match(r"\s*[@\\]brief\s*(.*)", ln)
        if m:
            brief.append(m.group(1))
            target = brief
            continue
        if target is brief and ln.startswith(" ") and ln.strip():
            brief.append(ln.strip())
            continue
        target = body
        body.append(ln)
    title = " ".join(brief).rstrip(".") or "the dkcpr library"
    out = [th("dkcpr", version), ".SH NAME",
           "dkcpr \\- %s" % esc(title),
           ".SH SYNOPSIS", ".nf", "\\fB#include <dkcpr.h>\\fR", ".fi", ".PP",
           "Link with \\fB\\-ldkcpr\\fR, or use \\fBpkg\\-config \\-\\-cflags \\-\\-libs dkcpr\\fR"
           " or CMake's \\fBfind_package(dkcpr)\\fR.",
           ".SH DESCRIPTION"]
    # "Heading" lines (a word or two alone on a line) become sub-headings.
    chunk = []
    for ln in body:
        if re.fullmatch(r"[A-Z][A-Za-z ]{0,30}", ln.strip()) and not ln.startswith(" "):
            out += paragraphs(chunk)
            chunk = []
            out += [".SS %s" % ln.strip()]
        else:
            chunk.append(ln)
    out += paragraphs(chunk)
    functions = [it for it in items if it.kind == "function"]
    out.append(".SH FUNCTIONS")
    for it in functions:
        summary = split_doc(it.doc)[0]
        out += [".TP", "\\fB%s\\fR(3)" % esc(it.name), line(esc(summary or "see its page"))]
    others = [it for it in items if it.kind != "function"]
    if others:
        out.append(".SH TYPES AND CONSTANTS")
        for it in others:
            summary, body_lines, _, ret, _ = split_doc(it.doc)
            out += [".SS %s" % esc(it.name)] + paragraphs(body_lines) + [".PP"] + code_block(it.decl)
    out += [".SH SEE ALSO", "\\fBdkcpr\\fR(1)"]
    return "\n".join(out) + "\n"


def main():
    # No argparse: python3-minimal, all a fresh machine may have, lacks gettext.
    args = sys.argv[1:]
    if len(args) != 5 or args[0] != "--version" or args[2] != "--out":
        sys.exit(__doc__.strip().split("\n")[-1])
    version, out_dir, header = args[1], args[3], args[4]
    with open(header, encoding="utf-8") as f:
        file_doc, items = parse_header(f.read())
    functions = {it.name for it in items if it.kind == "function"}
    if not functions:
        sys.exit("gen_man3: no DKCPR_API functions found in %s" % header)
    os.makedirs(out_dir, exist_ok=True)
    for old in os.listdir(out_dir):  # pages of functions that are gone
        if old.endswith(".3"):
            os.remove(os.path.join(out_dir, old))
    pages = {"dkcpr.3": overview_page(file_doc, items, version)}
    for it in items:
        if it.kind == "function":
            pages[it.name + ".3"] = function_page(it, version, functions)
    for name, text in pages.items():
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()

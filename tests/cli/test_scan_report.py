# SPDX-License-Identifier: Apache-2.0
"""dkcpr scan --report-format: SARIF 2.1.0 (checked with python3-jsonschema
against the official schema in tests/schemas/),
GitHub workflow commands, JSON and text, each compared with the numbers an
independent reader (python-stdnum) finds in the sample files."""
import json
import os
import re
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import SAMPLES, CliTestCase, run, sample_numbers  # noqa: E402

import jsonschema  # noqa: E402  (Debian's python3-jsonschema)

SCHEMA_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                           "schemas", "sarif-schema-2.1.0.json")
# Characters a URI reference may hold (RFC 3986), percent escapes included.
URI_RE = re.compile(r"^(file://)?([A-Za-z0-9\-._~/!$&'()*+,;=:@]|%[0-9A-F]{2})*$")
GITHUB_RE = re.compile(r"^::error file=([^,]*),line=([0-9]+),col=([0-9]+),title=([^:]*)::(.*)$")


def unescape_github(s):
    return urllib.parse.unquote(s, errors="surrogateescape")


def expected_findings(paths):
    """(path, line, code-point column, masked) for every number, in order."""
    out = []
    for path in paths:
        data = open(path, "rb").read()
        for start, _, written in sample_numbers(data):
            line = data.count(b"\n", 0, start) + 1
            line_start = data.rfind(b"\n", 0, start) + 1
            col = len(data[line_start:start].decode("utf-8")) + 1
            out.append((path, line, col, written[:6].decode() + "-XXXX"))
    return out


class ScanReportTest(CliTestCase):
    @classmethod
    def setUpClass(cls):
        with open(SCHEMA_PATH) as f:
            cls.schema = json.load(f)
        jsonschema.Draft4Validator.check_schema(cls.schema)
        cls.validator = jsonschema.Draft4Validator(cls.schema)

    def sarif(self, *args, cwd=None):
        p = run(["scan", "--report-format=sarif"] + list(args), cwd=cwd)
        return p, json.loads(p.stdout)

    def test_sarif_is_valid_and_matches_the_files(self):
        p, log = self.sarif(*SAMPLES)
        self.assertExit(p, 1)
        self.validator.validate(log)
        run0 = log["runs"][0]
        rules = run0["tool"]["driver"]["rules"]
        self.assertEqual([r["id"] for r in rules], ["cpr", "replacement", "x-ecpr", "d-ecpr"])
        got = []
        for res in run0["results"]:
            self.assertEqual(rules[res["ruleIndex"]]["id"], res["ruleId"])
            self.assertEqual(res["level"], "error")
            loc = res["locations"][0]["physicalLocation"]
            uri = loc["artifactLocation"]["uri"]
            self.assertRegex(uri, URI_RE)
            path = urllib.parse.unquote(uri[len("file://"):] if uri.startswith("file://") else uri)
            masked = re.search(r"[0-9]{6}-XXXX", res["message"]["text"]).group(0)
            got.append((path, loc["region"]["startLine"], loc["region"]["startColumn"], masked))
        self.assertEqual(got, expected_findings(SAMPLES))
        self.assertEqual(run0["invocations"], [{"executionSuccessful": True, "exitCode": 1}])
        for path in SAMPLES:  # masked unless --show
            for _, _, written in sample_numbers(open(path, "rb").read()):
                self.assertNotIn(written[:6] + b"-" + written[-4:], p.stdout)

    def test_sarif_clean_error_and_odd_names(self):
        clean = self.write("clean.txt", "nothing here\n")
        p, log = self.sarif(clean)
        self.assertExit(p, 0)
        self.validator.validate(log)
        self.assertEqual(log["runs"][0]["results"], [])
        # A relative name with spaces, '%', non-ASCII and non-UTF-8 bytes.
        odd = os.fsencode(self.path("")) + b"b\xe6r 100% \xc3\xa6.txt"
        with open(odd, "wb") as f:
            f.write(b"CPR: 211062-5629\n")
        p, log = self.sarif(os.path.basename(os.fsdecode(odd)), self.path("missing"),
                            cwd=self.tmp)
        self.assertExit(p, 2)
        self.validator.validate(log)
        self.assertEqual(log["runs"][0]["invocations"][0],
                         {"executionSuccessful": False, "exitCode": 2})
        uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        self.assertRegex(uri, URI_RE)
        self.assertEqual(urllib.parse.unquote_to_bytes(uri), os.path.basename(odd))

    def test_schema_rejects_what_sarif_forbids(self):
        # The gate can fail: the schema refuses logs that break SARIF's rules.
        p, log = self.sarif(SAMPLES[0])
        broken = [dict(log, version="2.0.0"),
                  {k: v for k, v in log.items() if k != "runs"}]
        res = log["runs"][0]["results"][0]
        for change in ({"level": "fatal"}, {"message": {}}, {"ruleIndex": -2},
                       {"unknown": 1}):
            b = json.loads(json.dumps(log))
            b["runs"][0]["results"][0] = dict(res, **change)
            broken.append(b)
        b = json.loads(json.dumps(log))
        b["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
        broken.append(b)
        for b in broken:
            with self.assertRaises(jsonschema.ValidationError):
                self.validator.validate(b)

    def test_github_annotations(self):
        p = run(["scan", "--report-format=github"] + SAMPLES)
        self.assertExit(p, 1)
        got = []
        for line in p.stdout.decode().splitlines():
            m = GITHUB_RE.match(line)
            self.assertTrue(m, line)
            masked = re.search(r"[0-9]{6}-XXXX", m.group(5)).group(0)
            got.append((unescape_github(m.group(1)), int(m.group(2)), int(m.group(3)), masked))
        self.assertEqual(got, expected_findings(SAMPLES))

    def test_github_escapes_names(self):
        # ':' ',' '%' and a newline in a name must not end the property or the command.
        name = "a:b,c%d\ne.txt"
        self.write(name, "x 211062-5629\n")
        p = run(["scan", "--report-format=github", name], cwd=self.tmp)
        self.assertExit(p, 1)
        lines = p.stdout.decode().splitlines()
        self.assertEqual(len(lines), 1)
        m = GITHUB_RE.match(lines[0])
        self.assertTrue(m, lines[0])
        self.assertEqual(unescape_github(m.group(1)), name)
        self.assertEqual((m.group(2), m.group(3)), ("1", "3"))

    def test_json_flag_and_format_agree(self):
        a = run(["scan", "--json"] + SAMPLES)
        b = run(["scan", "--report-format=json"] + SAMPLES)
        self.assertExit(a, 1)
        self.assertEqual(a.stdout, b.stdout)
        rows = [json.loads(line) for line in b.stdout.splitlines()]
        self.assertEqual(len(rows), len(expected_findings(SAMPLES)))

    def test_bad_format_is_usage_error(self):
        p = run(["scan", "--report-format=xml", SAMPLES[0]])
        self.assertExit(p, 2)
        self.assertOneLineMessage(p, "report-format")
        self.assertEqual(p.stdout, b"")


if __name__ == "__main__":
    unittest.main()

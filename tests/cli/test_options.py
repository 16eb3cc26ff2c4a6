# SPDX-License-Identifier: Apache-2.0
"""dkcpr wash: options that leave numbers in place are said, with how many;
contradictory options are refused and options that do nothing are named."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import CliTestCase, run  # noqa: E402

# 070761-4285 passes mod 11; 0707614286 fails it (valid since 2007);
# 2110625629 has no context word near it.
TEXT = b"cpr 070761-4285\nx 0707614286\n" + b"y" * 80 + b" 2110625629\n"


class OptionsTest(CliTestCase):
    def wash(self, *args, stdin=TEXT):
        return run(["wash", "--key-file", self.key_file] + list(args), stdin=stdin)

    def test_numbers_left_by_policy_or_confidence_are_counted_and_said(self):
        p = self.wash("--policy", "strict")
        self.assertExit(p, 0)
        self.assertIn(b"0707614286", p.stdout)
        self.assertIn(b"left in place by --policy: 1", p.stderr)
        self.assertIn(b"warning: 1 valid number left in the output because of --policy",
                      p.stderr)
        for jobs in ("1", "2"):
            p = self.wash("--min-confidence", "high", "-j", jobs)
            self.assertExit(p, 0)
            self.assertIn(b"2110625629", p.stdout)
            self.assertIn(b"because of --min-confidence", p.stderr)
        p = self.wash("--policy", "strict", "--min-confidence", "high", "-q")
        self.assertIn(b"2 valid numbers left in the output because of --policy and "
                      b"--min-confidence", p.stderr)  # said even with --quiet
        p = self.wash()
        self.assertNotIn(b"left in place", p.stderr)
        self.assertNotIn(b"warning", p.stderr)

    def test_counts_by_confidence_are_the_same_for_every_jobs(self):
        # Segments washed on other threads start mid-stream: the context
        # before them (the words on the line before, the CSV header) must
        # still count, so the summary does not depend on -j.
        rows = ["id;cpr;navn"]
        numbers = ["0707614285", "2110625629", "0101580008", "2512489996"]
        for i in range(120000):
            n = numbers[i % 4]
            rows.append(f"{i};{n};Anne" if i % 3 else f"{i};Borgerens CPR-nummer:\n{n} x")
        data = ("\n".join(rows) + "\n").encode()
        self.assertGreater(len(data), 3 << 20)  # several segments per thread
        for confidence in ("low", "medium", "high"):
            outputs, summaries = {}, {}
            for jobs in ("1", "2", "4"):
                p = self.wash("-j", jobs, "--min-confidence", confidence, stdin=data)
                self.assertExit(p, 0)
                outputs[jobs] = p.stdout
                summaries[jobs] = [ln for ln in p.stderr.splitlines()
                                   if b"confidence high" in ln or b"left in place" in ln]
            self.assertEqual(len(summaries["1"]), 2 if confidence != "low" else 1)
            for jobs in ("2", "4"):
                self.assertEqual(summaries[jobs], summaries["1"], confidence)
                self.assertEqual(outputs[jobs], outputs["1"], confidence)

    def test_contradictions_are_refused(self):
        for keep in ("none,year", "sex,none"):
            p = self.wash("--keep", keep)
            self.assertExit(p, 2)
            self.assertOneLineMessage(p, "--keep none")

    def test_options_that_do_nothing_are_named(self):
        cases = [(["--mode", "mask", "--keep", "date"], "--keep does nothing with --mode mask"),
                 (["--mode", "redact", "--never-real"], "--never-real does nothing"),
                 (["--mode", "token", "--keep", "none"], "--keep does nothing with --mode token"),
                 (["--mode", "mask"], "the key does nothing with --mode mask"),
                 (["--placeholder", "X"], "--placeholder does nothing"),
                 (["--mode", "redact", "--token-chars", "20"], "--token-chars does nothing")]
        for args, message in cases:
            with self.subTest(args=args):
                p = self.wash("-q", *args)
                self.assertExit(p, 0)
                self.assertIn(message.encode(), p.stderr)
        p = self.wash("-q", "--fallback", "redact", "--placeholder", "X", "--never-real")
        self.assertEqual(p.stderr, b"")


if __name__ == "__main__":
    unittest.main(verbosity=2)

# SPDX-License-Identifier: Apache-2.0
"""--help on every command, --version, unknown commands and options."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import CliTestCase, run  # noqa: E402

COMMANDS = ["wash", "reveal", "scan", "check", "info", "keygen", "generate"]


class UsageTest(CliTestCase):
    def test_help_everywhere(self):
        for cmd in COMMANDS:
            with self.subTest(cmd=cmd):
                p = run([cmd, "--help"])
                self.assertExit(p, 0)
                self.assertTrue(p.stdout.startswith(f"Usage: dkcpr {cmd}".encode()))
                self.assertIn(b"Exit", p.stdout)
                self.assertEqual(p.stderr, b"")
        p = run(["--help"])
        self.assertExit(p, 0)
        for cmd in COMMANDS:
            self.assertIn(cmd.encode(), p.stdout)

    def test_version(self):
        p = run(["--version"])
        self.assertExit(p, 0)
        self.assertRegex(p.stdout.decode(), r"^dkcpr [0-9]+\.[0-9]+\.[0-9]+ ")

    def test_unknown(self):
        p = run([])
        self.assertExit(p, 2)
        p = run(["shred"])
        self.assertExit(p, 2)
        self.assertOneLineMessage(p, "shred")
        for cmd in COMMANDS:
            with self.subTest(cmd=cmd):
                p = run([cmd, "--no-such-option"], stdin=b"")
                self.assertExit(p, 2)
                self.assertOneLineMessage(p, "--no-such-option")


if __name__ == "__main__":
    unittest.main(verbosity=2)

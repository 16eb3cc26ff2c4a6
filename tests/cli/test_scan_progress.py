# SPDX-License-Identifier: Apache-2.0
"""dkcpr scan shows progress on a terminal (standard error) for long runs,
and never when standard error is not a terminal."""
import os
import pty
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import BIN, CliTestCase  # noqa: E402

CHUNK = (b"x" * 99 + b"\n") * 11000  # a little over 1 MiB, the program's read size
LINE = b"CPR 211062-5629\n"


class ScanProgressTest(CliTestCase):
    def slow_scan(self, stderr_tty):
        """Feed standard input in three parts over about 1.6 seconds."""
        master = None
        if stderr_tty:
            master, slave = pty.openpty()
            err = slave
        else:
            err = subprocess.PIPE
        p = subprocess.Popen([BIN, "scan"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=err)
        if stderr_tty:
            os.close(slave)
        for i in range(3):
            p.stdin.write(LINE + CHUNK)
            p.stdin.flush()
            time.sleep(1.3 if i == 0 else 0.4)
        p.stdin.close()
        out = p.stdout.read()
        p.wait(timeout=60)
        shown = b""
        if stderr_tty:
            while True:
                try:
                    data = os.read(master, 65536)
                except OSError:
                    break
                if not data:
                    break
                shown += data
            os.close(master)
        else:
            shown = p.stderr.read()
        return p.returncode, out, shown

    def test_progress_on_a_terminal(self):
        rc, out, shown = self.slow_scan(True)
        self.assertEqual(rc, 1)
        self.assertEqual(out.count(b"211062-XXXX"), 3)  # the report is whole
        self.assertIn(b"numbers found", shown)
        self.assertIn(b"\r\x1b[K", shown)
        self.assertTrue(shown.endswith(b"\r\x1b[K"), shown[-80:])  # cleared at the end

    def test_no_progress_otherwise(self):
        rc, out, shown = self.slow_scan(False)
        self.assertEqual(rc, 1)
        self.assertEqual(out.count(b"211062-XXXX"), 3)
        self.assertEqual(shown, b"")


if __name__ == "__main__":
    unittest.main()

# SPDX-License-Identifier: Apache-2.0
"""Bounds: memory does not grow with what the input or an option holds.
check reads lines of any length in constant memory and shows at most a few
escaped bytes of an over-long one; the redact placeholder is capped and
wash's buffers grow with the output actually written."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hostile import PYTHONPATH, SANITIZED, HostileTestCase, run, run_measured  # noqa: E402

MiB = 1 << 20


class BoundsTest(HostileTestCase):
    def test_check_reads_a_huge_line_in_constant_memory(self):
        size = 256 * MiB

        def feed(pipe):
            pipe.write(b"070761-4285\n")
            block = b"\x1b[2J" + b"z" * (MiB - 4)
            for _ in range(size // MiB):
                pipe.write(block)
            pipe.write(b"\n211062-5629\n")
        code, out, err, rss_kib = run_measured(["check"], stdin_writer=feed)
        self.assertEqual(code, 1, err)
        lines = out.split(b"\n")
        self.assertEqual(lines[0], b"070761-4285: valid")
        self.assertEqual(lines[2], b"211062-5629: valid")
        self.assertLess(len(lines[1]), 200, "the long line is echoed in part only")
        self.assertIn(b"invalid", lines[1])
        self.assertTrue(lines[1].startswith(b"\\x1B[2Jzzz"), lines[1][:60])
        self.assertNotIn(b"\x1b", out)
        if not SANITIZED:
            self.assertLess(rss_kib, 32 * 1024, f"check used {rss_kib} KiB")
        # An argument: the same bounded echo.
        p = run(["check", "1" * 100000])
        self.assertExit(p, 1)
        self.assertLess(len(p.stdout), 200)

    def test_placeholder_is_capped(self):
        data = b"cpr 070761-4285\n"
        p = run(["wash", "-m", "redact", "--placeholder", "x" * 256], stdin=data)
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, b"cpr " + b"x" * 256 + b"\n")
        p = run(["wash", "-m", "redact", "--placeholder", "x" * 257], stdin=data)
        self.assertExit(p, 2)
        self.assertIn(b"256", p.stderr)
        self.assertEqual(p.stderr.count(b"\n"), 1)
        p = run(["wash", "-m", "redact", "--placeholder", "x" * 5000, "-j", "4"], stdin=data)
        self.assertExit(p, 2)

    def test_buffers_grow_with_the_output_not_the_worst_case(self):
        # A number every 4 KiB: the output is barely longer than the input,
        # whatever the placeholder. Buffers sized for the worst case (every
        # 11 bytes a number, each replaced by 256 bytes) would reserve ~26
        # MiB per 1 MiB read; sized by need they take what is written.
        line = b"x" * 4080 + b" 070761-4285\n"
        data = line * (16 * MiB // len(line))
        peak = {}
        for length in (9, 256):
            code, out, err, peak[length] = run_measured(
                ["wash", "-q", "-m", "redact", "--placeholder", "P" * length, "-j", "1"],
                stdin_data=data, field="VmPeak:")
            self.assertEqual(code, 0, err)
            self.assertEqual(out.count(b"P" * length), data.count(b"070761-4285"))
        if not SANITIZED:
            self.assertLess(peak[256] - peak[9], 8 * 1024,
                            f"address space with 9 and 256 byte placeholders: {peak} KiB")
        # Dense input with the longest placeholder on 4 threads: the output
        # itself is 23 times the input; memory stays within a few reads' worth.
        dense = b"070761-4285\n" * (4 * MiB // 12)
        code, out, err, rss = run_measured(
            ["wash", "-q", "-m", "redact", "--placeholder", "P" * 256, "-j", "4"],
            stdin_data=dense)
        self.assertEqual(code, 0, err)
        self.assertEqual(len(out), len(dense) // 12 * 257)
        if not SANITIZED:
            self.assertLess(rss, 256 * 1024, f"wash -j 4 used {rss} KiB")

    @unittest.skipUnless(PYTHONPATH, "DKCPR_PYTHONPATH not set")
    def test_library_caps_the_placeholder_for_every_binding(self):
        sys.path.insert(0, PYTHONPATH)
        import dkcpr
        self.assertEqual(dkcpr.wash("cpr 070761-4285", mode="redact", placeholder="p" * 256),
                         "cpr " + "p" * 256)
        with self.assertRaises(dkcpr.CprError):
            dkcpr.wash("cpr 070761-4285", mode="redact", placeholder="p" * 257)


if __name__ == "__main__":
    unittest.main(verbosity=2)

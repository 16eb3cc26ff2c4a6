# SPDX-License-Identifier: Apache-2.0
"""Key files: keygen -o writes only regular files, private from the first
byte, atomically, never through a symbolic link, and never replaces a
device node, FIFO, socket or symbolic link, not even with --force."""
import os
import re
import stat
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hostile import BIN, HostileTestCase, run  # noqa: E402


class KeyFilesTest(HostileTestCase):
    def snapshot(self):
        return {n: os.lstat(self.path(n)) for n in sorted(os.listdir(self.tmp))}

    def test_never_replaces_what_is_not_a_regular_file(self):
        victim = self.write("victim", b"keep me\n")
        os.symlink(victim, self.path("link"))
        os.symlink(self.path("nowhere"), self.path("dangling"))
        os.mkfifo(self.path("fifo"))
        os.mkdir(self.path("dir"))
        targets = ["link", "dangling", "fifo", "dir"]
        try:
            os.mknod(self.path("tty"), stat.S_IFCHR | 0o666, os.makedev(5, 0))
            os.mknod(self.path("null"), stat.S_IFCHR | 0o666, os.makedev(1, 3))
            targets += ["tty", "null"]
        except PermissionError:
            pass
        before = self.snapshot()
        for force in ([], ["--force"]):
            for name in targets:
                with self.subTest(target=name, force=force):
                    p = run(["keygen", "-o", self.path(name)] + force, timeout=20)
                    self.assertExit(p, 4)
                    self.assertEqual(p.stderr.count(b"\n"), 1, p.stderr)
                    self.assertEqual(p.stdout, b"")
            for alias in ("/dev/stdout", "/dev/fd/1"):
                with self.subTest(target=alias, force=force):
                    self.assertExit(run(["keygen", "-o", alias] + force), 4)
        after = self.snapshot()
        self.assertEqual(sorted(before), sorted(after))
        for n in before:
            self.assertEqual((before[n].st_mode, before[n].st_ino, before[n].st_rdev),
                             (after[n].st_mode, after[n].st_ino, after[n].st_rdev), n)
        self.assertEqual(self.read(victim), b"keep me\n")

    def test_private_atomic_and_no_clobber(self):
        out = self.path("k")
        for named in ("0", "1"):
            with self.subTest(named_temp=named):
                if os.path.exists(out):
                    os.unlink(out)
                env = {"DKCPR_NAMED_TEMP": named}
                p = run(["keygen", "-o", out], env=env, preexec_fn=lambda: os.umask(0))
                self.assertExit(p, 0)
                self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)
                first = self.read(out)
                self.assertRegex(first.decode(), r"^[0-9a-f]{64}\n$")
                self.assertExit(run(["keygen", "-o", out], env=env), 4)
                self.assertEqual(self.read(out), first)
                os.chmod(out, 0o644)
                ino = os.stat(out).st_ino
                p = run(["keygen", "--force", "-o", out], env=env)
                self.assertExit(p, 0)
                st = os.stat(out)
                self.assertEqual(stat.S_IMODE(st.st_mode), 0o600)
                self.assertNotEqual(st.st_ino, ino, "replaced by a new file, not rewritten")
                self.assertNotEqual(self.read(out), first)
                self.assertEqual(sorted(os.listdir(self.tmp)), ["k", "test.key"])
        # A name at the file system's limit.
        long_name = self.path("k" * 255)
        self.assertExit(run(["keygen", "-o", long_name]), 0)
        self.assertExit(run(["keygen", "-f", "-o", long_name],
                            env={"DKCPR_NAMED_TEMP": "1"}), 0)
        self.assertTrue(re.fullmatch(rb"[0-9a-f]{64}\n", self.read(long_name)))

    def test_standard_output_only_when_not_a_terminal(self):
        p = subprocess.run([BIN, "keygen"], capture_output=True, timeout=60)
        self.assertEqual(p.returncode, 0)
        self.assertRegex(p.stdout.decode(), r"^[0-9a-f]{64}\n$")


if __name__ == "__main__":
    unittest.main(verbosity=2)

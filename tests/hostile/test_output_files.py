# SPDX-License-Identifier: Apache-2.0
"""Output files: -o (and Python's wash_file) write only regular files, as a
new file put in place atomically; never through a symbolic link, never into
someone's FIFO, never changing another user's file; every catchable signal
removes the temporary file; names up to NAME_MAX work; a closed standard
input or a full standard output is an error with a message."""
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hostile import BIN, COMMANDS, PYTHONPATH, SANITIZED, HostileTestCase, run  # noqa: E402

DATA = b"navn;cpr\nA;070761-4285\nB;211062-5629\n"
MASKED = b"navn;cpr\nA;070761-XXXX\nB;211062-XXXX\n"

# Every signal whose default action ends the process and that can be caught.
TERMINATING = [s for s in (
    "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
    "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
    "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGIO", "SIGPWR", "SIGSYS")
    if hasattr(signal, s)]


def as_nobody():
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)


class OutputFilesTest(HostileTestCase):
    def mask(self, *args, **kw):
        return run(["wash", "-m", "mask", "-q"] + list(args), **kw)

    def listing(self):
        return sorted(os.listdir(self.tmp))

    def test_refuses_what_is_not_a_regular_file(self):
        src = self.write("in.csv", DATA)
        victim = self.write("victim", b"keep me\n")
        os.symlink(victim, self.path("link"))
        os.symlink(self.path("nowhere"), self.path("dangling"))
        os.mkfifo(self.path("fifo"))
        theirs = self.path("their-fifo")
        os.mkfifo(theirs, 0o666)
        if os.geteuid() == 0:
            os.chown(theirs, 65534, 65534)
        import socket
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(self.path("sock"))
        before = {n: os.lstat(self.path(n)) for n in self.listing()}
        for name in ("link", "dangling", "fifo", "their-fifo", "sock"):
            with self.subTest(target=name):
                # A FIFO without a reader would block an open for writing:
                # the program must refuse before opening.
                p = self.mask("-o", self.path(name), src, timeout=20)
                self.assertExit(p, 4)
                self.assertEqual(p.stderr.count(b"\n"), 1, p.stderr)
        sock.close()
        self.assertEqual(self.read(victim), b"keep me\n")
        after = {n: os.lstat(self.path(n)) for n in self.listing()}
        self.assertEqual(sorted(after), sorted(before))
        for n in before:
            self.assertEqual((before[n].st_mode, before[n].st_ino),
                             (after[n].st_mode, after[n].st_ino), n)
        # Character devices named directly, and this process's own
        # descriptors, are written to.
        self.assertExit(self.mask("-o", "/dev/null", src), 0)
        q = subprocess.run([BIN, "wash", "-m", "mask", "-q", "-o", "/dev/stdout", src],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        self.assertEqual((q.returncode, q.stdout), (0, MASKED), q.stderr)

    def program_for_nobody(self):
        """The program and its library where another user can run them: the
        build tree may sit in root's home, which nobody else may enter."""
        d = self.path("bin")
        os.mkdir(d)
        os.chmod(d, 0o755)
        shutil.copy2(BIN, d)
        for line in subprocess.run(["ldd", BIN], capture_output=True, text=True).stdout.splitlines():
            if "libdkcpr" in line and "=>" in line:
                lib = line.split("=>")[1].split("(")[0].strip()
                shutil.copy2(lib, os.path.join(d, os.path.basename(lib)))
        env = dict(os.environ, LD_LIBRARY_PATH=d)
        return os.path.join(d, os.path.basename(BIN)), env

    @unittest.skipUnless(os.geteuid() == 0, "needs root to act as two users")
    def test_another_users_file(self):
        os.chmod(self.tmp, 0o777)
        src = self.write("in.csv", DATA)
        os.chmod(src, 0o644)
        mine = self.write("roots.csv", b"root's\n")
        os.chmod(mine, 0o644)
        # Someone else may not replace it (a rename would make it theirs).
        program, env = self.program_for_nobody()
        p = subprocess.run([program, "wash", "-m", "mask", "-q", "-o", mine, src],
                           capture_output=True, env=env, timeout=60, preexec_fn=as_nobody)
        self.assertExit(p, 4)
        self.assertIn(b"another user", p.stderr)
        self.assertEqual(self.read(mine), b"root's\n")
        # Root may: the file keeps its owner, group and mode.
        theirs = self.write("theirs.csv", b"old\n")
        os.chown(theirs, 65534, 65534)
        os.chmod(theirs, 0o640)
        self.assertExit(self.mask("-o", theirs, src), 0)
        st = os.stat(theirs)
        self.assertEqual((st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)),
                         (65534, 65534, 0o640))
        self.assertEqual(self.read(theirs), MASKED)

    def test_hard_links_warn(self):
        src = self.write("in.csv", DATA)
        out = self.write("out.csv", b"old\n")
        os.link(out, self.path("other-name.csv"))
        p = self.mask("-o", out, src)
        self.assertExit(p, 0)
        self.assertIn(b"hard link", p.stderr)
        self.assertEqual(self.read(out), MASKED)

    def test_long_names(self):
        src = self.write("in.csv", DATA)
        for named in ("0", "1"):
            for n in range(240, 256):
                name = ("n" if named == "0" else "m") * n
                with self.subTest(length=n, named_temp=named):
                    p = self.mask("-o", self.path(name), src, env={"DKCPR_NAMED_TEMP": named})
                    self.assertExit(p, 0)
                    self.assertEqual(self.read(self.path(name)), MASKED)
                    p = self.mask("-o", self.path(name), src, env={"DKCPR_NAMED_TEMP": named})
                    self.assertExit(p, 0)  # replacing it too
        # A multi-byte name at the limit: the temporary name is cut at a
        # character boundary.
        name = "æ" * 127
        p = self.mask("-o", self.path(name), src, env={"DKCPR_NAMED_TEMP": "1"})
        self.assertExit(p, 0)
        self.assertEqual(len(self.listing()), 3 + 32)

    def start_wash(self, out, named):
        import resource

        def no_core_files():  # SIGQUIT, SIGSEGV and others would dump core
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        proc = subprocess.Popen([BIN, "wash", "-m", "mask", "-q", "-o", out],
                                stdin=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=dict(os.environ, DKCPR_NAMED_TEMP=named),
                                preexec_fn=no_core_files, cwd=self.tmp)
        proc.stdin.write(DATA * 1000)
        proc.stdin.flush()
        return proc

    def wait_for_temp(self, proc):
        deadline = time.time() + 30
        while time.time() < deadline:
            temps = [n for n in self.listing() if ".dkcpr-" in n]
            if temps:
                return temps
            time.sleep(0.01)
        self.fail("no temporary file appeared")

    def wait_until_written(self, proc):
        # Anonymous: the program holds an unnamed file open for writing.
        deadline = time.time() + 30
        while time.time() < deadline:
            fds = os.listdir(f"/proc/{proc.pid}/fd")
            for fd in fds:
                try:
                    target = os.readlink(f"/proc/{proc.pid}/fd/{fd}")
                except OSError:
                    continue
                if target.startswith(self.tmp) and "(deleted)" in target:
                    return
            time.sleep(0.01)
        self.fail("no anonymous output file")

    def test_every_signal_removes_the_temporary_file(self):
        out = self.path("out.csv")
        for name in TERMINATING + ["SIGRTMIN", "SIGRTMAX"]:
            sig = getattr(signal, name)
            with self.subTest(signal=name):
                proc = self.start_wash(out, "1")
                temps = self.wait_for_temp(proc)
                mode = stat.S_IMODE(os.stat(self.path(temps[0])).st_mode)
                self.assertEqual(mode, 0o600, "the temporary file must be private")
                proc.send_signal(sig)
                proc.stdin.close()
                proc.wait(timeout=30)
                proc.stderr.close()
                if SANITIZED and name in ("SIGSEGV", "SIGBUS", "SIGFPE", "SIGILL"):
                    self.assertNotEqual(proc.returncode, 0)  # the sanitizer reports it
                else:
                    self.assertEqual(proc.returncode, -sig)
                self.assertEqual(self.listing(), ["test.key"])

    def test_sigkill_leaves_nothing_where_o_tmpfile_works(self):
        out = self.path("out.csv")
        proc = self.start_wash(out, "0")
        self.wait_until_written(proc)
        self.assertEqual(self.listing(), ["test.key"], "a name before the end")
        proc.kill()
        proc.stdin.close()
        proc.wait(timeout=30)
        proc.stderr.close()
        self.assertEqual(self.listing(), ["test.key"])

    def test_new_files_get_the_usual_mode(self):
        src = self.write("in.csv", DATA)
        for named in ("0", "1"):
            out = self.path("new" + named)
            p = run(["wash", "-m", "mask", "-q", "-o", out, src],
                    env={"DKCPR_NAMED_TEMP": named}, preexec_fn=lambda: os.umask(0o027))
            self.assertExit(p, 0)
            self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o640)
            os.chmod(out, 0o604)
            self.assertExit(self.mask("-o", out, src, env={"DKCPR_NAMED_TEMP": named}), 0)
            self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o604)

    def test_closed_standard_input(self):
        # With fd 0 closed the first input would get it: "-" must not read it.
        src = self.write("in.csv", DATA)
        out = self.path("out.csv")
        p = subprocess.run([BIN, "wash", "-m", "mask", "-q", "-o", out, src, "-"],
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=60,
                           preexec_fn=lambda: os.close(0))
        self.assertNotEqual(p.returncode, 0, p.stderr)
        self.assertFalse(os.path.exists(out))
        p = subprocess.run([BIN, "check"], capture_output=True, timeout=60,
                           preexec_fn=lambda: os.close(0))
        self.assertNotEqual(p.returncode, 0)

    @unittest.skipUnless(os.path.exists("/dev/full"), "no /dev/full")
    def test_full_standard_output_is_an_error_with_a_message(self):
        src = self.write("in.csv", DATA)
        runs = {
            "wash": ["wash", "-m", "mask", src],
            "reveal": ["reveal", "-k", self.key_file, src],
            "scan": ["scan", src],
            "check": ["check", "070761-4285"],
            "info": ["info", "070761-4285"],
            "keygen": ["keygen"],
            "generate": ["generate", "-n", "5"],
        }
        self.assertEqual(sorted(runs), sorted(COMMANDS))
        for name, args in list(runs.items()) + [("help", ["--help"]),
                                                ("version", ["--version"]),
                                                ("info-help", ["info", "--help"])]:
            with self.subTest(run=name):
                with open("/dev/full", "wb") as full:
                    p = subprocess.run([BIN] + args, stdout=full, stderr=subprocess.PIPE,
                                       timeout=60)
                self.assertNotIn(p.returncode, (0, 1), p.stderr)
                self.assertIn(b"No space left", p.stderr)
                self.assertEqual(p.stderr.count(b"\n"), 1, p.stderr)


@unittest.skipUnless(PYTHONPATH, "DKCPR_PYTHONPATH not set")
class PythonWashFileTest(HostileTestCase):
    def setUp(self):
        super().setUp()
        if PYTHONPATH not in sys.path:
            sys.path.insert(0, PYTHONPATH)
        import dkcpr
        self.dkcpr = dkcpr

    def test_symlink_is_refused_and_left_alone(self):
        src = self.write("in.csv", DATA)
        victim = self.write("victim", b"keep me\n")
        os.symlink(victim, self.path("link"))
        with self.assertRaises(ValueError):
            self.dkcpr.wash_file(src, self.path("link"), mode="mask")
        self.assertEqual(self.read(victim), b"keep me\n")
        self.assertTrue(os.path.islink(self.path("link")))

    def failing_source(self, after):
        import io

        class Failing(io.RawIOBase):
            def __init__(self, check):
                self.calls = 0
                self.check = check

            def readable(self):
                return True

            def read(self, n=-1):
                self.calls += 1
                if self.calls > after:
                    self.check()
                    raise OSError("the disk went away")
                return DATA
        return Failing

    def test_failure_leaves_the_destination_as_it_was(self):
        out = self.write("out.csv", b"previous\n")
        os.chmod(out, 0o644)
        seen = []

        def check():  # while washing: a private temporary file, nothing else
            for n in os.listdir(self.tmp):
                if ".dkcpr-" in n:
                    seen.append(stat.S_IMODE(os.stat(self.path(n)).st_mode))
        for named in ("0", "1"):
            os.environ["DKCPR_NAMED_TEMP"] = named
            try:
                with self.assertRaises(OSError):
                    self.dkcpr.wash_file(self.failing_source(3)(check), out, mode="mask",
                                         chunk_size=len(DATA))
            finally:
                del os.environ["DKCPR_NAMED_TEMP"]
            self.assertEqual(self.read(out), b"previous\n")
            self.assertEqual(sorted(os.listdir(self.tmp)), ["out.csv", "test.key"])
        self.assertEqual(seen, [0o600])

    def test_character_device_is_never_removed(self):
        dev = self.path("null")
        try:
            os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except PermissionError:
            self.skipTest("cannot make a device node")
        with self.assertRaises(OSError):
            self.dkcpr.wash_file(self.failing_source(1)(lambda: None), dev, mode="mask")
        self.assertTrue(stat.S_ISCHR(os.lstat(dev).st_mode))
        fifo = self.path("fifo")
        os.mkfifo(fifo)
        with self.assertRaises(ValueError):
            self.dkcpr.wash_file(self.write("in.csv", DATA), fifo, mode="mask")
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode))

    def test_writes_like_the_program(self):
        src = self.write("in.csv", DATA)
        out = self.path("o" * 255)
        self.dkcpr.wash_file(src, out, mode="mask")
        self.assertEqual(self.read(out), MASKED)
        umask = os.umask(0)
        os.umask(umask)
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o666 & ~umask)
        os.chmod(out, 0o600)
        self.dkcpr.wash_file(src, out, mode="mask")
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["in.csv", "o" * 255, "test.key"])


if __name__ == "__main__":
    unittest.main(verbosity=2)

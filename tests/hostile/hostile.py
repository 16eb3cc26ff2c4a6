# SPDX-License-Identifier: Apache-2.0
"""Helpers for the hostile tests: run the dkcpr program (DKCPR_BIN) the way
a careless or malicious user would, in a private temporary directory."""
import os
import subprocess
import tempfile
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from clitest import KEY_HEX, CliTestCase  # noqa: E402  (the program tests' fixture)

BIN = os.environ.get("DKCPR_BIN", "dkcpr")
PYTHONPATH = os.environ.get("DKCPR_PYTHONPATH", "")
# A sanitizer build: memory figures are the sanitizer's, not the program's.
SANITIZED = os.environ.get("DKCPR_SANITIZED", "0") == "1"

COMMANDS = ["wash", "reveal", "scan", "check", "info", "keygen", "generate"]


def run(args, stdin=b"", env=None, cwd=None, timeout=120, **kw):
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.run([BIN] + list(args), input=stdin, capture_output=True,
                          env=full_env, cwd=cwd, timeout=timeout, **kw)


def _hwm_kib(pid, field="VmHWM:"):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def run_measured(args, stdin_data=b"", env=None, stdin_writer=None, field="VmHWM:"):
    """Run the program and return (exit status, stdout, stderr, peak RSS in
    KiB, or of the /proc status field given), fed from a pipe
    (stdin_writer(pipe) when given). The peak is the program's own VmHWM,
    read while it runs (a child's ru_maxrss would count this Python process,
    which it was forked from)."""
    import threading
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    proc = subprocess.Popen([BIN] + list(args), stdin=subprocess.PIPE,
                            stdout=out, stderr=err, env=full_env)
    peak = [0]
    done = threading.Event()

    def poll():
        while not done.is_set():
            peak[0] = max(peak[0], _hwm_kib(proc.pid, field))
            done.wait(0.002)
    poller = threading.Thread(target=poll)
    poller.start()
    try:
        if stdin_writer:
            stdin_writer(proc.stdin)
        else:
            proc.stdin.write(stdin_data)
        proc.stdin.close()
    except BrokenPipeError:
        pass
    proc.wait(timeout=600)
    done.set()
    poller.join()
    out.seek(0)
    err.seek(0)
    data = (proc.returncode, out.read(), err.read(), peak[0])
    out.close()
    err.close()
    return data


class HostileTestCase(CliTestCase):
    """A private temporary directory holding test.key (see CliTestCase)."""

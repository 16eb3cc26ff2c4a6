# SPDX-License-Identifier: Apache-2.0
"""The bash completion script for dkcpr, run in bash with Debian's
bash-completion against the built program."""
import os
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import BIN, CliTestCase  # noqa: E402

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                      "tools", "dkcpr.bash-completion")
BASH_COMPLETION = "/usr/share/bash-completion/bash_completion"


class CompletionTest(CliTestCase):
    def complete(self, line):
        """COMPREPLY for the command line typed so far (cursor at its end)."""
        if not os.path.exists(BASH_COMPLETION) or not shutil.which("bash"):
            self.skipTest("bash-completion is not installed")
        bindir = self.path("bin")
        os.makedirs(bindir, exist_ok=True)
        link = os.path.join(bindir, "dkcpr")
        if not os.path.exists(link):
            os.symlink(os.path.abspath(BIN), link)
        script = (f"source {BASH_COMPLETION}; source {SCRIPT}\n"
                  'COMP_LINE="$LINE"; COMP_POINT=${#COMP_LINE}\n'
                  'read -ra COMP_WORDS <<< "$COMP_LINE"\n'
                  '[[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")\n'
                  "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                  "_dkcpr dkcpr \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                  'printf "%s\\n" "${COMPREPLY[@]}"\n')
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"], LINE=line)
        p = subprocess.run(["bash", "-c", script], capture_output=True, env=env,
                           cwd=self.tmp, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        return [w for w in p.stdout.decode().splitlines() if w]

    def test_commands(self):
        got = self.complete("dkcpr ")
        for c in ("wash", "reveal", "scan", "check", "info", "keygen", "generate"):
            self.assertIn(c, got)
        self.assertEqual(self.complete("dkcpr sc"), ["scan"])

    def test_scan_options_come_from_its_help(self):
        got = self.complete("dkcpr scan --")
        help_text = subprocess.run([BIN, "scan", "--help"], capture_output=True).stdout.decode()
        for opt in ("--report-format", "--exclude", "--exclude-from", "--baseline",
                    "--write-baseline", "--kinds", "--recursive", "--json"):
            self.assertIn(opt, help_text)
            self.assertTrue(any(g.startswith(opt) for g in got), (opt, got))
        self.assertEqual(sorted(self.complete("dkcpr scan --rep")), ["--report-format="])

    def test_values(self):
        self.assertEqual(sorted(self.complete("dkcpr scan --report-format ")),
                         ["github", "json", "sarif", "text"])
        self.assertEqual(sorted(self.complete("dkcpr scan --report-format=s")), ["sarif"])
        self.assertEqual(self.complete("dkcpr scan --kinds=cpr,x"), ["cpr,x-ecpr"])
        self.assertEqual(sorted(self.complete("dkcpr scan --binary ")), ["error", "scan", "skip"])
        self.assertEqual(sorted(self.complete("dkcpr wash --binary ")), ["error", "pass", "wash"])
        self.write("baseline.txt", "")
        self.assertEqual(self.complete("dkcpr scan --baseline base"), ["baseline.txt"])

    def test_installed_where_bash_completion_looks(self):
        build = os.environ.get("DKCPR_BUILD_DIR")
        if not build or not os.path.exists(BASH_COMPLETION):
            self.skipTest("DKCPR_BUILD_DIR not set or bash-completion not installed")
        prefix = self.path("prefix")
        subprocess.run(["cmake", "--install", build, "--prefix", prefix], check=True,
                       capture_output=True, timeout=120)
        installed = os.path.join(prefix, "share", "bash-completion", "completions", "dkcpr")
        with open(installed, "rb") as a, open(SCRIPT, "rb") as b:
            self.assertEqual(a.read(), b.read())
        # bash-completion finds it by the command's name, on first use.
        env = dict(os.environ, XDG_DATA_DIRS=os.path.join(prefix, "share"))
        p = subprocess.run(["bash", "-c", f"source {BASH_COMPLETION}; "
                            "__load_completion dkcpr; complete -p dkcpr"],
                           capture_output=True, env=env, timeout=60)
        self.assertEqual(p.stdout.strip(), b"complete -F _dkcpr dkcpr", p.stderr)


if __name__ == "__main__":
    unittest.main()

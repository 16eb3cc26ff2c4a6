# SPDX-License-Identifier: Apache-2.0
"""The pre-commit hook definition (.pre-commit-hooks.yaml), run by Debian's
pre-commit against the built program, offline (language: system)."""
import os
import shlex
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import BIN, CliTestCase  # noqa: E402

HOOKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                     ".pre-commit-hooks.yaml")
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
           "GIT_CONFIG_NOSYSTEM": "1"}


class PreCommitTest(CliTestCase):
    def setUp(self):
        super().setUp()
        if not shutil.which("git"):
            self.skipTest("git is not installed")
        bindir = self.path("bin")
        os.makedirs(bindir)
        os.symlink(os.path.abspath(BIN), os.path.join(bindir, "dkcpr"))
        self.env = dict(os.environ, **GIT_ENV, HOME=self.tmp,
                        PRE_COMMIT_HOME=self.path("cache"),
                        PATH=bindir + os.pathsep + os.environ["PATH"])
        # The hook repository: this project's hook file, committed.
        self.hooks = self.path("hooks")
        os.makedirs(self.hooks)
        shutil.copy(HOOKS, os.path.join(self.hooks, ".pre-commit-hooks.yaml"))
        self.git(self.hooks, "init", "-q")
        self.git(self.hooks, "add", ".")
        self.git(self.hooks, "commit", "-qm", "hooks")
        self.rev = self.git(self.hooks, "rev-parse", "HEAD").strip()
        # A repository to commit to.
        self.work = self.path("work")
        os.makedirs(os.path.join(self.work, "fixtures"))
        self.git(self.work, "init", "-q")
        self.write("work/clean.txt", "nothing\n")
        self.write("work/fixtures/people.csv", "navn;cpr\nJens;211062-5629\n")
        self.write("work/image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
        self.git(self.work, "add", ".")

    def git(self, cwd, *args):
        return subprocess.run(["git"] + list(args), cwd=cwd, env=self.env, check=True,
                              capture_output=True).stdout.decode()

    def pre_commit(self, *args):
        if not shutil.which("pre-commit"):
            self.skipTest("pre-commit is not installed")
        return subprocess.run(["pre-commit"] + list(args), cwd=self.work, env=self.env,
                              capture_output=True, timeout=120)

    def test_hook_fails_on_a_number(self):
        p = self.pre_commit("try-repo", self.hooks, "dkcpr-scan", "--all-files")
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn(b"fixtures/people.csv:2:6: 211062-XXXX", p.stdout)
        self.assertNotIn(b"211062-5629", p.stdout)
        self.assertNotIn(b"image.png", p.stdout)  # only text files are passed
        p = self.pre_commit("try-repo", self.hooks, "dkcpr-scan", "--files", "clean.txt")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    def test_hook_args_from_the_config(self):
        with open(os.path.join(self.work, ".pre-commit-config.yaml"), "w") as f:
            f.write(f"repos:\n- repo: {self.hooks}\n  rev: {self.rev}\n  hooks:\n"
                    "  - id: dkcpr-scan\n    args: [--exclude=fixtures/]\n")
        self.git(self.work, "add", ".")
        p = self.pre_commit("run", "--all-files")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn(b"no CPR numbers", p.stdout)

    def test_entry_runs_as_written(self):
        # The hook's command itself, as pre-commit would run it with file names.
        import yaml
        with open(HOOKS) as f:
            (hook,) = yaml.safe_load(f)
        self.assertEqual(hook["language"], "system")
        argv = shlex.split(hook["entry"]) + hook.get("args", [])
        p = subprocess.run(argv + ["clean.txt", "fixtures/people.csv"], cwd=self.work,
                           env=self.env, capture_output=True)
        self.assertEqual(p.returncode, 1, p.stderr)
        p = subprocess.run(argv + ["clean.txt"], cwd=self.work, env=self.env,
                           capture_output=True)
        self.assertEqual(p.returncode, 0, p.stderr)


if __name__ == "__main__":
    unittest.main()

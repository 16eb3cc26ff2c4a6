# SPDX-License-Identifier: Apache-2.0
"""dkcpr scan --exclude and --exclude-from: which files a tree scan reads,
compared with what git itself ignores under the same .gitignore rules."""
import os
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import CliTestCase, run  # noqa: E402

NUMBER = "CPR 211062-5629\n"
FILES = ["a.txt", "b.log", "keep.log", "build/out.txt", "src/main.c", "src/build/gen.c",
         "src/deep/x/y.txt", "docs/readme.md", "docs/sub/notes.md", "fixtures/one.txt",
         "fixtures/keep/two.txt", "node_modules/pkg/index.js", "weird[1].txt",
         "space .txt", "#hash.txt", "!bang.txt", "dir.d/file"]
PATTERNS = [
    "# a comment", "", "*.log", "!keep.log", "/build/", "src/**/y.txt", "docs/**",
    "!docs/readme.md", "fixtures/", "!fixtures/keep/two.txt", "node_modules",
    "weird\\[1].txt", "space\\ .txt", "\\#hash.txt", "\\!bang.txt", "dir.d/",
    "[a-b].txt",
]


class ScanExcludeTest(CliTestCase):
    def make_tree(self):
        root = self.path("tree")
        for f in FILES:
            p = os.path.join(root, f)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w") as fh:
                fh.write(NUMBER)
        return root

    def scanned(self, args, cwd):
        p = run(["scan", "-r"] + args, cwd=cwd)
        self.assertIn(p.returncode, (0, 1), p.stderr)
        names = set()
        for line in p.stdout.decode().splitlines():
            names.add(line.split(":")[0])
        return p, names

    def git_kept(self, root, patterns):
        """The files git would not ignore under these patterns."""
        if not shutil.which("git"):
            self.skipTest("git is not installed")
        with open(os.path.join(root, ".gitignore"), "w") as fh:
            fh.write("\n".join(patterns) + "\n")
        subprocess.run(["git", "init", "-q", root], check=True)
        out = subprocess.run(["git", "ls-files", "--others", "--exclude-standard"],
                             cwd=root, capture_output=True, check=True).stdout.decode()
        os.remove(os.path.join(root, ".gitignore"))
        shutil.rmtree(os.path.join(root, ".git"))
        return {f for f in out.splitlines() if f != ".gitignore"}

    def test_exclude_from_agrees_with_git(self):
        root = self.make_tree()
        kept = self.git_kept(root, PATTERNS)
        self.assertLess(len(kept), len(FILES))  # the rules leave something out
        self.assertGreater(len(kept), 2)
        rules = self.write("rules", "\n".join(PATTERNS) + "\n")
        _, names = self.scanned(["--exclude-from", rules, "."], cwd=root)
        self.assertEqual(names, {"./" + f for f in kept})

    def test_exclude_options_agree_with_git(self):
        root = self.make_tree()
        pats = ["*.txt", "!a.txt", "src/"]
        kept = self.git_kept(root, pats)
        _, names = self.scanned([f"--exclude={p}" for p in pats] + ["."], cwd=root)
        self.assertEqual(names, {"./" + f for f in kept})

    def test_paths_are_relative_to_the_current_directory(self):
        root = self.make_tree()
        # Anchored patterns match from the current directory, whatever PATH is.
        _, names = self.scanned(["--exclude=/tree/src/", "tree"], cwd=self.tmp)
        self.assertNotIn("tree/src/main.c", names)
        self.assertIn("tree/a.txt", names)
        _, names = self.scanned(["--exclude=/tree/src/", os.path.join(self.tmp, "tree")],
                                cwd=self.tmp)
        self.assertNotIn(os.path.join(self.tmp, "tree/src/main.c"), names)
        self.assertIn(os.path.join(self.tmp, "tree/a.txt"), names)

    def test_named_files_are_excluded_too(self):
        # A pre-commit hook passes file names: the rules must still hold.
        root = self.make_tree()
        p = run(["scan", "--exclude=fixtures/", "--exclude=*.log",
                 "fixtures/one.txt", "b.log", "src/main.c"], cwd=root)
        self.assertExit(p, 1)
        self.assertEqual([line.split(":")[0] for line in p.stdout.decode().splitlines()],
                         ["src/main.c"])
        p = run(["scan", "--exclude=fixtures/", "fixtures/one.txt"], cwd=root)
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, b"")

    def test_vcs_directories_are_left_out(self):
        root = self.make_tree()
        for vcs in (".git", ".hg", ".svn"):
            os.makedirs(os.path.join(root, vcs, "objects"))
            with open(os.path.join(root, vcs, "objects", "x.txt"), "w") as fh:
                fh.write(NUMBER)
        _, names = self.scanned(["."], cwd=root)
        self.assertEqual(names, {"./" + f for f in FILES})

    def test_missing_exclude_file_is_an_error(self):
        p = run(["scan", "--exclude-from", self.path("nope"), self.tmp])
        self.assertExit(p, 2)
        self.assertOneLineMessage(p, "nope")
        bad = self.write("bin", b"a\x00b\n")
        p = run(["scan", "--exclude-from", bad, self.tmp])
        self.assertExit(p, 2)


if __name__ == "__main__":
    unittest.main()

# SPDX-License-Identifier: Apache-2.0
"""Secrets: no message ever shows key material. Every error path of every
command is driven with the key where a value belongs (every option that
takes a value, as listed by --help; unknown and misspelt options; arguments;
paths; environment variable names), and standard output and standard error
are searched for the key, in either case, whole or in part."""
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hostile import COMMANDS, KEY_HEX, HostileTestCase, run  # noqa: E402

KEYS = [KEY_HEX, KEY_HEX.upper(), "f" + KEY_HEX[1:]]  # the last starts with a letter


def options_with_values(cmd):
    """(long option, short option or None) for each option of cmd that takes
    a value, read from its --help."""
    text = run([cmd, "--help"]).stdout.decode()
    found = []
    for m in re.finditer(r"^\s+(?:-(\w), )?--([\w-]+)=", text, re.M):
        found.append(("--" + m.group(2), "-" + m.group(1) if m.group(1) else None))
    return found


class SecretsTest(HostileTestCase):
    def assertNoKey(self, proc, key, what):
        for name, stream in (("stdout", proc.stdout), ("stderr", proc.stderr)):
            low = stream.lower()
            for part in (key.lower(), key.lower()[:16], key.lower()[-16:]):
                self.assertNotIn(part.encode(), low,
                                 f"{what}: key material on {name}: {stream[:300]!r}")

    def attempts(self, cmd, key):
        """Argument lists that put the key where a value belongs."""
        yield ["--key=" + key]                 # ambiguous abbreviation
        yield ["--key-fil=" + key]             # unambiguous abbreviation
        yield ["--kye-file=" + key]            # misspelt
        yield ["--quiet=" + key]               # a flag given a value
        yield ["-k" + key]                     # a short option glued
        yield ["--" + key]                     # the key as an option
        yield ["-" + key]
        yield [key]                            # the key as the argument
        yield ["--", key]
        yield [key, key]
        yield [os.path.join(self.tmp, key)]    # in a path
        yield [os.path.join(self.tmp, key, "x")]
        for long_opt, short_opt in options_with_values(cmd):
            yield [long_opt, key]
            yield [long_opt + "=" + key]
            yield [long_opt, os.path.join(self.tmp, key)]
            if short_opt:
                yield [short_opt, key]
                yield [short_opt + key]
        # The key given where a key's source belongs, with a valid other source.
        yield ["--key-env", key, "--key-file", self.key_file]
        yield ["-k", key, "--key-env", "DKCPR_HOSTILE_UNSET"]
        yield ["--key-env", "DKCPR_HOSTILE_UNSET"]
        yield ["-o", os.path.join(self.tmp, key, "out"), "--key-file", self.key_file]

    def test_no_message_shows_the_key(self):
        os.environ.pop("DKCPR_HOSTILE_UNSET", None)
        count = 0
        for cmd in COMMANDS:
            for key in KEYS:
                for args in self.attempts(cmd, key):
                    with self.subTest(cmd=cmd, args=args):
                        p = run([cmd] + args, stdin=(key + "\n").encode(), cwd=self.tmp)
                        self.assertNoKey(p, key, f"dkcpr {cmd} {args}")
                        count += 1
        # Before any command.
        for key in KEYS:
            for args in ([key], ["--" + key], ["--key=" + key], ["--key-file", key],
                         ["-k", key]):
                p = run(args)
                self.assertEqual(p.returncode, 2)
                self.assertNoKey(p, key, f"dkcpr {args}")
        # The key in an environment variable whose content is wrong, or that
        # names a key file that is not one.
        bad = self.write("bad.key", KEY_HEX + "zz\n")
        for args, extra in ((["--key-env", "K"], {"K": KEY_HEX + "0"}),
                            (["--key-env", "K"], {"K": KEY_HEX[:-1] + "g"}),
                            (["--key-file", bad], {})):
            p = run(["wash"] + args, stdin=b"x\n", env=extra)
            self.assertNotEqual(p.returncode, 0)
            self.assertNoKey(p, KEY_HEX, f"dkcpr wash {args}")
        self.assertGreater(count, 300)

    def test_messages_stay_one_line(self):
        # A newline or escape sequence in a name cannot add a line or drive
        # the terminal: every message is one escaped line.
        for name in ("a\nb", "a\x1b[2Jb", "a\rdkcpr wash: done"):
            for args in (["wash", "-m", "mask", self.path(name)],
                         ["scan", self.path(name)],
                         ["check", "--known-dates", self.path(name), "1"],
                         ["wash", "--mode", name]):
                with self.subTest(args=args):
                    p = run(args)
                    self.assertNotEqual(p.returncode, 0)
                    self.assertEqual(p.stderr.count(b"\n"), 1, p.stderr)
                    self.assertNotIn(b"\x1b", p.stderr)
                    self.assertNotIn(b"\r", p.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)

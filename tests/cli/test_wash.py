# SPDX-License-Identifier: Apache-2.0
"""dkcpr wash and reveal: round trips, atomic -o, keys, modes, exit codes."""
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import (KEY_HEX, NUMBER_RE, SAMPLES, CliTestCase, is_number, run,  # noqa: E402
                     is_ecpr_text, sample_numbers)

def sample_bytes():
    return b"".join(open(p, "rb").read() for p in SAMPLES)


class WashTest(CliTestCase):
    def wash(self, *args, stdin=None):
        return run(["wash", "--key-file", self.key_file] + list(args), stdin=stdin)

    def reveal(self, *args, stdin=None):
        return run(["reveal", "--key-file", self.key_file] + list(args), stdin=stdin)

    def test_sample_has_numbers_in_every_form(self):
        data = sample_bytes()
        found = sample_numbers(data)
        self.assertTrue(any(is_ecpr_text(w) for _, _, w in found), "no e-CPR")
        forms = {w[6:-4] for _, _, w in found if not is_ecpr_text(w)}
        self.assertEqual(forms, {b"", b"-", b" ", b"\xc2\xa0"})
        days = {int(w[:2]) for _, _, w in found}
        self.assertTrue(any(d > 60 for d in days), "no replacement number")

    def test_wash_changes_only_numbers_and_reveal_undoes_it(self):
        original = sample_bytes()
        washed = self.wash(*SAMPLES)
        self.assertExit(washed, 0)
        out = washed.stdout
        self.assertEqual(len(out), len(original))
        changed = [i for i in range(len(out)) if out[i] != original[i]]
        self.assertTrue(changed, "nothing was washed")
        # Digits change, and the letters of e-CPR numbers; nothing else.
        for i in changed:
            self.assertTrue(chr(out[i]).isalnum() and chr(original[i]).isalnum(),
                            f"byte {i} changed and is not a digit or letter")
            self.assertTrue(out[i] < 0x80 and original[i] < 0x80)
        # Every number found in the original is gone (the key is fixed, so
        # this cannot flake).
        found = sample_numbers(original)
        self.assertGreater(len(found), 200)
        for start, end, written in found:
            self.assertNotEqual(out[start:end], written)
        revealed = self.reveal(stdin=out)
        self.assertExit(revealed, 0)
        self.assertEqual(revealed.stdout, original)
        self.assertNoKey(washed)
        self.assertNoKey(revealed)

    def test_round_trip_with_context_keep_and_never_real(self):
        original = sample_bytes()
        for opts in (["--context", "system-a"], ["--keep", "date"],
                     ["--keep", "none"], ["--keep", "sex,year"],
                     ["--policy", "strict"], ["--min-confidence", "high"]):
            with self.subTest(opts=opts):
                washed = self.wash(*opts, stdin=original)
                self.assertExit(washed, 0)
                self.assertNotEqual(washed.stdout, original)
                revealed = self.reveal(*opts, stdin=washed.stdout)
                self.assertExit(revealed, 0)
                self.assertEqual(revealed.stdout, original)

    def test_nine_digits(self):
        # 0707614285 and 0201609995 stored as integers: 707614285, 201609995
        # (checked by python-stdnum with the zero put back).
        data = b"id,cpr\n1,707614285\n2,201609995\n3,123456789\n"
        self.assertTrue(is_number(b"0707614285") and is_number(b"0201609995"))
        # In text, nine digits are opt-in; in a CSV column named cpr (found
        # by --format=auto) they are washed whatever the options.
        plain = self.wash("--format=text", stdin=data)
        self.assertExit(plain, 0)
        self.assertEqual(plain.stdout, data)
        by_field = self.wash(stdin=data)
        self.assertExit(by_field, 0)
        self.assertNotIn(b"707614285", by_field.stdout)
        # A cell whose pseudonym has no leading zero to drop gets ten digits,
        # and reveal gives its number back with the zero (counted as
        # irreversible: not the same bytes).
        expect = data
        for line in by_field.stdout.split(b"\n")[1:3]:
            if len(line) == 12:
                original = data.split(b"\n")[by_field.stdout.split(b"\n").index(line)]
                expect = expect.replace(original, original[:2] + b"0" + original[2:])
        self.assertEqual(self.reveal(stdin=by_field.stdout).stdout, expect)
        washed = self.wash("--format=text", "--nine-digits", stdin=data)
        self.assertExit(washed, 0)
        lines = washed.stdout.split(b"\n")
        self.assertEqual(len(washed.stdout), len(data))
        for i in (1, 2):
            self.assertNotEqual(lines[i], data.split(b"\n")[i])
            self.assertEqual(len(lines[i]), 11)  # still nine digits
            self.assertTrue(is_number(b"0" + lines[i][2:]))
        self.assertEqual(lines[3], b"3,123456789")
        self.assertEqual(self.reveal("--format=text", stdin=washed.stdout).stdout, washed.stdout)
        revealed = self.reveal("--format=text", "--nine-digits", stdin=washed.stdout)
        self.assertExit(revealed, 0)
        self.assertEqual(revealed.stdout, data)

    def test_never_real(self):
        # Pseudonyms land in the day+60 space, so replacement numbers already
        # in the input cannot get one: they are replaced for good by a keyed
        # token (or the placeholder), counted apart, and reveal leaves them
        # alone while every other number comes back.
        original = sample_bytes()
        found = sample_numbers(original)
        replacement = [w for _, _, w in found if int(w[:2]) > 60]
        self.assertTrue(replacement)
        washed = self.wash("--never-real", stdin=original)
        self.assertExit(washed, 0)
        self.assertIn(f"irreversibly {len(replacement)} (token), left unchanged 0".encode(),
                      washed.stderr)
        for r in replacement:
            self.assertNotIn(r, washed.stdout)
        revealed = self.reveal("--never-real", stdin=washed.stdout)
        self.assertExit(revealed, 0)
        for r in replacement:
            self.assertNotIn(r, revealed.stdout)
        # Outside the tokens, reveal gives the original back: cut both at
        # the replacement numbers and compare the pieces between them.
        pieces = [original]
        for r in replacement:
            pieces = [q for p in pieces for q in p.split(r)]
        at = 0
        for piece in pieces:
            i = revealed.stdout.find(piece, at)
            self.assertGreaterEqual(i, 0, piece[:60])
            at = i + len(piece)
        redacted = self.wash("--never-real", "--fallback=redact", stdin=original)
        self.assertExit(redacted, 0)
        self.assertEqual(redacted.stdout.count(b"[CPR]"), len(replacement))
        lines = [ln for ln in original.splitlines(keepends=True)
                 if not any(r in ln for r in replacement)]
        ordinary = b"".join(lines)
        washed = self.wash("--never-real", stdin=ordinary)
        self.assertIn(b"irreversibly 0", washed.stderr)
        revealed = self.reveal("--never-real", stdin=washed.stdout)
        self.assertEqual(revealed.stdout, ordinary)

    def test_context_separates(self):
        data = open(SAMPLES[0], "rb").read()
        a = self.wash("--context", "a", stdin=data).stdout
        b = self.wash("--context", "b", stdin=data).stdout
        self.assertNotEqual(a, b)
        self.assertEqual(a, self.wash("--context", "a", stdin=data).stdout)

    def test_random_binary_round_trip(self):
        rng = random.Random(5)
        numbers = [b"211062-5629", b"0101580008", b"070761 4285", b"2512489996",
                   b"311217-6852", b"0201609995", b"6701651004"]
        parts = []
        for _ in range(3000):
            parts.append(bytes(rng.randrange(256) for _ in range(rng.randrange(0, 700))))
            parts.append(b" " + rng.choice(numbers) + b" ")
        data = b"".join(parts)  # a few MB: numbers cross the 1 MiB reads
        self.assertGreater(len(data), 1 << 20)
        refused = self.wash(stdin=data)  # not text: refused unless asked for
        self.assertExit(refused, 3)
        self.assertEqual(refused.stdout, b"")
        washed = self.wash("--binary=wash", stdin=data)
        self.assertExit(washed, 0)
        self.assertNotEqual(washed.stdout, data)
        self.assertEqual(len(washed.stdout), len(data))
        revealed = self.reveal("--binary=wash", stdin=washed.stdout)
        self.assertExit(revealed, 0)
        self.assertEqual(revealed.stdout, data)

    def test_threads_give_the_same_output(self):
        rng = random.Random(9)
        numbers = [b"211062-5629", b"0101580008", b"070761 4285", b"6701651004"]
        lines = []
        for _ in range(60000):
            words = [rng.choice([b"CPR:", b"navn", b"x"]) for _ in range(rng.randrange(5))]
            lines.append(b" ".join(words + [rng.choice(numbers)]))
        text = b"\n".join(lines) * 3 + b"\n"
        long_line = b"a" * ((1 << 20) + 99) + b" 211062-5629 " + text  # longer than a read
        for data, modes in ((text, (["--mode", "mask"], [])), (long_line, ([],))):
            for mode in modes:
                one = self.wash("-q", "-j", "1", *mode, stdin=data)
                self.assertExit(one, 0)
                for jobs in ("2", "3"):
                    many = self.wash("-q", "-j", jobs, *mode, stdin=data)
                    self.assertExit(many, 0)
                    self.assertEqual(many.stdout, one.stdout, (jobs, mode))

    def test_summary_on_stderr(self):
        p = self.wash(*SAMPLES)
        err = p.stderr.decode()
        self.assertIn("%d inputs" % len(SAMPLES), err)
        self.assertRegex(err, r"found [1-9][0-9]* \(cpr [0-9]+")
        self.assertIn("replacement", err)
        q = self.wash("-q", *SAMPLES)
        self.assertEqual(q.stderr, b"")
        self.assertEqual(q.stdout, p.stdout)

    def test_output_file_atomic(self):
        out = self.path("out.sql")
        p = self.wash("-o", out, *SAMPLES)
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, b"")
        self.assertEqual(self.read(out), self.wash(*SAMPLES).stdout)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["out.sql", "test.key"])

    def test_failed_run_leaves_no_output(self):
        out = self.path("new.sql")
        # The second input cannot be read: the first has been washed by then.
        for bad in (self.path("missing.csv"), self.tmp):
            with self.subTest(bad=bad):
                p = self.wash("-o", out, SAMPLES[0], bad)
                self.assertExit(p, 3)
                self.assertOneLineMessage(p, bad)
                self.assertFalse(os.path.exists(out))
                self.assertEqual(sorted(os.listdir(self.tmp)), ["test.key"])
        # An existing output stays exactly as it was.
        old = self.write("old.sql", b"previous contents\n")
        p = self.wash("-o", old, SAMPLES[0], self.path("missing.csv"))
        self.assertExit(p, 3)
        self.assertEqual(self.read(old), b"previous contents\n")
        self.assertEqual(sorted(os.listdir(self.tmp)), ["old.sql", "test.key"])

    def test_interrupted_run_leaves_no_output(self):
        import signal
        import subprocess
        import time
        out = self.path("out.sql")
        # A named temporary file, as on file systems without O_TMPFILE
        # (tests/hostile covers the anonymous one and every signal).
        proc = subprocess.Popen([os.environ["DKCPR_BIN"], "wash", "--key-file",
                                 self.key_file, "-o", out],
                                stdin=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=dict(os.environ, DKCPR_NAMED_TEMP="1"))
        proc.stdin.write(b"CPR 211062-5629\n" * 1000)
        proc.stdin.flush()
        deadline = time.time() + 30
        while len(os.listdir(self.tmp)) < 2 and time.time() < deadline:
            time.sleep(0.05)  # until the temporary file exists
        self.assertEqual(len(os.listdir(self.tmp)), 2)
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
        self.assertEqual(proc.returncode, -signal.SIGTERM)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["test.key"])

    def test_output_to_a_device_or_pipe(self):
        # A device named directly is written to, never replaced by a rename;
        # a FIFO by name is refused (it may be anyone's), a pipe this process
        # holds (/dev/stdout, /dev/fd/N) is written to.
        import stat as st
        import subprocess
        p = self.wash("-o", "/dev/null", SAMPLES[0])
        self.assertExit(p, 0)
        self.assertTrue(st.S_ISCHR(os.stat("/dev/null").st_mode))
        fifo = self.path("fifo")
        os.mkfifo(fifo)
        p = self.wash("-o", fifo, SAMPLES[0])
        self.assertExit(p, 4)
        self.assertOneLineMessage(p, "FIFO")
        self.assertTrue(st.S_ISFIFO(os.stat(fifo).st_mode))
        q = subprocess.run([os.environ["DKCPR_BIN"], "wash", "--key-file", self.key_file,
                            "-q", "-o", "/dev/stdout", SAMPLES[0]],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(q.returncode, 0, q.stderr)
        self.assertEqual(q.stdout, self.wash(SAMPLES[0]).stdout)

    def test_output_in_place(self):
        data = open(SAMPLES[1], "rb").read()
        f = self.write("data.csv", data)
        self.assertExit(self.wash("-o", f, f), 0)
        self.assertEqual(self.read(f), self.wash(stdin=data).stdout)

    def test_unwritable_output(self):
        p = self.wash("-o", self.path("no/such/dir/out"), SAMPLES[0])
        self.assertExit(p, 4)
        self.assertOneLineMessage(p)
        if os.path.exists("/dev/full"):
            with open("/dev/full", "wb") as full:
                import subprocess
                q = subprocess.run([os.environ["DKCPR_BIN"], "wash", "--key-file",
                                    self.key_file, SAMPLES[0]], stdout=full,
                                   stderr=subprocess.PIPE, timeout=60)
            self.assertEqual(q.returncode, 4, q.stderr)

    def test_key_problems(self):
        short = self.write("short.key", KEY_HEX[:40] + "\n")
        long_ = self.write("long.key", KEY_HEX + "00\n")
        bad = self.write("bad.key", KEY_HEX[:-1] + "g\n")
        empty = self.write("empty.key", "")
        for f in (short, long_, bad, empty):
            os.chmod(f, 0o600)
        cases = [([], "no key"), (["--key-file", short], "short"),
                 (["--key-file", long_], "long"), (["--key-file", bad], "hexadecimal"),
                 (["--key-file", empty], "empty"),
                 (["--key-file", self.path("nokey")], "nokey"),
                 (["--key-env", "DKCPR_TEST_UNSET_VARIABLE"], "not set")]
        for args, word in cases:
            with self.subTest(args=args):
                p = run(["wash"] + args + [SAMPLES[0]])
                self.assertExit(p, 5)
                self.assertOneLineMessage(p, word)
                self.assertEqual(p.stdout, b"")
                self.assertNoKey(p)
        p = run(["wash", "--key-env", "DKCPR_TEST_KEY", SAMPLES[0]],
                env={"DKCPR_TEST_KEY": "zz" + KEY_HEX[2:]})
        self.assertExit(p, 5)
        self.assertNoKey(p)

    def test_key_from_environment(self):
        data = open(SAMPLES[0], "rb").read()
        p = run(["wash", "--key-env", "DKCPR_TEST_KEY"], stdin=data,
                env={"DKCPR_TEST_KEY": KEY_HEX})
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, self.wash(stdin=data).stdout)

    def test_key_readable_by_others_warns(self):
        os.chmod(self.key_file, 0o644)
        p = self.wash(SAMPLES[0])
        self.assertExit(p, 0)
        self.assertIn(b"warning", p.stderr)
        self.assertIn(b"readable", p.stderr)
        self.assertNoKey(p)
        os.chmod(self.key_file, 0o600)
        self.assertNotIn(b"warning", self.wash(SAMPLES[0]).stderr)

    def test_mask_and_redact_need_no_key(self):
        data = b"CPR-nr. 211062-5629 og 0101580008.\n"
        p = run(["wash", "--mode", "mask"], stdin=data)
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, b"CPR-nr. 211062-XXXX og 010158XXXX.\n")
        p = run(["wash", "--mode", "redact"], stdin=data)
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, b"CPR-nr. [CPR] og [CPR].\n")
        p = run(["wash", "--mode", "redact", "--placeholder", "<fjernet>"], stdin=data)
        self.assertEqual(p.stdout, b"CPR-nr. <fjernet> og <fjernet>.\n")

    def test_token_mode(self):
        data = b"a 211062-5629 b 211062-5629 c 0101580008\n"
        p = self.wash("--mode", "token", stdin=data)
        self.assertExit(p, 0)
        words = p.stdout.split()
        self.assertEqual(len(words), 6)
        self.assertEqual(words[1], words[3])  # same number, same token
        self.assertNotEqual(words[1], words[5])
        self.assertEqual(len(words[1]), 26)
        self.assertRegex(words[1].decode(), r"^[a-z2-7]+$")
        p = self.wash("--mode", "token", "--token-chars", "16", stdin=data)
        self.assertEqual(len(p.stdout.split()[1]), 16)
        self.assertExit(run(["wash", "--mode", "token"], stdin=data), 5)

    def test_usage_errors(self):
        for args in (["--bogus"], ["--mode", "shred"], ["--keep", "age"],
                     ["--min-confidence", "certain"], ["--policy", "lax"],
                     ["--token-chars", "9"], ["--mode"]):
            with self.subTest(args=args):
                p = self.wash(*args, stdin=b"")
                self.assertExit(p, 2)
                self.assertOneLineMessage(p)
        p = self.reveal("--mode", "mask", stdin=b"")
        self.assertExit(p, 2)

    def test_unreadable_input(self):
        p = self.wash(self.path("nothing.txt"))
        self.assertExit(p, 3)
        self.assertOneLineMessage(p, "nothing.txt")

    def test_empty_input(self):
        p = self.wash(stdin=b"")
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, b"")


if __name__ == "__main__":
    unittest.main(verbosity=2)

# SPDX-License-Identifier: Apache-2.0
"""dkcpr wash --manifest and dkcpr reveal --manifest: the manifest records
every option that decides the mapping, a key check value, sizes and
SHA-256; reveal takes its options from it and refuses another key."""
import gzip
import hashlib
import hmac
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import KEY_HEX, CliTestCase, run, sample_numbers  # noqa: E402

TEXT = ("cpr;note\n211062-5629;a\n0101580008;b\n6701651004;erstatningsnummer\n"
        "(707614285);heltal\n") * 20
DATA = TEXT.encode()
OTHER_KEY = "ff" * 32


def sha256(data):
    return hashlib.sha256(data).hexdigest()


class ManifestTest(CliTestCase):
    def wash(self, *args, stdin=None):
        return run(["wash", "--key-file", self.key_file] + list(args), stdin=stdin)

    def reveal(self, *args, key=None, stdin=None):
        return run(["reveal", "--key-file", key or self.key_file] + list(args), stdin=stdin)

    def manifest(self, name="m.json"):
        with open(self.path(name), "rb") as f:
            return json.load(f)

    def test_manifest_records_what_the_wash_did(self):
        src = self.write("in.csv", TEXT)
        out = self.path("out.csv")
        p = self.wash("--context", "stage", "--keep", "date", "--nine-digits",
                      "--manifest", self.path("m.json"), "-o", out, src)
        self.assertExit(p, 0)
        m = self.manifest()
        self.assertEqual(m["format"], "dkcpr-manifest")
        self.assertEqual(m["algorithm"], "dkcpr-fpe-1")
        # An HMAC of a fixed label: tells keys apart, shows nothing of the key.
        label = b"dkcpr key check value 1"
        want = hmac.new(bytes.fromhex(KEY_HEX), label, hashlib.sha256).hexdigest()[:16]
        self.assertEqual(m["key_check"], want)
        self.assertNotIn(KEY_HEX, json.dumps(m))
        mp = m["mapping"]
        self.assertEqual((mp["mode"], mp["context"], mp["keep"], mp["never_real"],
                          mp["nine_digits"], mp["policy"], mp["min_confidence"]),
                         ("pseudonym", "stage", "date", False, True, "default", "low"))
        data, washed = open(src, "rb").read(), open(out, "rb").read()
        self.assertEqual(m["inputs"][0]["bytes"], len(data))
        self.assertEqual(m["inputs"][0]["sha256"], sha256(data))
        self.assertEqual(m["output"]["bytes"], len(washed))
        self.assertEqual(m["output"]["sha256"], sha256(washed))
        self.assertEqual(m["counts"]["found"], 80)
        self.assertEqual(m["counts"]["found"], m["counts"]["replaced"])

    def test_reveal_takes_every_option_from_the_manifest(self):
        data = TEXT.encode("utf-16-le")
        for opts in (["--context", "a"], ["--keep", "none", "--never-real"],
                     ["--keep", "sex", "--policy", "strict"],
                     ["--min-confidence", "medium", "--nine-digits"],
                     ["--encoding", "UTF-16LE", "-c", "x"]):
            with self.subTest(opts=opts):
                washed = self.wash(*opts, "--manifest", self.path("m.json"), stdin=data)
                self.assertExit(washed, 0)
                self.assertNotEqual(washed.stdout, data)
                back = self.reveal("--manifest", self.path("m.json"), stdin=washed.stdout)
                self.assertExit(back, 0)
                irreversible = self.manifest()["counts"]["irreversible"]
                if irreversible == 0:
                    self.assertEqual(back.stdout, data)
                else:  # never-real: replacement numbers got tokens
                    self.assertEqual(irreversible, 20)  # the replacement numbers
                    self.assertNotIn("6701651004", back.stdout.decode("utf-16-le"))
                    self.assertIn("211062-5629", back.stdout.decode("utf-16-le"))
                # Without the manifest and without the options, other numbers come out.
                plain = self.reveal(stdin=washed.stdout)
                if opts != ["--min-confidence", "medium", "--nine-digits"]:
                    self.assertNotEqual(plain.stdout, back.stdout)

    def test_the_structure_comes_from_the_manifest(self):
        # A CSV under a name that says nothing, washed by its fields: reveal
        # with the manifest reads it the same way, whatever it is called.
        nums = [c for c in run(["generate", "--count", "400", "--seed", "m"]).stdout.split()
                if c.startswith(b"0")][:40]
        data = b"id,patient,cpr\n" + b"".join(
            b"%d,%s,0101580008\n" % (i, c[1:]) for i, c in enumerate(nums))
        src = self.write("export.dat", data)
        out = self.path("washed.txt")
        p = self.wash("--format", "csv", "--cpr-field", "patient",
                      "--manifest", self.path("m.json"), "-o", out, src)
        self.assertExit(p, 0)
        m = self.manifest()
        self.assertEqual((m["mapping"]["structure"], m["mapping"]["cpr_fields"]), ("csv", "patient"))
        self.assertEqual(m["inputs"][0]["structure"], "csv")
        washed = open(out, "rb").read()
        self.assertTrue(all(c[1:] not in washed for c in nums))
        back = self.reveal("--manifest", self.path("m.json"), out)
        self.assertExit(back, 0)
        # Every number back; those whose pseudonym had ten digits with their zero.
        self.assertEqual(back.stdout.replace(b",0", b","), data.replace(b",0", b","))
        # Without the manifest's --cpr-field, nine-digit pseudonyms stay.
        plain = self.reveal("--format", "csv", out)
        self.assertNotEqual(plain.stdout, back.stdout)
        # auto records what it chose per input.
        self.wash("--manifest", self.path("m2.json"), "-o", self.path("o2"), src)
        m2 = self.manifest("m2.json")
        self.assertEqual((m2["mapping"]["structure"], m2["mapping"]["cpr_fields"]), ("auto", None))
        self.assertEqual(m2["inputs"][0]["structure"], "csv")
        # A manifest from before washing by structure washed text.
        del m2["mapping"]["structure"], m2["mapping"]["cpr_fields"]
        self.write("old.json", json.dumps(m2))
        washed_text = self.wash("--format", "text", stdin=data)
        back = self.reveal("--manifest", self.path("old.json"), stdin=washed_text.stdout)
        self.assertExit(back, 0)
        self.assertEqual(back.stdout, data)

    def test_another_key_is_refused(self):
        washed = self.wash("--manifest", self.path("m.json"), stdin=DATA)
        other = self.write("other.key", OTHER_KEY + "\n")
        os.chmod(other, 0o600)
        p = self.reveal("--manifest", self.path("m.json"), key=other, stdin=washed.stdout)
        self.assertExit(p, 5)
        self.assertEqual(p.stdout, b"")
        self.assertOneLineMessage(p, "not the key")
        self.assertNotIn(OTHER_KEY.encode(), p.stderr)

    def test_mapping_options_beside_a_manifest_are_refused(self):
        washed = self.wash("--manifest", self.path("m.json"), stdin=DATA)
        for opt in (["--keep", "date"], ["--context", "x"], ["--never-real"],
                    ["--policy", "strict"], ["--nine-digits"], ["--binary", "wash"],
                    ["--format", "csv"], ["--cpr-field", "patient"]):
            with self.subTest(opt=opt):
                p = self.reveal(*opt, "--manifest", self.path("m.json"), stdin=washed.stdout)
                self.assertExit(p, 2)
                self.assertOneLineMessage(p, opt[0], "manifest")

    def test_bad_manifests_are_refused(self):
        cases = {"not json": b"{", "another format": b'{"format": "x"}',
                 "no mapping": b'{"format": "dkcpr-manifest", "version": 1, '
                               b'"algorithm": "dkcpr-fpe-1"}'}
        for name, text in cases.items():
            with self.subTest(name=name):
                p = self.reveal("--manifest", self.write("bad.json", text), stdin=b"")
                self.assertExit(p, 2)
                self.assertOneLineMessage(p, "manifest")
        self.wash("--mode", "mask", "--manifest", self.path("mask.json"), stdin=DATA)
        p = self.reveal("--manifest", self.path("mask.json"), stdin=b"")
        self.assertExit(p, 2)
        self.assertOneLineMessage(p, "mask")
        p = self.reveal("--manifest", self.path("missing.json"), stdin=b"")
        self.assertExit(p, 3)

    def test_known_dates_file_must_be_the_same(self):
        dates = self.write("dates.txt", "1961-07-07\n")
        washed = self.wash("--policy", "known-dates", "--known-dates", dates,
                           "--manifest", self.path("m.json"), stdin=DATA)
        self.assertExit(washed, 0)
        p = self.reveal("--manifest", self.path("m.json"), stdin=washed.stdout)
        self.assertExit(p, 2)
        other = self.write("other.txt", "1962-10-21\n")
        p = self.reveal("--known-dates", other, "--manifest", self.path("m.json"),
                        stdin=washed.stdout)
        self.assertExit(p, 2)
        p = self.reveal("--known-dates", dates, "--manifest", self.path("m.json"),
                        stdin=washed.stdout)
        self.assertExit(p, 0)
        self.assertEqual(p.stdout, TEXT.encode())

    def test_context_bytes_survive_the_manifest(self):
        ctx = b"sys\xffa"  # not UTF-8
        data = gzip.compress(TEXT.encode())
        washed = run(["wash", "--key-file", self.key_file, "--context",
                      os.fsdecode(ctx), "--manifest", self.path("m.json")], stdin=data)
        self.assertExit(washed, 0)
        self.assertEqual(self.manifest()["mapping"]["context_hex"], ctx.hex())
        back = self.reveal("--manifest", self.path("m.json"), stdin=washed.stdout)
        self.assertExit(back, 0)
        self.assertEqual(gzip.decompress(back.stdout), TEXT.encode())

    def test_reveal_warns_when_the_input_is_not_the_washed_output(self):
        washed = self.wash("--manifest", self.path("m.json"), stdin=DATA)
        p = self.reveal("--manifest", self.path("m.json"), stdin=washed.stdout + b"x\n")
        self.assertExit(p, 0)
        self.assertIn(b"SHA-256 differs", p.stderr)
        p = self.reveal("--manifest", self.path("m.json"), stdin=washed.stdout)
        self.assertNotIn(b"warning", p.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)

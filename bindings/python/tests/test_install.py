# SPDX-License-Identifier: Apache-2.0
"""`cmake --install` into a fresh prefix gives a package that imports from
there and finds libdkcpr through its RPATH, with no LD_LIBRARY_PATH."""

import os
import pathlib
import subprocess

import pytest

BUILD_ROOT = os.environ.get("DKCPR_BUILD_ROOT")
CMAKE = os.environ.get("DKCPR_CMAKE", "cmake")
PY_DIR = os.environ.get("DKCPR_PYTHON_INSTALL_DIR")

CHECK = """
import dkcpr, sys
assert dkcpr.is_valid("070761-4285") and not dkcpr.is_valid("310261-1234")
with dkcpr.Pseudonymizer(bytes(32)) as p:
    assert p.reveal(p.pseudonymize("070761-4285")) == "070761-4285"
libs = [l.split()[-1] for l in open("/proc/self/maps") if "libdkcpr.so" in l]
print(dkcpr.__file__)
print(sorted(set(libs))[0])
"""


@pytest.mark.skipif(BUILD_ROOT is None or PY_DIR is None, reason="run by ctest")
def test_installed_package(tmp_path):
    prefix = tmp_path / "prefix"
    subprocess.run([CMAKE, "--install", BUILD_ROOT, "--prefix", str(prefix)],
                   check=True, stdout=subprocess.DEVNULL)
    site = prefix / PY_DIR
    assert (site / "dkcpr" / "__init__.py").is_file()
    assert (site / "dkcpr" / "py.typed").is_file()
    env = {k: v for k, v in os.environ.items() if k not in ("LD_LIBRARY_PATH", "PYTHONPATH")}
    env["PYTHONPATH"] = str(site)
    out = subprocess.run(["/usr/bin/python3", "-c", CHECK], env=env, cwd=tmp_path,
                         check=True, capture_output=True, text=True).stdout.split("\n")
    assert pathlib.Path(out[0]).resolve().is_relative_to(site.resolve())
    assert pathlib.Path(out[1]).resolve().is_relative_to(prefix.resolve())

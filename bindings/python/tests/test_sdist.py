# SPDX-License-Identifier: Apache-2.0
"""`python3 -m build --no-isolation`: the source distribution holds what
CMake needs, and the wheel built from it (from scratch, in a temporary
directory) installs and works."""

import os
import pathlib
import subprocess
import tarfile

import pytest

import dkcpr
from test_wheel import PYTHON, SMOKE, clean_env, run

SOURCE = os.environ.get("DKCPR_SOURCE_DIR")


@pytest.mark.skipif(SOURCE is None, reason="run by ctest")
def test_sdist_then_wheel(tmp_path):
    out = tmp_path / "dist"
    run([PYTHON, "-m", "build", "--no-isolation", "--outdir", out, SOURCE], cwd=tmp_path)
    sdist = out / f"dkcpr-{dkcpr.__version__}.tar.gz"
    with tarfile.open(sdist) as tar:
        names = set(tar.getnames())
    base = f"dkcpr-{dkcpr.__version__}"
    for f in ("PKG-INFO", "pyproject.toml", "CMakeLists.txt", "include/dkcpr.h", "README.md",
              "bindings/python/build_backend/dkcpr_build.py", "bindings/swig/dkcpr_python.i"):
        assert f"{base}/{f}" in names, f
    assert not any(n.startswith(f"{base}/build/") for n in names)
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1
    where = tmp_path / "v"
    run([PYTHON, "-m", "venv", "--system-site-packages", where])
    run([where / "bin" / "python", "-m", "pip", "install", "--no-index", "--no-deps", "-q",
         wheels[0]])
    first = run([where / "bin" / "python", "-c", SMOKE], cwd=tmp_path).stdout.split("\n")[0]
    assert pathlib.Path(first).resolve().is_relative_to(where.resolve())

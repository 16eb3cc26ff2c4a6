# SPDX-License-Identifier: Apache-2.0
"""The wheel: built from the source tree by Debian's python3-build with the
backend in bindings/python/build_backend, installed into a fresh venv, and
imported from outside the source tree with no PYTHONPATH or LD_LIBRARY_PATH;
pip's own build of the source tree; and the refusal of an interpreter the
module was not built for."""

import os
import pathlib
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile

import pytest

import dkcpr

SOURCE = os.environ.get("DKCPR_SOURCE_DIR")
BUILD_DIR = os.environ.get("DKCPR_WHEEL_BUILD_DIR")
PYTHON = "/usr/bin/python3"
TESTS = pathlib.Path(__file__).resolve().parent

pytestmark = pytest.mark.skipif(SOURCE is None or BUILD_DIR is None, reason="run by ctest")

SMOKE = """
import importlib.metadata, os, sys, dkcpr
assert importlib.metadata.version("dkcpr") == dkcpr.__version__, importlib.metadata.version("dkcpr")
assert dkcpr.is_valid("070761-4285") and not dkcpr.is_valid("310261-1234")
assert dkcpr.is_valid_many(["070761-4285", None, 707614285], nine_digits=True) == [True, None, True]
with dkcpr.Pseudonymizer(dkcpr.keygen()) as p:
    assert p.reveal(p.pseudonymize("070761-4285")) == "070761-4285"
libs = {l.split()[-1] for l in open("/proc/self/maps") if "libdkcpr.so" in l}
print(dkcpr.__file__)
print(sorted(libs)[0])
"""


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items()
           if k not in ("LD_LIBRARY_PATH", "PYTHONPATH", "DKCPR_PY_BUILD_DIR")}
    env.update(extra)
    return env


def run(cmd, **kw):
    return subprocess.run([str(c) for c in cmd], check=True, capture_output=True, text=True,
                          env=kw.pop("env", clean_env()), **kw)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    run([PYTHON, "-m", "build", "--wheel", "--no-isolation", "--outdir", out,
         f"-Cbuild-dir={BUILD_DIR}/build", SOURCE], cwd=out)
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def venv(tmp_path_factory, wheel):
    where = tmp_path_factory.mktemp("venv") / "v"
    # System site packages: pytest, pandas and python-stdnum from Debian.
    run([PYTHON, "-m", "venv", "--system-site-packages", where])
    run([where / "bin" / "python", "-m", "pip", "install", "--no-index", "--no-deps", "-q", wheel])
    return where


def site_packages(venv):
    out = run([venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('platlib'))"])
    return pathlib.Path(out.stdout.strip())


def test_wheel_contents(wheel):
    tag = f"cp{sys.version_info[0]}{sys.version_info[1]}"
    assert wheel.name == f"dkcpr-{dkcpr.__version__}-{tag}-{tag}-" \
        f"{sysconfig.get_platform().replace('-', '_').replace('.', '_')}.whl"
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        meta = zf.read(f"dkcpr-{dkcpr.__version__}.dist-info/METADATA").decode()
        record = zf.read(f"dkcpr-{dkcpr.__version__}.dist-info/RECORD").decode()
    assert f"dkcpr/_native{sysconfig.get_config_var('EXT_SUFFIX')}" in names
    assert any(re.fullmatch(r"dkcpr/libdkcpr\.so\.[0-9]+", n) for n in names), names
    for f in ("__init__.py", "_build.py", "native.py", "pandas.py", "stdnum_compat.py", "py.typed"):
        assert f"dkcpr/{f}" in names
    assert f"Version: {dkcpr.__version__}\n" in meta and "Name: dkcpr\n" in meta
    assert "License: Apache-2.0\n" in meta and "Description-Content-Type: text/markdown" in meta
    assert "# dkcpr" in meta  # the README as the long description
    assert all(n in record for n in names)


def test_module_finds_the_bundled_library(venv):
    module = next((site_packages(venv) / "dkcpr").glob("_native*.so"))
    readelf = shutil.which("readelf")
    if readelf is None:
        pytest.skip("readelf not installed")
    dyn = run([readelf, "-d", module]).stdout
    assert re.search(r"(RUNPATH|RPATH).*\[\$ORIGIN\]", dyn), dyn


def test_smoke_in_fresh_venv(venv, tmp_path):
    out = run([venv / "bin" / "python", "-c", SMOKE], cwd=tmp_path).stdout.split("\n")
    site = site_packages(venv).resolve()
    assert pathlib.Path(out[0]).resolve().is_relative_to(site), out
    # libdkcpr is the wheel's own copy, beside the module.
    assert pathlib.Path(out[1]).resolve().parent == site / "dkcpr", out


def test_binding_tests_against_the_installed_wheel(venv):
    # conftest checks that dkcpr comes from DKCPR_PY_BUILD_DIR, here the venv.
    env = clean_env(DKCPR_PY_BUILD_DIR=str(site_packages(venv) / "dkcpr"),
                    PYTHONDONTWRITEBYTECODE="1")
    run([venv / "bin" / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "test_golden.py", "test_columns.py", "test_stdnum_compat.py", "test_pandas.py"],
        cwd=TESTS, env=env)


def wrong_interpreter_message(python, path):
    proc = subprocess.run([str(python), "-c", "import dkcpr"], capture_output=True, text=True,
                          env=clean_env(PYTHONPATH=str(path)), cwd="/")
    assert proc.returncode != 0
    return proc.stderr


def test_other_python_version_is_refused_clearly(venv, tmp_path):
    # A copy of the installed package that says it was built for 3.10.
    copy = tmp_path / "site"
    shutil.copytree(site_packages(venv) / "dkcpr", copy / "dkcpr")
    (copy / "dkcpr" / "_build.py").write_text(
        'PYTHON_VERSION = (3, 10)\nSOABI = "cpython-310-x86_64-linux-gnu"\n')
    err = wrong_interpreter_message(PYTHON, copy)
    assert "ImportError: dkcpr was built for Python 3.10 (cpython-310-x86_64-linux-gnu)" in err
    assert f"but this is Python {sys.version_info[0]}.{sys.version_info[1]}" in err
    assert "pip install --no-build-isolation" in err


def other_pythons():
    here = f"{sys.version_info[0]}.{sys.version_info[1]}"
    found = []
    for minor in range(8, 16):
        exe = shutil.which(f"python3.{minor}")
        if exe is None or f"3.{minor}" == here:
            continue
        if subprocess.run([exe, "-c", "pass"], capture_output=True).returncode == 0:
            found.append(exe)
    if os.environ.get("DKCPR_OTHER_PYTHON"):
        found.append(os.environ["DKCPR_OTHER_PYTHON"])
    return found


def test_real_other_interpreters(venv):
    others = other_pythons()
    if not others:
        pytest.skip("no other Python 3 interpreter on PATH (DKCPR_OTHER_PYTHON names one)")
    for exe in others:
        err = wrong_interpreter_message(exe, site_packages(venv))
        built = f"{sys.version_info[0]}.{sys.version_info[1]}"
        assert f"dkcpr was built for Python {built}" in err, (exe, err)


def test_pip_install_from_source(tmp_path):
    where = tmp_path / "v"
    run([PYTHON, "-m", "venv", "--system-site-packages", where])
    run([where / "bin" / "python", "-m", "pip", "install", "--no-build-isolation", "--no-index",
         "--no-deps", "-q", f"--config-settings=build-dir={BUILD_DIR}/pip", SOURCE],
        cwd=tmp_path)
    out = run([where / "bin" / "python", "-c", SMOKE], cwd=tmp_path).stdout.split("\n")
    assert pathlib.Path(out[0]).resolve().is_relative_to(where.resolve())

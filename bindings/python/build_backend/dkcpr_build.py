"""The PEP 517 build backend of the Python package dkcpr (see pyproject.toml).

Standard library only, so that Debian's python3-build and pip build the wheel
offline with --no-isolation / --no-build-isolation. CMake does the building
(the same CMakeLists.txt as every other build, with DKCPR_PYTHON_WHEEL=ON);
this file only puts CMake's install tree into a wheel: the package, the
SWIG module, and libdkcpr beside it (the module's RUNPATH is $ORIGIN).

config_settings (``-C key=value`` in build and pip):
  build-dir   CMake build directory to reuse (default: a new temporary one);
              DKCPR_WHEEL_BUILD_DIR in the environment does the same.
  cmake-args  extra arguments for CMake's configure step, space-separated.
"""

import base64
import hashlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

__all__ = ["build_wheel", "build_sdist", "get_requires_for_build_wheel",
           "get_requires_for_build_sdist"]


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def _pyproject():
    try:
        import tomllib
    except ImportError:  # Python < 3.11
        raise RuntimeError("building dkcpr needs Python 3.11 or later (tomllib)") from None
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)


def _version():
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    m = re.search(r"project\(\s*dkcpr\s+VERSION\s+([0-9][0-9.]*)", text)
    if m is None:
        raise RuntimeError("no project(dkcpr VERSION ...) in CMakeLists.txt")
    return m.group(1)


def _metadata():
    project = _pyproject()["project"]
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {_version()}",
        f"Summary: {project['description']}",
        f"License: {project['license']['text']}",
        f"Keywords: {','.join(project.get('keywords', []))}",
        f"Requires-Python: {project['requires-python']}",
    ]
    lines += [f"Classifier: {c}" for c in project.get("classifiers", [])]
    for extra, reqs in project.get("optional-dependencies", {}).items():
        lines.append(f"Provides-Extra: {extra}")
        lines += [f'Requires-Dist: {r}; extra == "{extra}"' for r in reqs]
    lines.append("Description-Content-Type: text/markdown")
    readme = (ROOT / project["readme"]).read_text(encoding="utf-8")
    return "\n".join(lines) + "\n\n" + readme


def _tag():
    """cp311-cp311-linux_x86_64: the wheel holds a module for this interpreter
    only, linked against the system's ICU and OpenSSL (so no manylinux tag)."""
    impl = {"cpython": "cp"}.get(sys.implementation.name, sys.implementation.name)
    version = f"{impl}{sys.version_info[0]}{sys.version_info[1]}"
    abi = version + getattr(sys, "abiflags", "")
    platform = re.sub(r"[^A-Za-z0-9_]", "_", sysconfig.get_platform())
    return f"{version}-{abi}-{platform}"


def _run(cmd, **kw):
    print("+ " + " ".join(shlex.quote(str(c)) for c in cmd), file=sys.stderr, flush=True)
    # stdout to stderr: pip reads the backend's stdout for nothing, but build
    # tools show stderr when something fails.
    subprocess.run([str(c) for c in cmd], check=True, stdout=sys.stderr, **kw)


def _build_dir(config_settings):
    chosen = (config_settings or {}).get("build-dir") or os.environ.get("DKCPR_WHEEL_BUILD_DIR")
    if not chosen:
        return Path(tempfile.mkdtemp(prefix="dkcpr-wheel-")), True
    build = Path(chosen).resolve()
    cache = build / "CMakeCache.txt"
    # A build directory configured for another source tree (an unpacked
    # sdist, another checkout) is started afresh; CMake would refuse it.
    if cache.exists() and f"CMAKE_HOME_DIRECTORY:INTERNAL={ROOT}\n" not in cache.read_text(
            encoding="utf-8", errors="replace"):
        shutil.rmtree(build)
    build.mkdir(parents=True, exist_ok=True)
    return build, False


def _cmake_build(build, stage, config_settings):
    cmake = shutil.which("cmake")
    if cmake is None:
        raise RuntimeError("building dkcpr needs CMake (Debian: cmake)")
    args = list(_pyproject().get("tool", {}).get("dkcpr-build", {}).get("cmake-args", []))
    args += shlex.split((config_settings or {}).get("cmake-args", ""))
    _run([cmake, "-S", ROOT, "-B", build, f"-DPython3_EXECUTABLE={sys.executable}",
          "-DCMAKE_INSTALL_LIBDIR=lib", "-DDKCPR_PYTHON_INSTALL_DIR=python", *args])
    jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", "2")
    _run([cmake, "--build", build, "-j", jobs])
    _run([cmake, "--install", build, "--prefix", stage])


def _library(stage):
    """The installed libdkcpr under its SONAME (libdkcpr.so.N), the name the
    module looks for; a wheel cannot hold the symbolic links."""
    names = [p for p in (stage / "lib").glob("libdkcpr.so.*")
             if re.fullmatch(r"libdkcpr\.so\.[0-9]+", p.name)]
    if len(names) != 1:
        raise RuntimeError(f"expected one libdkcpr.so.N in {stage / 'lib'}, found {names}")
    return names[0].name, names[0].resolve()


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _write_wheel(path, files):
    """files: [(name in the wheel, bytes, executable)], RECORD appended."""
    record = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data, executable in files:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if executable else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
            record.append(_record_line(name, data))
        dist_info = next(n for n, _, _ in files if n.endswith(".dist-info/METADATA")).rsplit("/", 1)[0]
        record.append(f"{dist_info}/RECORD,,")
        info = zipfile.ZipInfo(f"{dist_info}/RECORD", date_time=(2020, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, "\n".join(record) + "\n")


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    version = _version()
    build, temporary = _build_dir(config_settings)
    stage = Path(tempfile.mkdtemp(prefix="dkcpr-stage-"))
    try:
        _cmake_build(build, stage, config_settings)
        package = stage / "python" / "dkcpr"
        if not any(package.glob("_native*.so")):
            raise RuntimeError("CMake did not build the Python module: it needs SWIG and "
                               "Python's development files (Debian: swig python3-dev)")
        files = []
        for p in sorted(package.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                files.append((f"dkcpr/{p.relative_to(package).as_posix()}", p.read_bytes(),
                              p.suffix == ".so"))
        soname, real = _library(stage)
        files.append((f"dkcpr/{soname}", real.read_bytes(), True))
        dist_info = f"dkcpr-{version}.dist-info"
        wheel_meta = ("Wheel-Version: 1.0\nGenerator: dkcpr_build\nRoot-Is-Purelib: false\n"
                      f"Tag: {_tag()}\n")
        files += [(f"{dist_info}/METADATA", _metadata().encode("utf-8"), False),
                  (f"{dist_info}/WHEEL", wheel_meta.encode("ascii"), False),
                  (f"{dist_info}/top_level.txt", b"dkcpr\n", False)]
        for name in ("LICENSE", "NOTICE"):
            if (ROOT / name).is_file():
                files.append((f"{dist_info}/{name}", (ROOT / name).read_bytes(), False))
        filename = f"dkcpr-{version}-{_tag()}.whl"
        _write_wheel(Path(wheel_directory) / filename, files)
        return filename
    finally:
        shutil.rmtree(stage, ignore_errors=True)
        if temporary:
            shutil.rmtree(build, ignore_errors=True)


def _source_files():
    """The tracked files of a git checkout, else every file but build trees."""
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], check=True,
                             capture_output=True).stdout
        names = [n for n in out.decode("utf-8", "surrogateescape").split("\0") if n]
        if names:
            return names
    except (OSError, subprocess.CalledProcessError):
        pass
    names = []
    for dirpath, dirnames, filenames in os.walk(ROOT):
        rel = Path(dirpath).relative_to(ROOT)
        dirnames[:] = [d for d in dirnames if not (d.startswith("build") and rel == Path("."))
                       and d not in (".git", "__pycache__")]
        names += [(rel / f).as_posix() for f in filenames if f != "PKG-INFO"]
    return sorted(names)


def build_sdist(sdist_directory, config_settings=None):
    base = f"dkcpr-{_version()}"
    path = Path(sdist_directory) / f"{base}.tar.gz"
    with tarfile.open(path, "w:gz", format=tarfile.PAX_FORMAT) as tar:
        for name in _source_files():
            if (ROOT / name).is_file():
                tar.add(ROOT / name, arcname=f"{base}/{name}", recursive=False)
        data = _metadata().encode("utf-8")
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        info.size = len(data)
        info.mode = 0o644
        tar.addfile(info, io.BytesIO(data))
    return path.name

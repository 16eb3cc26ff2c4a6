#!/bin/sh
# Install dkcpr into a fresh prefix (configured with that prefix, as a
# packager would) and build and run examples/c against it, once through
# find_package(dkcpr) and once through pkg-config.
# Usage: check_install.sh SOURCE_DIR WORK_DIR
set -eu
src=$1
work=$2
prefix=$work/prefix
rm -rf "$work"
mkdir -p "$work"

cmake -S "$src" -B "$work/build" -DCMAKE_INSTALL_PREFIX="$prefix" \
  -DBUILD_TESTING=OFF -DDKCPR_BUILD_TOOLS=OFF -DDKCPR_BUILD_PYTHON=OFF \
  -DDKCPR_BUILD_JAVA=OFF -DDKCPR_BUILD_BENCH=OFF >/dev/null
cmake --build "$work/build" -j2 >/dev/null
cmake --install "$work/build" >/dev/null

test -f "$prefix/include/dkcpr.h"
libdir=$(ls -d "$prefix"/lib*/pkgconfig | head -n1)
libdir=${libdir%/pkgconfig}

check_run() {
  # A valid number, a replacement number and an invalid one.
  out=$("$1" 070761-4285 0203291WQ3 3104571009 || true)
  echo "$out"
  echo "$out" | grep -q '^070761-4285: 070761-4285 (070761-XXXX) born 1961-07-07' &&
    echo "$out" | grep -q '^0203291WQ3: 020329-1WQ3 .*x-ecpr' &&
    echo "$out" | grep -q '^3104571009: invalid: .*DKCPR_E_DATE' &&
    ! "$1" 3104571009 >/dev/null && "$1" 070761-4285 >/dev/null
}

echo "== find_package(dkcpr)"
cmake -S "$src/examples/c" -B "$work/example-cmake" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/example-cmake" >/dev/null
check_run "$work/example-cmake/cpr_check"

echo "== pkg-config"
mkdir -p "$work/example-pc"
cp "$src/examples/c/cpr_check.c" "$src/examples/c/Makefile" "$work/example-pc/"
PKG_CONFIG_PATH="$libdir/pkgconfig" make -s -C "$work/example-pc"
grep -q "^prefix=$prefix\$" "$libdir/pkgconfig/dkcpr.pc"
check_run "$work/example-pc/cpr_check"
echo "installed tree works both ways"

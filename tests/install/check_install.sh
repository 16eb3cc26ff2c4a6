#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Install dkcpr into a temporary prefix and build and run examples/c against
# it, once through find_package(dkcpr) and once through pkg-config.
# Usage: check_install.sh SOURCE_DIR WORK_DIR [MODE]
#   configured  the prefix given at configure time, as a packager does (default)
#   relocated   installed with --prefix elsewhere, then the tree is moved
#   static      -DDKCPR_STATIC=ON: the examples carry libdkcpr inside them
set -eu
src=$1
work=$2
mode=${3:-configured}
prefix=$work/prefix
rm -rf "$work"
mkdir -p "$work"

case $mode in
  configured) configured=$prefix; extra= ;;
  relocated) configured=$work/never-created; extra= ;;
  static) configured=$prefix; extra=-DDKCPR_STATIC=ON ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
# shellcheck disable=SC2086 # $extra is empty or one word
cmake -S "$src" -B "$work/build" -DCMAKE_INSTALL_PREFIX="$configured" $extra \
  -DBUILD_TESTING=OFF -DDKCPR_BUILD_TOOLS=OFF -DDKCPR_BUILD_PYTHON=OFF \
  -DDKCPR_BUILD_JAVA=OFF -DDKCPR_BUILD_BENCH=OFF >/dev/null
cmake --build "$work/build" -j2 >/dev/null
if [ "$mode" = relocated ]; then
  cmake --install "$work/build" --prefix "$work/first" >/dev/null
  mv "$work/first" "$prefix"
  # Nothing installed may name either place it was installed to.
  if grep -rlF "$work" "$prefix" | grep -v '\.so' ; then
    echo "the files above name the prefix they were installed to" >&2
    exit 1
  fi
else
  cmake --install "$work/build" >/dev/null
fi

test -f "$prefix/include/dkcpr.h"
libdir=$(ls -d "$prefix"/lib*/pkgconfig | head -n1)
libdir=${libdir%/pkgconfig}
pc=$libdir/pkgconfig/dkcpr.pc
grep -q '^License: Apache-2.0$' "$pc"
test -f "$prefix/share/doc/dkcpr/LICENSE"
test -f "$prefix/share/man/man3/dkcpr_parse.3"
if [ "$mode" = static ]; then
  test -f "$libdir/libdkcpr.a"
  if ls "$libdir"/libdkcpr.so* >/dev/null 2>&1; then
    echo "a static build installed a shared libdkcpr" >&2
    exit 1
  fi
fi

check_run() {
  # A valid number, a replacement number and an invalid one.
  out=$("$1" 070761-4285 0203291WQ3 3104571009 || true)
  echo "$out"
  echo "$out" | grep -q '^070761-4285: 070761-4285 (070761-XXXX) born 1961-07-07' &&
    echo "$out" | grep -q '^0203291WQ3: 020329-1WQ3 .*x-ecpr' &&
    echo "$out" | grep -q '^3104571009: invalid: .*DKCPR_E_DATE' &&
    ! "$1" 3104571009 >/dev/null && "$1" 070761-4285 >/dev/null || return 1
  if [ "$mode" = static ] && readelf -d "$1" | grep -q 'NEEDED.*libdkcpr'; then
    echo "$1 needs a shared libdkcpr" >&2
    return 1
  fi
}

echo "== find_package(dkcpr)"
cmake -S "$src/examples/c" -B "$work/example-cmake" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/example-cmake" >/dev/null
check_run "$work/example-cmake/cpr_check"

echo "== pkg-config"
mkdir -p "$work/example-pc"
cp "$src/examples/c/cpr_check.c" "$src/examples/c/Makefile" "$work/example-pc/"
pkg_config=pkg-config
[ "$mode" = static ] && pkg_config="pkg-config --static"
PKG_CONFIG_PATH="$libdir/pkgconfig" make -s -C "$work/example-pc" PKG_CONFIG="$pkg_config"
check_run "$work/example-pc/cpr_check"
echo "installed tree works both ways ($mode)"

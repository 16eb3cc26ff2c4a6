#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The license is stated once (LICENSE, the Apache License 2.0 as Debian ships
# it) and named wherever a package format has a place for it: dkcpr.pc, and
# the jar's manifest with the text beside it.
# Usage: check_license.sh SOURCE_DIR DKCPR_PC [DKCPR_JAR]
set -eu
src=$1
pc=$2
jar=${3:-}
fail() { echo "$*" >&2; exit 1; }

if [ -f /usr/share/common-licenses/Apache-2.0 ]; then
  cmp -s "$src/LICENSE" /usr/share/common-licenses/Apache-2.0 ||
    fail "LICENSE is not the Apache License 2.0 text"
fi
grep -q 'Apache License' "$src/LICENSE" && grep -q 'Version 2.0, January 2004' "$src/LICENSE" ||
  fail "LICENSE does not name the Apache License 2.0"
grep -qx 'License: Apache-2.0' "$pc" || fail "$pc names no license"
if [ -n "$jar" ]; then
  jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && cmake -E tar xf "$jar" META-INF/MANIFEST.MF META-INF/LICENSE) ||
    fail "$jar holds no manifest or no META-INF/LICENSE"
  grep -q '^Bundle-License: Apache-2.0' "$work/META-INF/MANIFEST.MF" ||
    fail "$jar's manifest names no license"
  cmp -s "$work/META-INF/LICENSE" "$src/LICENSE" || fail "$jar carries another LICENSE"
fi
echo "the license is named in every package"

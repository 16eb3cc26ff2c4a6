#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Java binding benchmark: compiles bench/bench_java/BenchJava.java against the
# built dkcpr.jar and runs it on one thread, after bench/bench_java/c_reference.c
# has timed the same C calls, so the figures include what the binding adds.
# bench/run calls this with DKCPR_BUILD_DIR set; by hand:
#   DKCPR_BUILD_DIR=build-release bench/bench_java.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${DKCPR_BUILD_DIR:-build}" && pwd)
jar=$build/bindings/java/dkcpr.jar
[[ -f $jar ]] || { echo "no $jar: build with the Java binding first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cc -O2 -std=c99 -I"$here/../include" -I"$build/include" "$here/bench_java/c_reference.c" \
  -L"$build/lib" -ldkcpr -Wl,-rpath,"$build/lib" -o "$work/c_reference"
read -r c_bulk c_single < <("$work/c_reference")

javac --release 17 -encoding UTF-8 -cp "$jar" -d "$work" "$here/bench_java/BenchJava.java"
# A fixed heap, so that GC sizing does not change between runs.
exec java -Xms1g -Xmx1g -XX:+UseParallelGC -Dc.bulk.ns="$c_bulk" -Dc.single.ns="$c_single" \
  -cp "$work:$jar" BenchJava

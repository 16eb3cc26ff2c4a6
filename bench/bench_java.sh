#!/usr/bin/env bash
# Java binding benchmark: compiles bench/bench_java/BenchJava.java against the
# built dkcpr.jar and runs it on one thread. bench/run calls this with
# DKCPR_BUILD_DIR set; by hand: DKCPR_BUILD_DIR=build bench/bench_java.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${DKCPR_BUILD_DIR:-build}
jar=$(cd "$build" && pwd)/bindings/java/dkcpr.jar
[[ -f $jar ]] || { echo "no $jar: build with the Java binding first" >&2; exit 1; }
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
javac --release 17 -encoding UTF-8 -cp "$jar" -d "$classes" "$here/bench_java/BenchJava.java"
# A fixed heap so GC sizing does not vary between runs; one compiler thread
# less noise on a shared machine.
exec java -Xms1g -Xmx1g -XX:+UseParallelGC -cp "$classes:$jar" BenchJava

#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Maven, offline: install the Java component of this build into a fresh
# prefix, put its jar, pom, sources and javadoc jars into a local repository
# seeded from Debian's /usr/share/maven-repo the way docs/java.md says, then
# build and run examples/java/pom.xml against it with mvn -o.
# Usage: check_maven.sh BUILD_DIR SOURCE_DIR WORK_DIR VERSION
set -eu
build=$1
src=$2
work=$3
version=$4
rm -rf "$work"
mkdir -p "$work"

cmake --install "$build" --prefix "$work/prefix" --component java >/dev/null
java_dir=$work/prefix/share/java

# The metadata Maven itself would have put into the jar.
props=$(unzip -p "$java_dir/dkcpr.jar" META-INF/maven/org.dkcpr/dkcpr/pom.properties)
echo "$props" | grep -qx "version=$version"
echo "$props" | grep -qx "artifactId=dkcpr"
unzip -p "$java_dir/dkcpr.jar" META-INF/maven/org.dkcpr/dkcpr/pom.xml |
  grep -q "<version>$version</version>"

# Debian's repository as a writable tree of links; nothing from the network.
repo=$work/repository
mkdir -p "$repo"
cp -rs /usr/share/maven-repo/. "$repo/"
echo '<settings/>' >"$work/settings.xml"
mvn() {
  command mvn -o -B -q -s "$work/settings.xml" \
    -Dmaven.repo.local="$repo" "$@"
}

echo "== install-file"
mvn org.apache.maven.plugins:maven-install-plugin:3.1.0:install-file \
  -Dfile="$java_dir/dkcpr.jar" -DpomFile="$java_dir/dkcpr-$version.pom" \
  -Dsources="$java_dir/dkcpr-$version-sources.jar" \
  -Djavadoc="$java_dir/dkcpr-$version-javadoc.jar"
artifact=$repo/org/dkcpr/dkcpr/$version/dkcpr-$version
cmp "$artifact.jar" "$java_dir/dkcpr.jar"
unzip -l "$artifact-sources.jar" | grep -q ' org/dkcpr/Cpr.java$'
unzip -l "$artifact-sources.jar" | grep -q ' org/dkcpr/internal/DkcprNative.java$'
unzip -l "$artifact-javadoc.jar" | grep -q ' org/dkcpr/Cpr.html$'

echo "== the example as a Maven project"
mkdir -p "$work/example"
cp "$src/examples/java/pom.xml" "$src/examples/java/CprExample.java" "$work/example/"
# (Maven 3.8 writes colour resets even in batch mode.)
out=$(cd "$work/example" && mvn -Ddkcpr.version="$version" compile \
  org.codehaus.mojo:exec-maven-plugin:3.1.0:java | sed 's/\x1b\[[0-9;]*m//g')
echo "$out"
# Facts of the numbers (cpr-rules.md), and the pseudonyms revealed back.
echo "$out" | grep -qx '070761-4285: valid, born 1961-07-07, male'
echo "$out" | grep -qx '310261-1234: invalid (E_DATE)'
echo "$out" | grep -qx 'revealed \[070761-4285, 2911700657, 300449-0931\]'
echo "Maven builds against the installed artifacts offline"

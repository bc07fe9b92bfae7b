#!/usr/bin/env bash
# Installs, from Debian, the tools the build and the demo need and a fresh machine may lack:
# a JDK 17 or newer, Python 3 (for the wrapper and the test summary), dpkg-deb, and Debian's
# package build tools (dpkg-dev, debhelper, fakeroot, build-essential), and Debian's Python with
# setuptools, wheel and pip (wheels).
# With --tests, also what the integration tests drive for real: gpg, buildah, Go (to build helm and
# the Kubernetes control plane), openssl and curl (the test cluster's certificates and checks).
set -euo pipefail

missing=()
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1 || true)
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ] || ! command -v javac >/dev/null; then
  missing+=(openjdk-17-jdk-headless)
fi
# The Jenkins plugin build needs a JDK 21 or newer beside it (bin/jdk looks for one): take
# Debian's where the suite has one (trixie); bookworm has none, bin/jdk then says what to install.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if ! "$root/bin/jdk" >/dev/null 2>&1 && apt-cache show openjdk-21-jdk-headless >/dev/null 2>&1; then
  missing+=(openjdk-21-jdk-headless)
fi
command -v python3 >/dev/null || missing+=(python3)
command -v dpkg-deb >/dev/null || missing+=(dpkg)
# Debian package builds (the demo builds a sample StarlingX tree with local workers).
command -v dpkg-buildpackage >/dev/null || missing+=(dpkg-dev)
command -v dh >/dev/null || missing+=(debhelper)
command -v fakeroot >/dev/null || missing+=(fakeroot)
command -v gcc >/dev/null || missing+=(build-essential)
command -v patch >/dev/null || missing+=(patch)
# Wheels: the sample's wheel package and StarlingX's base wheels build with Debian's Python.
/usr/bin/python3 -c 'import setuptools, wheel' 2>/dev/null || missing+=(python3-setuptools python3-wheel)
/usr/bin/python3 -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
command -v unzip >/dev/null || missing+=(unzip)
if [ "${1:-}" = "--tests" ]; then
  command -v gpg >/dev/null || missing+=(gpg)
  command -v buildah >/dev/null || missing+=(buildah)
  command -v go >/dev/null || missing+=(golang-go)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v curl >/dev/null || missing+=(curl)
  command -v xorriso >/dev/null || missing+=(xorriso)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "require-tools: installing from Debian: ${missing[*]}" >&2
  sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

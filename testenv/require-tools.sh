#!/usr/bin/env bash
# Installs, from Debian, the tools the build and the demo need and a fresh machine may lack:
# a JDK 17 or newer, Python 3 (for the wrapper and the test summary), dpkg-deb, and Debian's
# package build tools (dpkg-dev, debhelper, fakeroot, build-essential), and Debian's Python with
# setuptools, wheel and pip (wheels).
# With --tests, also what the integration tests drive for real: gpg, buildah, Go (to build helm and
# the Kubernetes control plane), openssl and curl (the test cluster's certificates and checks),
# for the cluster's real node containerd, runc, the CNI plugins, socat, iptables and mmdebstrap,
# aptly (the repository throughput benchmark compares with it) and chromium (screenshots of the
# build report).
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
# Packages build in clean chroots of the target codename (bullseye, trixie), made by mmdebstrap and
# entered with unshare (util-linux); newuidmap (uidmap) maps the chroot's users for non-root users.
command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
command -v zstd >/dev/null || missing+=(zstd)
command -v newuidmap >/dev/null || missing+=(uidmap)
# The corpus conformance test runs StarlingX's own reader (build-tools/stx) with Debian's Python.
/usr/bin/python3 -c 'import yaml, apt_pkg, debian, git, progressbar' 2>/dev/null \
  || missing+=(python3-yaml python3-apt python3-debian python3-git python3-progressbar)
# ... and DebrepackOracleIT StarlingX's debrepack.py, which adds changelog entries with dch.
command -v dch >/dev/null || missing+=(devscripts)
if [ "${1:-}" = "--tests" ]; then
  command -v gpg >/dev/null || missing+=(gpg)
  command -v buildah >/dev/null || missing+=(buildah)
  command -v go >/dev/null || missing+=(golang-go)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v curl >/dev/null || missing+=(curl)
  command -v xorriso >/dev/null || missing+=(xorriso)
  # The test cluster's real node (testenv/kube.sh; STX_KUBE_REAL_NODE=0 runs without it).
  if [ "${STX_KUBE_REAL_NODE:-1}" != 0 ]; then
    command -v containerd >/dev/null || missing+=(containerd)
    command -v runc >/dev/null || missing+=(runc)
    [ -x /usr/lib/cni/bridge ] || missing+=(containernetworking-plugins)
    command -v socat >/dev/null || missing+=(socat)
    command -v iptables >/dev/null || missing+=(iptables)
    command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
  fi
  # The repository throughput benchmark compares with aptly, StarlingX's repository today.
  command -v aptly >/dev/null || missing+=(aptly)
  # The build report's screenshot test opens it in headless Chromium.
  command -v chromium >/dev/null || missing+=(chromium)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "require-tools: installing from Debian: ${missing[*]}" >&2
  sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Sub-ids for the chroots' users: Debian gives every user created by adduser a range, but root
# and users created otherwise may have none.
user=$(id -un)
for file in /etc/subuid /etc/subgid; do
  if ! grep -q "^$user:" "$file" 2>/dev/null; then
    echo "require-tools: adding a sub-id range for $user to $file (chroot builds)" >&2
    if [ "$(id -u)" = 0 ]; then echo "$user:1879048192:65536" >> "$file"; else echo "$user:1879048192:65536" | sudo tee -a "$file" >/dev/null; fi
  fi
done

#!/usr/bin/env bash
# Builds a Jenkins inbound agent image (the kubernetes-plugin's `jnlp` container) from Debian's
# archive alone and pushes it to the testenv registry; nothing is pulled from Docker Hub:
#   testenv/jenkins-agent-image.sh REMOTING_JAR [REGISTRY]
# REMOTING_JAR is the remoting jar of the Jenkins it connects to (org.jenkins-ci.main:remoting, the
# version jenkins-core depends on; the IT passes the one on its class path). REGISTRY defaults to
# the testenv registry (127.0.0.1:25000). The image is
#   <REGISTRY>/starlingx-build/jenkins-agent:<remoting version>-openjdk-21
# and holds a Debian trixie minbase, Debian's openjdk-21-jre-headless (remoting 3355 itself is Java
# 17 byte code, but the agent loads Jenkins core's classes from the controller, and Jenkins 2.568.1
# is Java 21 byte code: a JRE 17 agent connects, then fails with UnsupportedClassVersionError on
# hudson.slaves.SlaveComputer$SlaveVersion; bookworm has no JRE 21), the jar as /usr/share/jenkins/agent.jar and /usr/local/bin/jenkins-agent, the
# entrypoint the kubernetes-plugin expects of its agent image: it reads JENKINS_URL,
# JENKINS_SECRET, JENKINS_AGENT_NAME, JENKINS_WEB_SOCKET, JENKINS_AGENT_WORKDIR (and the older
# JENKINS_NAME, JENKINS_TUNNEL, JENKINS_DIRECT_CONNECTION) as jenkins/inbound-agent's does. It runs
# as root: builds in these pods run as root too, and a shared workspace needs one owner.
# An image already in the registry is not built again (prints its name and exits).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jar=${1:?usage: testenv/jenkins-agent-image.sh REMOTING_JAR [REGISTRY]}
registry=${2:-127.0.0.1:${STX_REGISTRY_PORT:-25000}}
[ -f "$jar" ] || { echo "jenkins-agent-image: remoting jar $jar does not exist" >&2; exit 1; }
version=$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Version: //p')
[ -n "$version" ] || { echo "jenkins-agent-image: $jar has no Version in its manifest; expected org.jenkins-ci.main:remoting" >&2; exit 1; }
suite=${STX_AGENT_DEBIAN_SUITE:-trixie}
jre=${STX_AGENT_JRE_PACKAGE:-openjdk-21-jre-headless}
mirror=${STX_KUBE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
# The tag names the remoting version and the JRE: a change of either makes a new image.
name=starlingx-build/jenkins-agent:$version-${jre%%-jre*}
cache=${STX_TESTENV_HOME:-$HOME/.cache/starlingx-build/testenv}/agent-image
log=$cache/build.log

if curl -fsS -o /dev/null -H 'Accept: application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' \
  "http://$registry/v2/${name%%:*}/manifests/${name##*:}" 2>/dev/null; then
  echo "$registry/$name"
  exit 0
fi
for tool in mmdebstrap buildah unzip; do
  command -v "$tool" >/dev/null || { echo "jenkins-agent-image: $tool is missing (testenv/kube.sh up installs it with the real node)" >&2; exit 1; }
done
started=$SECONDS
mkdir -p "$cache/debs-$suite"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The downloaded .debs are kept between builds (a new remoting version rebuilds in seconds).
SOURCE_DATE_EPOCH=946684800 mmdebstrap --quiet --variant=minbase --format=tar \
  --include="$jre",ca-certificates \
  --setup-hook='mkdir -p "$1"/var/cache/apt/archives/' \
  --setup-hook="sync-in $cache/debs-$suite /var/cache/apt/archives/" \
  --customize-hook="sync-out /var/cache/apt/archives $cache/debs-$suite" \
  --customize-hook='rm -rf "$1"/usr/share/doc "$1"/usr/share/man "$1"/var/lib/apt/lists/*' \
  "$suite" "$work/rootfs.tar" "$mirror" >"$log" 2>&1 \
  || { tail -20 "$log" >&2; echo "jenkins-agent-image: mmdebstrap failed (log: $log)" >&2; exit 1; }
cat >"$work/jenkins-agent" <<'EOF'
#!/bin/sh
# Connects this container to a Jenkins controller as an inbound agent, from the environment the
# kubernetes-plugin sets (positional arguments, as older plugins pass them: SECRET NAME).
set -e
[ $# -ge 1 ] && [ -z "${JENKINS_SECRET:-}" ] && JENKINS_SECRET=$1
[ $# -ge 2 ] && [ -z "${JENKINS_AGENT_NAME:-}" ] && JENKINS_AGENT_NAME=$2
name=${JENKINS_AGENT_NAME:-${JENKINS_NAME:-}}
: "${JENKINS_URL:?JENKINS_URL is not set: the controller URL the agent connects to}"
: "${JENKINS_SECRET:?JENKINS_SECRET is not set}"
[ -n "$name" ] || { echo "jenkins-agent: JENKINS_AGENT_NAME is not set" >&2; exit 2; }
set -- -url "$JENKINS_URL" -secret "$JENKINS_SECRET" -name "$name"
[ "${JENKINS_WEB_SOCKET:-}" = true ] && set -- "$@" -webSocket
[ -n "${JENKINS_TUNNEL:-}" ] && set -- "$@" -tunnel "$JENKINS_TUNNEL"
[ -n "${JENKINS_DIRECT_CONNECTION:-}" ] && set -- "$@" -direct "$JENKINS_DIRECT_CONNECTION"
[ -n "${JENKINS_AGENT_WORKDIR:-}" ] && set -- "$@" -workDir "$JENKINS_AGENT_WORKDIR"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar /usr/share/jenkins/agent.jar "$@"
EOF
chmod 755 "$work/jenkins-agent"
c=$(buildah from scratch)
buildah add --quiet "$c" "$work/rootfs.tar" / >/dev/null
buildah copy --quiet --chmod 644 "$c" "$jar" /usr/share/jenkins/agent.jar >/dev/null
buildah copy --quiet --chmod 755 "$c" "$work/jenkins-agent" /usr/local/bin/jenkins-agent >/dev/null
buildah config --entrypoint '["/usr/local/bin/jenkins-agent"]' --cmd '' --workingdir /home/jenkins/agent \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --env LC_ALL=C.UTF-8 \
  --env AGENT_WORKDIR=/home/jenkins/agent --label org.jenkins-ci.remoting.version="$version" "$c"
buildah commit --quiet --rm "$c" "$name" >/dev/null
buildah push --quiet --tls-verify=false "$name" "docker://$registry/$name" >>"$log" 2>&1 \
  || { echo "jenkins-agent-image: pushing $name to $registry failed (log: $log)" >&2; exit 1; }
buildah rmi "$name" >/dev/null 2>&1 || true
echo "jenkins-agent-image: built $name in $((SECONDS - started)) s" >&2
echo "$registry/$name"

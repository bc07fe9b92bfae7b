#!/usr/bin/env bash
# Builds the project's own images (stx-build-builder:<version>, stx-build-pkgbuilder:<version>-<codename>)
# from Debian's mirror with buildah and pushes them to the testenv registry, where the test
# cluster's pods pull them: <registry>/starlingx-build/stx-build-pkgbuilder:<version>-bullseye ...
#   testenv/self-images.sh [--codenames bullseye,trixie]   (extra arguments go to `stx-build images`)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
testenv/require-tools.sh --tests
address=$(testenv/registry.sh up | tail -1)
[ -f cli/target/stx-build.jar ] || ./mvnw -q -B -ntp package -DskipTests -pl cli -am
exec java -jar cli/target/stx-build.jar images --self \
  --registry "$address/starlingx-build" --push --tls-verify false \
  --output "${STX_TESTENV_HOME:-$HOME/.cache/starlingx-build/testenv}/self-images" "$@"

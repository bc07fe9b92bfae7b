#!/usr/bin/env bash
# Prints the path of a helm binary built from its Go module (Debian has no helm), building it once
# into $STX_TESTENV_HOME/helm/<version>/ the first time. Pinned: helm v3.19.0, a release whose
# Kubernetes libraries (v0.34) match the API server testenv/ runs.
set -euo pipefail
version=${STX_HELM_VERSION:-v3.19.0}
testenv_home=${STX_TESTENV_HOME:-$HOME/.cache/starlingx-build/testenv}
bin_dir=$testenv_home/helm/$version
if [ ! -x "$bin_dir/helm" ]; then
  command -v go >/dev/null || { echo "helm: Go is needed to build helm (apt-get install golang-go)" >&2; exit 1; }
  echo "helm: building helm $version from its Go module (once)" >&2
  mkdir -p "$bin_dir"
  GOTOOLCHAIN=local GOBIN="$bin_dir" go install -trimpath -ldflags="-s -w" "helm.sh/helm/v3/cmd/helm@$version" >&2
fi
echo "$bin_dir/helm"

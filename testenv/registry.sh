#!/usr/bin/env bash
# A real OCI registry on loopback for image push tests: CNCF distribution, built from its Go module
# (no container images can be pulled here), cached, started once. Pinned: distribution v3.0.0.
#   testenv/registry.sh up      build if needed, start if not running, print host:port
#   testenv/registry.sh down    stop it
#   testenv/registry.sh status  running or not
set -euo pipefail
version=${STX_REGISTRY_VERSION:-v3.0.0}
home=${STX_TESTENV_HOME:-$HOME/.cache/starlingx-build/testenv}/registry
bin_dir=$home/bin-$version
port=${STX_REGISTRY_PORT:-25000}
address=127.0.0.1:$port

answering() { curl -fsS -o /dev/null "http://$address/v2/" 2>/dev/null; }

case ${1:-up} in
  up)
    if [ ! -x "$bin_dir/registry" ]; then
      command -v go >/dev/null || { echo "registry: Go is needed to build it" >&2; exit 1; }
      echo "registry: building distribution $version from its Go module (once)" >&2
      mkdir -p "$bin_dir"
      GOTOOLCHAIN=local GOBIN="$bin_dir" go install -trimpath -ldflags="-s -w" \
        "github.com/distribution/distribution/v3/cmd/registry@$version" >&2
    fi
    if ! answering; then
      mkdir -p "$home/data" "$home/logs"
      cat > "$home/config.yml" <<CONFIG
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $home/data
  delete:
    enabled: true
http:
  addr: $address
CONFIG
      nohup "$bin_dir/registry" serve "$home/config.yml" >"$home/logs/registry.log" 2>&1 </dev/null &
      echo $! >"$home/registry.pid"
      for _ in $(seq 1 100); do answering && break; sleep 0.1; done
      answering || { echo "registry: not answering at $address; see $home/logs/registry.log" >&2; exit 1; }
    fi
    echo "$address"
    ;;
  down)
    if [ -f "$home/registry.pid" ]; then kill "$(cat "$home/registry.pid")" 2>/dev/null || true; rm -f "$home/registry.pid"; fi
    ;;
  status)
    if answering; then echo "registry: running at $address"; else echo "registry: not running"; exit 1; fi
    ;;
  *)
    echo "usage: $0 up|down|status" >&2; exit 2
    ;;
esac

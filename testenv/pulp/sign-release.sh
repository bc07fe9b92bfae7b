#!/usr/bin/env bash
# Pulp's signing script for apt Release files: Pulp calls it with the Release file's path and the
# key's fingerprint in PULP_SIGNING_KEY_FINGERPRINT; it writes InRelease and Release.gpg beside it
# and prints where they are. testenv/pulp.sh installs a copy with GNUPG_HOME filled in.
set -euo pipefail
GNUPG_HOME=@GNUPG_HOME@
out=$(dirname "$1")
sign() {
  gpg --homedir "$GNUPG_HOME" --batch --yes --local-user "$PULP_SIGNING_KEY_FINGERPRINT" \
    --digest-algo SHA256 "$@"
}
sign --clearsign --output "$out/InRelease" "$1"
sign --detach-sign --armor --output "$out/Release.gpg" "$1"
printf '{"signatures": {"inline": "%s", "detached": "%s"}}\n' "$out/InRelease" "$out/Release.gpg"

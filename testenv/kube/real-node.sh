# shellcheck shell=bash
# One real node beside the KWOK nodes: a kubelet built from the same pinned Kubernetes module as
# the control plane, Debian's containerd, runc and CNI plugins, a pause image built here. Sourced by
# testenv/kube.sh (uses its log, die, start_process, stop_process, issue_cert, write_kubeconfig).
#
# What it sets, and why (docs/testenv.md has the table):
# - a bridge STX_KUBE_NODE_BRIDGE (stx-testenv0) with STX_KUBE_NODE_SUBNET's first address
#   (10.213.0.1/24) as the node IP: the kubelet refuses a loopback node IP. Pods get addresses on
#   this bridge only, with no default route and no masquerade; a FORWARD rule drops anything
#   leaving or entering the bridge through another interface.
# - Pulp (content 24816, API 24817) and the registry (25000) are forwarded from the bridge address
#   to their loopback listeners by socat, so pods reach them at 10.213.0.1.
# - The API server, as kube-proxy would serve the `kubernetes` service (there is no kube-proxy):
#   socat forwards its port (26443) from the bridge address to loopback, a DNAT rule (nat chain
#   STX-TESTENV-APISERVER) sends what pods on the bridge send to the service's ClusterIP
#   10.96.0.1:443 there, and pods get a route to 10.96.0.1 through the bridge address. So a pod
#   with a service account token (a build's agent pod creating package pods) reaches the API
#   server in-cluster; its certificate carries IP:10.96.0.1. Traffic to the bridge address goes to
#   the host, not through FORWARD: the confinement chain is unchanged.
# - containerd with its own root, state and socket under $kube_home/node; CRI's
#   restrict_oom_score_adj (root here lacks CAP_SYS_RESOURCE: runc cannot lower oom_score_adj),
#   cgroupfs, the local pause image, the testenv registry as a plain-HTTP registry.
# - KubeletConfiguration: cgroupfs, failCgroupV1: false (the machine has cgroup v1 with a unified
#   mount), failSwapOn: false, a taint and a label so only pods that ask for it land here,
#   anonymous access off (x509 from the cluster CA, webhook authorisation), image garbage
#   collection off (imageGCHighThresholdPercent: 100): the pause image is imported, not pullable,
#   and Debian 12's containerd 1.6 does not pin the sandbox image, so on a full disk the kubelet
#   deleted it and no pod could start until the next `up` (seen on the shared development machine).
# - an apt caching proxy (Debian's apt-cacher-ng, its own config and cache under
#   $kube_home/apt-proxy) on the bridge address, port STX_KUBE_APT_PROXY_PORT (24142): the one way
#   pods reach a Debian mirror. ForceManaged: it fetches only from Debian mirrors it knows
#   (deb.debian.org...), no CONNECT tunnels; the pods themselves still reach nothing off the machine.
# - down removes every container, mount, network namespace, cgroup, iptables chain and the bridge,
#   and puts back the sysctls the kubelet and the CNI plugin changed (recorded at the first up).
#
# STX_KUBE_REAL_NODE=0 turns it off (a machine that cannot run containers).

real_node_enabled() { [ "${STX_KUBE_REAL_NODE:-1}" != 0 ]; }

node_name=${STX_KUBE_REAL_NODE_NAME:-stx-real-node}
node_home=$kube_home/node
node_bridge=${STX_KUBE_NODE_BRIDGE:-stx-testenv0}
node_subnet=${STX_KUBE_NODE_SUBNET:-10.213.0.0/24}
node_prefix=${node_subnet%.*}
node_ip=$node_prefix.1
node_cidr_bits=${node_subnet#*/}
kubelet_port=${STX_KUBE_KUBELET_PORT:-10250}
kubelet_healthz_port=$((kubelet_port + 8))
containerd_sock=$node_home/containerd/containerd.sock
pause_version=3.10.1
debian_suite=${STX_KUBE_DEBIAN_SUITE:-bookworm}
debian_mirror=${STX_KUBE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
kaniko_version=$(awk '$1 == "require" && $2 == "github.com/osscontainertools/kaniko" {print $3}' "$here/kube/modules/kaniko/go.mod")
pause_image=stx-testenv.local/pause:$pause_version
registry_port=${STX_REGISTRY_PORT:-25000}
# The ports forwarded from the bridge address to loopback: Pulp content, Pulp API, registry, API server.
pulp_content_port=${STX_PULP_CONTENT_PORT:-24816}
forwarded_ports="$pulp_content_port ${STX_PULP_API_PORT:-24817} $registry_port $api_port"
# The ClusterIP of the `kubernetes` service (the first address of --service-cluster-ip-range).
api_service_ip=10.96.0.1
api_service_chain=STX-TESTENV-APISERVER
# Pulp's content app over HTTPS on the bridge (certificate from the cluster CA): kaniko takes a
# remote build context from https:// URLs only.
content_tls_port=${STX_KUBE_NODE_CONTENT_TLS_PORT:-24443}
# The apt caching proxy pods reach Debian through (not 3142, where a system apt-cacher-ng listens).
apt_proxy_port=${STX_KUBE_APT_PROXY_PORT:-24142}
apt_proxy_home=$kube_home/apt-proxy
# The label and taint that keep ordinary pods on the KWOK nodes.
real_node_label=testenv.starlingx.org/node
real_node_taint=testenv.starlingx.org/real-node
# Host settings the kubelet (container manager) and the CNI bridge plugin change.
recorded_sysctls="vm.overcommit_memory vm.panic_on_oom kernel.panic kernel.panic_on_oops kernel.keys.root_maxkeys kernel.keys.root_maxbytes net.ipv4.ip_forward"
# Chains the kubelet makes in the host's iptables.
kubelet_chains="KUBE-FIREWALL KUBE-KUBELET-CANARY KUBE-IPTABLES-HINT KUBE-POSTROUTING KUBE-MARK-MASQ KUBE-MARK-DROP"
confine_chain=STX-TESTENV-CONFINE
# Fixed host paths the kubelet and containerd use whatever their root is; removed by down only
# when up created them.
fixed_paths="/var/lib/kubelet /run/containerd /var/log/containers /var/run/netns"
ctr_cmd() { ctr --address "$containerd_sock" -n k8s.io "$@"; }

real_node_processes() { echo "containerd kubelet apt-proxy $(for p in $forwarded_ports $content_tls_port; do printf 'forward-%s ' "$p"; done)"; }

# --- install ------------------------------------------------------------------------------------

real_node_packages() {
  local missing=()
  command -v containerd >/dev/null || missing+=(containerd)
  command -v runc >/dev/null || missing+=(runc)
  [ -x /usr/lib/cni/bridge ] || missing+=(containernetworking-plugins)
  command -v socat >/dev/null || missing+=(socat)
  [ -x /usr/sbin/apt-cacher-ng ] || missing+=(apt-cacher-ng)
  command -v iptables >/dev/null || missing+=(iptables)
  command -v buildah >/dev/null || missing+=(buildah)
  command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
  command -v gcc >/dev/null || missing+=(build-essential)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing from Debian: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

kubelet_stamp() { cat "$here/kube/modules/kubelet/go.mod" "$here/kube/modules/kubelet/go.sum" | sha256sum | cut -c1-16; }

# The kubelet, from its own wrapper module (the kubelet needs more of the module graph than the
# control plane, and its own stamp keeps a change to it from rebuilding the control plane) pinned
# to the same k8s.io/kubernetes version as the control plane.
real_node_install() {
  real_node_packages
  local pinned
  pinned=$(grep -h '^require k8s.io/kubernetes ' "$here"/kube/modules/{kubernetes,kubelet}/go.mod | sort -u | wc -l)
  [ "$pinned" = 1 ] || die "testenv/kube/modules/kubelet and kubernetes pin different k8s.io/kubernetes versions"
  local stamp
  stamp=$(kubelet_stamp)
  if [ ! -f "$bin/.built-kubelet-$stamp" ]; then
    local started=$SECONDS
    log "building the kubelet $release from the Go module proxy"
    build_module kubelet k8s.io/kubernetes/cmd/kubelet
    rm -f "$bin"/.built-kubelet-*
    touch "$bin/.built-kubelet-$stamp"
    log "kubelet built in $((SECONDS - started)) s"
  fi
  build_pause_image
}

# The sandbox image, compiled here from the module's build/pause/linux/pause.c (as its Makefile
# does: static, -Os) into a FROM-scratch image running as 65535; nothing is pulled.
build_pause_image() {
  local archive=$node_home/images/pause-$pause_version.tar
  [ -f "$archive" ] && return
  local src
  src=$(cd "$here/kube/modules/kubelet" && GOTOOLCHAIN=local GOFLAGS=-mod=mod go list -m -f '{{.Dir}}' k8s.io/kubernetes)/build/pause/linux/pause.c
  [ -f "$src" ] || die "pause.c not found in the Kubernetes module ($src)"
  local work
  work=$(mktemp -d)
  gcc -Os -Wall -Werror -static -DVERSION="v$pause_version-stx-testenv" -o "$work/pause" "$src"
  strip "$work/pause"
  mkdir -p "$node_home/images"
  local ctr_id
  ctr_id=$(buildah from scratch)
  buildah copy --quiet "$ctr_id" "$work/pause" /pause >/dev/null
  buildah config --entrypoint '["/pause"]' --user 65535:65535 "$ctr_id"
  buildah commit --quiet --rm "$ctr_id" "docker-archive:$archive.part:$pause_image" >/dev/null
  mv "$archive.part" "$archive"
  rm -rf "$work"
}

# The executor of the maintained kaniko fork (its module's checksum is not in sum.golang.org's
# database as the proxy serves it, so go.sum alone pins it: GONOSUMDB for that module only).
build_kaniko() {
  local stamp
  stamp=$(cat "$here/kube/modules/kaniko/go.mod" "$here/kube/modules/kaniko/go.sum" | sha256sum | cut -c1-16)
  [ -f "$bin/.built-kaniko-$stamp" ] && return
  local started=$SECONDS
  log "building the kaniko executor $kaniko_version from the Go module proxy"
  (cd "$here/kube/modules/kaniko" \
    && GOTOOLCHAIN=local GOFLAGS=-mod=mod GONOSUMDB=github.com/osscontainertools/kaniko CGO_ENABLED=0 \
      go build -trimpath -ldflags='-s -w' -o "$bin/kaniko-executor" github.com/osscontainertools/kaniko/cmd/executor) \
    >>"$logs/build.log" 2>&1 || { tail -30 "$logs/build.log" >&2; die "building kaniko failed (log: $logs/build.log)"; }
  rm -f "$bin"/.built-kaniko-*
  touch "$bin/.built-kaniko-$stamp"
  log "kaniko built in $((SECONDS - started)) s"
}

# The executor's tag names the cluster CA it trusts: a new CA (kube.sh reset) makes a new image.
kaniko_tag() { echo "$kaniko_version-ca$(openssl x509 -in "$pki/ca.crt" -noout -fingerprint -sha256 | tr -d ':' | cut -d= -f2 | cut -c1-8 | tr 'A-F' 'a-f')"; }

registry_has() { curl -fsS -o /dev/null -H 'Accept: application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' "http://127.0.0.1:$registry_port/v2/$1/manifests/$2" 2>/dev/null; }

# The images the real node's tests run, built here and pushed to the testenv registry (no hub
# pulls): a Debian minbase made by mmdebstrap, and the kaniko executor laid out as its upstream
# image (/kaniko/executor, CA certificates, DOCKER_CONFIG=/kaniko/.docker).
ensure_node_images() {
  "$here/registry.sh" up >/dev/null || die "the testenv registry does not start (testenv/registry.sh up)"
  local started=$SECONDS built=""
  if ! registry_has stx-testenv/debian "$debian_suite"; then
    local rootfs=$node_home/images/debian-$debian_suite.tar
    if [ ! -f "$rootfs" ]; then
      log "making a Debian $debian_suite minbase root file system with mmdebstrap"
      mmdebstrap --quiet --variant=minbase --format=tar "$debian_suite" "$rootfs.part" "$debian_mirror" >>"$logs/images.log" 2>&1 \
        || { tail -20 "$logs/images.log" >&2; die "mmdebstrap failed (log: $logs/images.log)"; }
      mv "$rootfs.part" "$rootfs"
    fi
    local c
    c=$(buildah from scratch)
    buildah add --quiet "$c" "$rootfs" / >/dev/null
    buildah config --cmd /bin/bash --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$c"
    buildah commit --quiet --rm "$c" stx-testenv/debian:"$debian_suite" >/dev/null
    buildah push --quiet --tls-verify=false stx-testenv/debian:"$debian_suite" \
      "docker://127.0.0.1:$registry_port/stx-testenv/debian:$debian_suite" >>"$logs/images.log" 2>&1 \
      || die "pushing the Debian image failed (log: $logs/images.log)"
    buildah rmi stx-testenv/debian:"$debian_suite" >/dev/null 2>&1 || true
    built="$built debian"
  fi
  if ! registry_has stx-testenv/kaniko-executor "$(kaniko_tag)"; then
    build_kaniko
    local c
    c=$(buildah from scratch)
    buildah copy --quiet "$c" "$bin/kaniko-executor" /kaniko/executor >/dev/null
    # Debian's CA bundle plus the cluster CA (which signs the bridge's HTTPS endpoint).
    cat /etc/ssl/certs/ca-certificates.crt "$pki/ca.crt" > "$node_home/images/kaniko-ca-certificates.crt"
    buildah copy --quiet "$c" "$node_home/images/kaniko-ca-certificates.crt" /kaniko/ssl/certs/ca-certificates.crt >/dev/null
    printf 'hosts: files dns\n' > "$node_home/images/nsswitch.conf"
    buildah copy --quiet "$c" "$node_home/images/nsswitch.conf" /etc/nsswitch.conf >/dev/null
    buildah config --entrypoint '["/kaniko/executor"]' --workingdir /workspace \
      --env PATH=/usr/local/bin:/kaniko --env HOME=/root --env USER=root \
      --env DOCKER_CONFIG=/kaniko/.docker/ --env SSL_CERT_DIR=/kaniko/ssl/certs "$c"
    buildah commit --quiet --rm "$c" stx-testenv/kaniko-executor:"$(kaniko_tag)" >/dev/null
    buildah push --quiet --tls-verify=false stx-testenv/kaniko-executor:"$(kaniko_tag)" \
      "docker://127.0.0.1:$registry_port/stx-testenv/kaniko-executor:$(kaniko_tag)" >>"$logs/images.log" 2>&1 \
      || die "pushing the kaniko image failed (log: $logs/images.log)"
    buildah rmi stx-testenv/kaniko-executor:"$(kaniko_tag)" >/dev/null 2>&1 || true
    built="$built kaniko"
  fi
  [ -z "$built" ] || log "built and pushed the node's images ($built ) in $((SECONDS - started)) s"
}

write_real_node_properties() {
  cat > "$kube_home/real-node.properties.part" <<EOF
# Written by testenv/kube.sh up: the real node, for KubeClusterExtension's RealNode.
name=$node_name
label.key=$real_node_label
label.value=real
taint.key=$real_node_taint
address=$node_ip
registry=$node_ip:$registry_port
pulp.content.url=http://$node_ip:${STX_PULP_CONTENT_PORT:-24816}
pulp.api.url=http://$node_ip:${STX_PULP_API_PORT:-24817}
containerd.address=$containerd_sock
image.debian=$node_ip:$registry_port/stx-testenv/debian:$debian_suite
image.kaniko=$node_ip:$registry_port/stx-testenv/kaniko-executor:$(kaniko_tag)
pulp.content.https.url=https://$node_ip:$content_tls_port
apt.proxy.url=http://$node_ip:$apt_proxy_port
ca.file=$pki/ca.crt
EOF
  mv "$kube_home/real-node.properties.part" "$kube_home/real-node.properties"
}

# --- host state ---------------------------------------------------------------------------------

path_created_marker() { echo "$node_home/host-state/created$(echo "$1" | tr / _)"; }

record_host_state() {
  mkdir -p "$node_home/host-state"
  local file=$node_home/host-state/sysctls name
  if [ ! -f "$file" ]; then
    for name in $recorded_sysctls; do
      [ -e "/proc/sys/${name//.//}" ] && printf '%s=%s\n' "$name" "$(cat "/proc/sys/${name//.//}")"
    done > "$file.part"
    mv "$file.part" "$file"
  fi
  local path
  for path in $fixed_paths; do
    [ -e "$path" ] || touch "$(path_created_marker "$path")"
  done
}

restore_host_state() {
  local file=$node_home/host-state/sysctls line path
  if [ -f "$file" ]; then
    while IFS= read -r line; do
      sysctl -q -w "$line" >/dev/null 2>&1 || log "could not restore sysctl $line"
    done < "$file"
    rm -f "$file"
  fi
  for path in $fixed_paths; do
    if [ -f "$(path_created_marker "$path")" ]; then
      # Only ever empty directories or our own leftovers: never follow a mount out of them.
      [ -d "$path" ] && ! grep -q " $path/" /proc/self/mountinfo && rm -rf --one-file-system "$path"
      rm -f "$(path_created_marker "$path")"
    fi
  done
}

ensure_bridge() {
  if ! ip link show "$node_bridge" >/dev/null 2>&1; then
    ip link add "$node_bridge" type bridge
  fi
  ip addr show dev "$node_bridge" | grep -q "inet $node_ip/" || ip addr add "$node_ip/$node_cidr_bits" dev "$node_bridge"
  ip link set "$node_bridge" up
  # Nothing from the pods' bridge goes anywhere else, and nothing else is forwarded into it.
  iptables -N "$confine_chain" 2>/dev/null || iptables -F "$confine_chain"
  iptables -A "$confine_chain" -i "$node_bridge" ! -o "$node_bridge" -j DROP
  iptables -A "$confine_chain" -o "$node_bridge" ! -i "$node_bridge" -j DROP
  iptables -C FORWARD -j "$confine_chain" 2>/dev/null || iptables -I FORWARD 1 -j "$confine_chain"
  # What kube-proxy does for the `kubernetes` service, for pods on the bridge only.
  iptables -t nat -N "$api_service_chain" 2>/dev/null || iptables -t nat -F "$api_service_chain"
  iptables -t nat -A "$api_service_chain" -d "$api_service_ip/32" -p tcp --dport 443 \
    -j DNAT --to-destination "$node_ip:$api_port"
  iptables -t nat -C PREROUTING -i "$node_bridge" -j "$api_service_chain" 2>/dev/null \
    || iptables -t nat -I PREROUTING 1 -i "$node_bridge" -j "$api_service_chain"
}

remove_iptables_chain() {
  # remove_iptables_chain CMD TABLE CHAIN: every rule jumping to it, then the chain.
  local cmd=$1 table=$2 chain=$3 rule
  "$cmd" -t "$table" -S "$chain" >/dev/null 2>&1 || return 0
  { "$cmd" -t "$table" -S | grep -- "-j $chain\b" || true; } | sed 's/^-A /-D /' | while read -r rule; do
    # shellcheck disable=SC2086
    "$cmd" -t "$table" $rule 2>/dev/null || true
  done
  "$cmd" -t "$table" -F "$chain" 2>/dev/null || true
  "$cmd" -t "$table" -X "$chain" 2>/dev/null || true
}

remove_network() {
  local cmd table chain
  for cmd in iptables ip6tables; do
    command -v "$cmd" >/dev/null || continue
    for table in filter nat mangle; do
      for chain in $kubelet_chains; do remove_iptables_chain "$cmd" "$table" "$chain"; done
    done
  done
  remove_iptables_chain iptables filter "$confine_chain"
  remove_iptables_chain iptables nat "$api_service_chain"
  local ns
  for ns in /var/run/netns/cni-*; do
    [ -e "$ns" ] && ip netns delete "$(basename "$ns")" 2>/dev/null
  done
  ip link show "$node_bridge" >/dev/null 2>&1 && ip link delete "$node_bridge"
  rm -rf "$node_home/cni/ipam"
  return 0
}

remove_cgroups() {
  local dir
  for dir in /sys/fs/cgroup/*/kubepods /sys/fs/cgroup/kubepods; do
    [ -d "$dir" ] && find "$dir" -depth -type d -exec rmdir {} \; 2>/dev/null
  done
  return 0
}

unmount_under() {
  # Deepest first, so nested mounts come off before their parents.
  local mounts
  mounts=$(awk -v p="$1/" 'index($5, p) == 1 {print $5}' /proc/self/mountinfo | sort -r)
  [ -z "$mounts" ] || echo "$mounts" | xargs -r -n1 umount -l 2>/dev/null || true
}

# --- configuration ------------------------------------------------------------------------------

write_containerd_config() {
  mkdir -p "$node_home/containerd" "$node_home/cni/net.d"
  cat > "$node_home/containerd/config.toml" <<EOF
version = 2
root = "$node_home/containerd/root"
state = "$node_home/containerd/state"
plugin_dir = "$node_home/containerd/plugins"
disabled_plugins = ["io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper"]
[grpc]
  address = "$containerd_sock"
[ttrpc]
  address = "$node_home/containerd/containerd.sock.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""
[plugins."io.containerd.internal.v1.opt"]
  path = "$node_home/containerd/opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$pause_image"
  restrict_oom_score_adj = true
  stream_server_address = "127.0.0.1"
  enable_selinux = false
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        BinaryName = "$(command -v runc)"
        Root = "$node_home/containerd/runc"
        SystemdCgroup = false
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$node_home/cni/net.d"
  [plugins."io.containerd.grpc.v1.cri".registry.mirrors."$node_ip:$registry_port"]
    endpoint = ["http://$node_ip:$registry_port"]
  [plugins."io.containerd.grpc.v1.cri".registry.mirrors."127.0.0.1:$registry_port"]
    endpoint = ["http://127.0.0.1:$registry_port"]
EOF
  # Pods get an address on the bridge and a route to its subnet only: no default route, no NAT.
  cat > "$node_home/cni/net.d/10-stx-testenv.conflist" <<EOF
{
  "cniVersion": "0.4.0",
  "name": "stx-testenv",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$node_bridge",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "dataDir": "$node_home/cni/ipam",
        "ranges": [[{"subnet": "$node_subnet", "rangeStart": "$node_prefix.10", "rangeEnd": "$node_prefix.250", "gateway": "$node_ip"}]],
        "routes": [{"dst": "$api_service_ip/32", "gw": "$node_ip"}]
      }
    }
  ]
}
EOF
}

write_kubelet_config() {
  issue_cert kubelet "/O=system:nodes/CN=system:node:$node_name" "DNS:$node_name,IP:$node_ip"
  issue_cert apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client"
  write_kubeconfig "$kube_home/kubelet.kubeconfig" kubelet
  mkdir -p "$node_home/kubelet" "$node_home/pod-logs"
  cat > "$node_home/kubelet-config.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $node_ip
port: $kubelet_port
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: $kubelet_healthz_port
tlsCertFile: $pki/kubelet.crt
tlsPrivateKeyFile: $pki/kubelet.key
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: $pki/ca.crt
authorization:
  mode: Webhook
containerRuntimeEndpoint: unix://$containerd_sock
cgroupDriver: cgroupfs
failCgroupV1: false
failSwapOn: false
podLogsDir: $node_home/pod-logs
resolvConf: ""
maxPods: 30
registerWithTaints:
- key: $real_node_taint
  value: "true"
  effect: NoSchedule
evictionHard:
  memory.available: 200Mi
  nodefs.available: 2%
  nodefs.inodesFree: 2%
  imagefs.available: 2%
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 90
serializeImagePulls: false
EOF
}

# apt-cacher-ng's own configuration (not /etc/apt-cacher-ng): Debian mirrors only (ForceManaged
# with Debian's remap), no tunnels, listening on the bridge address alone, in the foreground.
write_apt_proxy_config() {
  mkdir -p "$apt_proxy_home/conf" "$apt_proxy_home/cache" "$apt_proxy_home/log" "$apt_proxy_home/run"
  printf '%s\n' 'http://deb.debian.org/debian/' > "$apt_proxy_home/conf/backends_debian"
  cat > "$apt_proxy_home/conf/acng.conf" <<EOF
CacheDir: $apt_proxy_home/cache
LogDir: $apt_proxy_home/log
SupportDir: /usr/lib/apt-cacher-ng
PidFile: $apt_proxy_home/run/pid
SocketPath: $apt_proxy_home/run/socket
BindAddress: $node_ip
Port: $apt_proxy_port
ForeGround: 1
Remap-debrep: file:deb_mirror*.gz /debian ; file:backends_debian
ForceManaged: 1
PassThroughPattern: ^$
ExThreshold: 30
ReportPage: acng-report.html
EOF
}

apt_proxy_works() { curl -fsS --max-time 2 -o /dev/null "http://$node_ip:$apt_proxy_port/acng-report.html"; }

# --- processes ----------------------------------------------------------------------------------

start_real_node() {
  [ "$(id -u)" = 0 ] || die "the real node needs root (containerd, kubelet); STX_KUBE_REAL_NODE=0 runs without it"
  mkdir -p "$node_home"
  record_host_state
  ensure_bridge
  write_containerd_config
  start_process containerd containerd --config "$node_home/containerd/config.toml"
  wait_for containerd containerd ctr_cmd version
  if ! ctr_cmd images ls -q | grep -qx "$pause_image"; then
    ctr_cmd images import --no-unpack "$node_home/images/pause-$pause_version.tar" >/dev/null \
      || die "could not import the pause image into containerd"
  fi
  local port
  for port in $forwarded_ports; do
    start_process "forward-$port" socat "TCP-LISTEN:$port,bind=$node_ip,reuseaddr,fork" "TCP:127.0.0.1:$port"
  done
  issue_cert bridge-tls "/CN=stx-testenv-bridge" "IP:$node_ip"
  start_process "forward-$content_tls_port" socat \
    "OPENSSL-LISTEN:$content_tls_port,bind=$node_ip,reuseaddr,fork,cert=$pki/bridge-tls.crt,key=$pki/bridge-tls.key,verify=0" \
    "TCP:127.0.0.1:$pulp_content_port"
  write_apt_proxy_config
  start_process apt-proxy /usr/sbin/apt-cacher-ng -c "$apt_proxy_home/conf"
  wait_for "the apt proxy" apt-proxy apt_proxy_works
  write_kubelet_config
  start_process kubelet "$bin/kubelet" --config "$node_home/kubelet-config.yaml" \
    --kubeconfig "$kube_home/kubelet.kubeconfig" --hostname-override "$node_name" \
    --node-ip "$node_ip" --root-dir "$node_home/kubelet" \
    --node-labels "$real_node_label=real,type=real,build.starlingx.io/pool=build" --v=1
  ensure_node_images
  write_real_node_properties
}

# Prints why the real node is not ready, or nothing.
real_node_problem() {
  # No node lifecycle controller runs here: a Ready condition can outlive its kubelet, so the
  # kubelet's own health check comes first.
  curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$kubelet_healthz_port/healthz" 2>/dev/null \
    || { echo "the kubelet of $node_name is not healthy (log: $logs/kubelet.log)"; return; }
  local ready
  ready=$(curl_api "$api_url/api/v1/nodes/$node_name" 2>/dev/null \
    | python3 -c 'import json,sys; print(next((c["status"] for c in json.load(sys.stdin).get("status",{}).get("conditions",[]) if c["type"]=="Ready"), "missing"))' 2>/dev/null || echo missing)
  [ "$ready" = True ] || echo "real node $node_name not Ready ($ready)"
}

stop_real_node() {
  stop_process kubelet
  if [ -S "$containerd_sock" ] && process_running containerd; then
    # Every container goes: the kubelet is gone, and a container outlives containerd.
    local id
    for id in $(ctr_cmd tasks ls -q 2>/dev/null); do
      ctr_cmd tasks kill -s SIGKILL "$id" >/dev/null 2>&1 || true
    done
    for id in $(ctr_cmd tasks ls -q 2>/dev/null); do
      ctr_cmd tasks delete -f "$id" >/dev/null 2>&1 || true
    done
    for id in $(ctr_cmd containers ls -q 2>/dev/null); do
      ctr_cmd containers delete "$id" >/dev/null 2>&1 || true
    done
  fi
  stop_process containerd
  local port
  for port in $forwarded_ports $content_tls_port; do stop_process "forward-$port"; done
  stop_process apt-proxy
  # Shims of a containerd that crashed: they run from our state directory.
  pkill -KILL -f -- "containerd-shim-runc-v2 .*-address $containerd_sock" 2>/dev/null || true
  unmount_under "$node_home"
  unmount_under /run/containerd
  remove_network
  remove_cgroups
  restore_host_state
}

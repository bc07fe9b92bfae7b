#!/usr/bin/env bash
# A real Kubernetes control plane (kube-apiserver, kube-controller-manager, kube-scheduler, etcd)
# with KWOK playing the nodes, on loopback, for tests and the demo. Everything is built from the
# Go module proxy, pinned in testenv/kube/modules/*/go.mod and go.sum.
#
#   testenv/kube.sh install   build the binaries unless cached (idempotent)
#   testenv/kube.sh up        install if needed, start what is not running, wait until ready
#   testenv/kube.sh down      stop every process (the etcd data stays: 'up' brings it back)
#   testenv/kube.sh reset     down, then remove the cluster's data and certificates
#   testenv/kube.sh status    print the state of each process; exit 0 only when ready
#   testenv/kube.sh env       print KUBECONFIG=... for the admin kubeconfig
#
# Everything lives under $STX_TESTENV_HOME/kube (default ~/.cache/starlingx-build/testenv/kube):
# bin-<release>/ (binaries), pki/, etcd-data/, logs/, run/ (pid files), kubeconfig (admin).
# Ports: STX_KUBE_API_PORT (26443), STX_KUBE_ETCD_PORT (22379, peer 22380).
# Fake nodes: STX_KUBE_NODES (3); testenv/kube/nodes.sh documents their capacity, labels and taints.
# One real node (kubelet, containerd, runc) beside them: testenv/kube/real-node.sh; STX_KUBE_REAL_NODE=0
# runs without it.
# Pod outcomes (succeed, fail, OOMKilled, keep running) and durations: testenv/kube/kwok-stages.yaml.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
testenv_home=${STX_TESTENV_HOME:-$HOME/.cache/starlingx-build/testenv}
kube_home=$testenv_home/kube
release=v1.35.4
api_port=${STX_KUBE_API_PORT:-26443}
etcd_port=${STX_KUBE_ETCD_PORT:-22379}
etcd_peer_port=$((etcd_port + 1))
ready_timeout=${STX_KUBE_READY_TIMEOUT:-120}
nodes=${STX_KUBE_NODES:-3}

bin=$kube_home/bin-$release
pki=$kube_home/pki
logs=$kube_home/logs
run=$kube_home/run
kubeconfig=$kube_home/kubeconfig
api_url="https://127.0.0.1:$api_port"

# shellcheck source=kube/real-node.sh
. "$here/kube/real-node.sh"

log() { printf 'kube: %s\n' "$*" >&2; }
die() { printf 'kube: error: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The pinned sources of the control plane's binaries: a change to their go.mod/go.sum rebuilds.
# (The kubelet of the real node has its own module and stamp: see kube/real-node.sh.)
control_plane_modules="etcd kubernetes kwok"
build_stamp() {
  local m
  { for m in $control_plane_modules; do cat "$here/kube/modules/$m/go.mod"; done
    for m in $control_plane_modules; do cat "$here/kube/modules/$m/go.sum"; done; } | sha256sum | cut -c1-16
}

install_system_packages() {
  local missing=()
  command -v go >/dev/null || missing+=(golang-go)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing from Debian: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Builds one wrapper module's commands into $bin. -trimpath and stripped binaries keep the cache
# small; GOTOOLCHAIN=local never downloads another Go.
build_module() {
  local module=$1
  shift
  (cd "$here/kube/modules/$module" \
    && GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0 \
      go build -trimpath -ldflags='-s -w' -o "$bin/" "$@") \
    >>"$logs/build.log" 2>&1 || { tail -30 "$logs/build.log" >&2; die "building $module failed (log: $logs/build.log)"; }
}

cmd_install() {
  install_system_packages
  build_control_plane
  if real_node_enabled; then real_node_install; fi
}

build_control_plane() {
  local stamp
  stamp=$(build_stamp)
  if [ -f "$bin/.built-$stamp" ]; then
    return
  fi
  mkdir -p "$bin" "$logs"
  local started=$SECONDS
  log "building Kubernetes $release control plane, etcd and KWOK from the Go module proxy into $bin (takes a while the first time)"
  build_module kubernetes k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler
  build_module etcd go.etcd.io/etcd/server/v3
  # The main package is go.etcd.io/etcd/server/v3, so go names the binary "server".
  mv -f "$bin/server" "$bin/etcd"
  build_module kwok sigs.k8s.io/kwok/cmd/kwok
  rm -f "$bin"/.built-[!k]*
  touch "$bin/.built-$stamp"
  log "built in $((SECONDS - started)) s"
}

# --- certificates -------------------------------------------------------------------------------

issue_cert() {
  # issue_cert NAME SUBJECT [SAN-LIST]: a key and a certificate signed by the cluster CA.
  local name=$1 subject=$2 san=${3:-}
  [ -f "$pki/$name.crt" ] && return
  openssl genrsa -out "$pki/$name.key" 2048 2>/dev/null
  openssl req -new -key "$pki/$name.key" -subj "$subject" -out "$pki/$name.csr" 2>/dev/null
  local ext=$pki/$name.ext
  {
    echo "basicConstraints=CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    if [ -n "$san" ]; then
      echo "extendedKeyUsage=serverAuth,clientAuth"
      echo "subjectAltName=$san"
    else
      echo "extendedKeyUsage=clientAuth"
    fi
  } > "$ext"
  openssl x509 -req -in "$pki/$name.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial \
    -days 3650 -sha256 -extfile "$ext" -out "$pki/$name.crt" 2>/dev/null
  rm -f "$pki/$name.csr" "$ext"
}

ensure_pki() {
  mkdir -p "$pki"
  chmod 700 "$pki"
  if [ ! -f "$pki/ca.crt" ]; then
    openssl genrsa -out "$pki/ca.key" 2048 2>/dev/null
    openssl req -x509 -new -key "$pki/ca.key" -subj "/CN=starlingx-build-testenv-ca" -days 3650 \
      -sha256 -out "$pki/ca.crt" 2>/dev/null
  fi
  local san="DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,IP:127.0.0.1,IP:10.96.0.1"
  issue_cert apiserver "/CN=kube-apiserver" "$san"
  issue_cert etcd "/CN=etcd" "DNS:localhost,IP:127.0.0.1"
  issue_cert apiserver-etcd-client "/CN=kube-apiserver-etcd-client"
  issue_cert admin "/O=system:masters/CN=starlingx-build-testenv-admin"
  issue_cert controller-manager "/CN=system:kube-controller-manager"
  issue_cert scheduler "/CN=system:kube-scheduler"
  issue_cert kwok "/O=system:masters/CN=kwok-controller"
  # The API server's identity towards kubelets (logs, exec); the real node's kubelet trusts the CA.
  issue_cert apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client"
  if [ ! -f "$pki/sa.key" ]; then
    openssl genrsa -out "$pki/sa.key" 2048 2>/dev/null
    openssl rsa -in "$pki/sa.key" -pubout -out "$pki/sa.pub" 2>/dev/null
  fi
  chmod 600 "$pki"/*.key
}

write_kubeconfig() {
  # write_kubeconfig FILE CERT-NAME: a kubeconfig that authenticates with a client certificate.
  local file=$1 name=$2
  cat > "$file" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: stx-testenv
  cluster:
    server: $api_url
    certificate-authority: $pki/ca.crt
users:
- name: $name
  user:
    client-certificate: $pki/$name.crt
    client-key: $pki/$name.key
contexts:
- name: stx-testenv
  context:
    cluster: stx-testenv
    user: $name
current-context: stx-testenv
EOF
  chmod 600 "$file"
}

# --- processes ----------------------------------------------------------------------------------

process_names() {
  echo etcd apiserver controller-manager scheduler kwok
  if real_node_enabled; then real_node_processes; fi
}

process_running() {
  local pidfile=$run/$1.pid pid
  [ -f "$pidfile" ] || return 1
  pid=$(cat "$pidfile")
  # A killed process nobody has reaped yet (a zombie) still answers kill -0: it is not running.
  kill -0 "$pid" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]
}

start_process() {
  local name=$1
  shift
  if process_running "$name"; then
    # A process started with other arguments (an older kube.sh, other flags) is restarted with
    # these; the same command line is left running.
    [ "$(tr '\0' '\n' < "/proc/$(cat "$run/$name.pid")/cmdline" 2>/dev/null)" = "$(printf '%s\n' "$@")" ] && return
    log "restarting $name with new arguments"
    stop_process "$name"
  fi
  # setsid: the process outlives this script and the shell that ran it.
  setsid "$@" >>"$logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$run/$name.pid"
}

stop_process() {
  local name=$1 pidfile=$run/$1.pid pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

curl_api() { curl -fsS --max-time 5 --cacert "$pki/ca.crt" --cert "$pki/admin.crt" --key "$pki/admin.key" "$@"; }

wait_for() {
  # wait_for WHAT PROCESS COMMAND...: retries COMMAND until it succeeds, failing fast if PROCESS died.
  local what=$1 process=$2 deadline=$((SECONDS + ready_timeout))
  shift 2
  until "$@" >/dev/null 2>&1; do
    process_running "$process" || { tail -20 "$logs/$process.log" >&2; die "$process exited (log: $logs/$process.log)"; }
    [ $SECONDS -lt $deadline ] || die "$what not ready after ${ready_timeout} s (logs: $logs)"
    sleep 0.5
  done
}

start_etcd() {
  start_process etcd "$bin/etcd" --name stx-testenv --data-dir "$kube_home/etcd-data" \
    --listen-client-urls "https://127.0.0.1:$etcd_port" --advertise-client-urls "https://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$etcd_peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer_port" \
    --initial-cluster "stx-testenv=http://127.0.0.1:$etcd_peer_port" \
    --cert-file "$pki/etcd.crt" --key-file "$pki/etcd.key" --client-cert-auth --trusted-ca-file "$pki/ca.crt" \
    --listen-metrics-urls "http://127.0.0.1:$((etcd_port + 2))" \
    --quota-backend-bytes 2147483648 --log-level warn
  wait_for etcd etcd curl -fsS --max-time 2 "http://127.0.0.1:$((etcd_port + 2))/health"
}

start_apiserver() {
  start_process apiserver "$bin/kube-apiserver" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$api_port" \
    --etcd-servers "https://127.0.0.1:$etcd_port" --etcd-cafile "$pki/ca.crt" \
    --etcd-certfile "$pki/apiserver-etcd-client.crt" --etcd-keyfile "$pki/apiserver-etcd-client.key" \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" \
    --client-ca-file "$pki/ca.crt" \
    --kubelet-client-certificate "$pki/apiserver-kubelet-client.crt" --kubelet-client-key "$pki/apiserver-kubelet-client.key" \
    --kubelet-certificate-authority "$pki/ca.crt" --kubelet-preferred-address-types InternalIP,Hostname \
    --service-account-issuer "https://kubernetes.default.svc" --api-audiences "https://kubernetes.default.svc" \
    --service-account-key-file "$pki/sa.pub" --service-account-signing-key-file "$pki/sa.key" \
    --authorization-mode Node,RBAC \
    --enable-admission-plugins NamespaceLifecycle,LimitRanger,ServiceAccount,ResourceQuota,DefaultStorageClass,PodSecurity \
    --disable-admission-plugins TaintNodesByCondition \
    --service-cluster-ip-range 10.96.0.0/16 --allow-privileged=true \
    --profiling=false --v=1
  wait_for "the API server" apiserver curl_api "$api_url/readyz"
}

start_controllers() {
  write_kubeconfig "$kube_home/controller-manager.kubeconfig" controller-manager
  write_kubeconfig "$kube_home/scheduler.kubeconfig" scheduler
  write_kubeconfig "$kube_home/kwok.kubeconfig" kwok
  # No kubelet sends node heartbeats, so the node lifecycle controller would taint and evict every
  # node; KWOK keeps the nodes Ready instead. For the same reason the API server does not add the
  # not-ready taint to new nodes (TaintNodesByCondition): nothing here would ever take it off.
  start_process controller-manager "$bin/kube-controller-manager" \
    --kubeconfig "$kube_home/controller-manager.kubeconfig" \
    --authentication-kubeconfig "$kube_home/controller-manager.kubeconfig" \
    --authorization-kubeconfig "$kube_home/controller-manager.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port 0 --leader-elect=false \
    --controllers '*,-nodelifecycle,-nodeipam,-cloud-node-lifecycle,-service-lb-controller,-node-route-controller' \
    --service-account-private-key-file "$pki/sa.key" --root-ca-file "$pki/ca.crt" \
    --use-service-account-credentials --cluster-signing-cert-file "$pki/ca.crt" --cluster-signing-key-file "$pki/ca.key" \
    --concurrent-gc-syncs 5 --v=1
  start_process scheduler "$bin/kube-scheduler" \
    --kubeconfig "$kube_home/scheduler.kubeconfig" \
    --authentication-kubeconfig "$kube_home/scheduler.kubeconfig" \
    --authorization-kubeconfig "$kube_home/scheduler.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port 0 --leader-elect=false --v=1
  start_process kwok "$bin/kwok" --kubeconfig "$kube_home/kwok.kubeconfig" \
    --config "$here/kube/kwok-stages.yaml" \
    --manage-all-nodes=false --manage-nodes-with-annotation-selector kwok.x-k8s.io/node=fake \
    --cidr 10.244.0.1/16 --node-ip 10.1.0.1 --server-address 127.0.0.1:0
}

ensure_nodes() {
  STX_KUBE_NODES=$nodes "$here/kube/nodes.sh" "$api_url" "$pki" >>"$logs/nodes.log" 2>&1 \
    || { tail -20 "$logs/nodes.log" >&2; die "could not create the fake nodes (log: $logs/nodes.log)"; }
}

# Prints why the cluster is not ready, or nothing.
readiness_problem() {
  [ -f "$pki/admin.crt" ] || { echo "not set up"; return; }
  curl_api "$api_url/readyz" >/dev/null 2>&1 || { echo "API server not ready"; return; }
  local name
  for name in $(process_names); do
    process_running "$name" || { echo "$name not running"; return; }
  done
  local ready
  ready=$(curl_api "$api_url/api/v1/nodes?labelSelector=type%3Dkwok" 2>/dev/null \
    | python3 -c 'import json,sys; print(sum(1 for n in json.load(sys.stdin)["items"] for c in n.get("status",{}).get("conditions",[]) if c["type"]=="Ready" and c["status"]=="True"))' 2>/dev/null || echo 0)
  [ "$ready" -ge 1 ] || { echo "no KWOK node Ready"; return; }
  if real_node_enabled; then real_node_problem; fi
}

cmd_up() {
  local started=$SECONDS
  if [ -f "$pki/admin.crt" ] && [ -z "$(readiness_problem)" ]; then
    log "already running and ready at $api_url (KUBECONFIG=$kubeconfig)"
    return
  fi
  cmd_install
  mkdir -p "$logs" "$run"
  ensure_pki
  write_kubeconfig "$kubeconfig" admin
  start_etcd
  start_apiserver
  start_controllers
  ensure_nodes
  if real_node_enabled; then start_real_node; fi
  local deadline=$((SECONDS + ready_timeout)) problem
  while problem=$(readiness_problem); [ -n "$problem" ]; do
    [ $SECONDS -lt $deadline ] || die "not ready after ${ready_timeout} s: $problem (logs: $logs)"
    sleep 0.5
  done
  log "ready at $api_url with $nodes KWOK nodes$(real_node_enabled && echo " and the real node $node_name") in $((SECONDS - started)) s; KUBECONFIG=$kubeconfig; logs in $logs"
}

cmd_down() {
  local name
  if real_node_enabled || [ -f "$run/kubelet.pid" ]; then stop_real_node; fi
  for name in kwok scheduler controller-manager apiserver etcd; do stop_process "$name"; done
  # Processes a crash left without a pid file: match our own binaries' path.
  pkill -f -- "^$bin/" 2>/dev/null || true
  log "stopped"
}

cmd_reset() {
  cmd_down
  rm -rf "$kube_home/etcd-data" "$pki" "$kube_home"/*.kubeconfig "$kubeconfig" "$kube_home/real-node.properties" \
    "$node_home/kubelet" "$node_home/containerd" "$node_home/cni" "$node_home/pod-logs"
  log "cluster data and certificates removed"
}

cmd_status() {
  local name state problem
  for name in $(process_names); do
    if process_running "$name"; then state="running (pid $(cat "$run/$name.pid"))"; else state=stopped; fi
    printf '%-19s %s\n' "$name" "$state"
  done
  problem=$(readiness_problem)
  if [ -z "$problem" ]; then
    printf '%-19s %s\n' ready "$api_url (KUBECONFIG=$kubeconfig)"
  else
    printf '%-19s %s\n' "not ready" "$problem"
    return 1
  fi
}

case "${1:-}" in
  install) mkdir -p "$logs"; cmd_install ;;
  up) cmd_up ;;
  down) cmd_down ;;
  reset) cmd_reset ;;
  status) cmd_status ;;
  env) printf 'KUBECONFIG=%s\n' "$kubeconfig" ;;
  *) echo "usage: testenv/kube.sh install|up|down|reset|status|env" >&2; exit 2 ;;
esac

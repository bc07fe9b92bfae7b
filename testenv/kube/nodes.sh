#!/usr/bin/env bash
# Creates (or keeps) the fake nodes KWOK plays, and the RuntimeClass the sysbox build role names.
# Called by testenv/kube.sh up with the admin certificate in $STX_KUBE_PKI.
#
# Nodes stx-node-1..N (STX_KUBE_NODES, default 3), each annotated kwok.x-k8s.io/node=fake and
# labelled type=kwok, kubernetes.io/os=linux, kubernetes.io/arch=amd64,
# build.starlingx.io/pool=build, with STX_KUBE_NODE_CPU (16) CPUs, STX_KUBE_NODE_MEMORY (64Gi)
# memory and 110 pods. Extra labels for every node: STX_KUBE_NODE_LABELS="k=v,k2=v2".
# The last STX_KUBE_SYSBOX_NODES (1) nodes also carry sysbox-runtime=running and the taint
# build.starlingx.io/sysbox=true:NoSchedule: only pods of the RuntimeClass sysbox-runc (which
# tolerates it and selects them) land there.
set -euo pipefail
api=$1
pki=$2
count=${STX_KUBE_NODES:-3}
cpu=${STX_KUBE_NODE_CPU:-16}
memory=${STX_KUBE_NODE_MEMORY:-64Gi}
extra_labels=${STX_KUBE_NODE_LABELS:-}
sysbox_nodes=${STX_KUBE_SYSBOX_NODES:-1}

post() {
  # post PATH JSON: creates the object; an existing one (409) is kept as it is.
  local code
  code=$(curl -sS --max-time 10 -o /tmp/stx-kube-post.$$ -w '%{http_code}' --cacert "$pki/ca.crt" \
    --cert "$pki/admin.crt" --key "$pki/admin.key" -H 'Content-Type: application/json' \
    -X POST --data-binary "$2" "$api$1")
  case "$code" in
    201|409) ;;
    *) cat /tmp/stx-kube-post.$$ >&2; rm -f /tmp/stx-kube-post.$$; echo "POST $1 failed: HTTP $code" >&2; return 1 ;;
  esac
  rm -f /tmp/stx-kube-post.$$
}

for i in $(seq 1 "$count"); do
  sysbox=false
  [ "$i" -gt $((count - sysbox_nodes)) ] && sysbox=true
  post /api/v1/nodes "$(python3 - "$i" "$cpu" "$memory" "$extra_labels" "$sysbox" <<'PY'
import json, sys
i, cpu, memory, extra, sysbox = sys.argv[1:]
name = f"stx-node-{i}"
labels = {"type": "kwok", "kubernetes.io/hostname": name, "kubernetes.io/os": "linux",
          "kubernetes.io/arch": "amd64", "build.starlingx.io/pool": "build"}
for pair in filter(None, extra.split(",")):
    k, _, v = pair.partition("=")
    labels[k] = v
taints = []
if sysbox == "true":
    labels["sysbox-runtime"] = "running"
    taints.append({"key": "build.starlingx.io/sysbox", "value": "true", "effect": "NoSchedule"})
resources = {"cpu": cpu, "memory": memory, "pods": "110", "ephemeral-storage": "500Gi"}
print(json.dumps({
    "apiVersion": "v1", "kind": "Node",
    "metadata": {"name": name, "labels": labels, "annotations": {"kwok.x-k8s.io/node": "fake"}},
    "spec": {"taints": taints},
    "status": {"allocatable": resources, "capacity": resources,
               "nodeInfo": {"architecture": "amd64", "operatingSystem": "linux", "kubeletVersion": "fake"}},
}))
PY
)"
done

post /apis/node.k8s.io/v1/runtimeclasses '{
  "apiVersion": "node.k8s.io/v1", "kind": "RuntimeClass",
  "metadata": {"name": "sysbox-runc"}, "handler": "sysbox-runc",
  "scheduling": {"nodeSelector": {"sysbox-runtime": "running"},
                 "tolerations": [{"key": "build.starlingx.io/sysbox", "operator": "Equal", "value": "true", "effect": "NoSchedule"}]}
}'
echo "nodes: $count fake nodes ($sysbox_nodes for sysbox), RuntimeClass sysbox-runc"

//go:build tools

// Package tools pins the kubelet of testenv/kube.sh's real node: the same k8s.io/kubernetes
// version as the control plane in ../kubernetes (kube.sh checks that both pin the same version).
package tools

import _ "k8s.io/kubernetes/cmd/kubelet"

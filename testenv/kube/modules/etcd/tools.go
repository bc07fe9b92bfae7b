//go:build tools

// Package tools pins the etcd server that testenv/kube.sh builds for the Kubernetes release.
package tools

import _ "go.etcd.io/etcd/server/v3"

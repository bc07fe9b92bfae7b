//go:build tools

// Package tools pins KWOK, which plays the cluster's nodes and pod lifecycles in testenv/kube.sh.
package tools

import _ "sigs.k8s.io/kwok/cmd/kwok"

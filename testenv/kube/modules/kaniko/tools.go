//go:build tools

// Package tools pins the maintained kaniko fork's executor, built by testenv/kube.sh into the
// image-builder image the real node runs (nothing can be pulled from a hub here).
package tools

import _ "github.com/osscontainertools/kaniko/cmd/executor"

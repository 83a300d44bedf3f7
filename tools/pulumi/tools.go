//go:build tools

// Package tools pins the Pulumi CLI built for the end-to-end tests (see scripts/tools.mjs).
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"

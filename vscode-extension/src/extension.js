'use strict';
// The Faultline extension for VS Code. The `faultline` debug type and the kernel views are
// contributed as the debug adapter grows; today the extension only locates a Java runtime.

const { findJavaRuntime } = require('./java-runtime');

function activate() {
  return { findJavaRuntime };
}

function deactivate() {}

module.exports = { activate, deactivate };

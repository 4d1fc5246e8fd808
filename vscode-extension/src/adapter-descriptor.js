'use strict';
// How VS Code reaches the Faultline debug adapter: a launch runs the adapter shipped in the
// extension's dist/lib over stdio; an attach connects to a `faultline debug --listen` machine.
// Plain data here; extension.js turns it into DebugAdapterExecutable or DebugAdapterServer.

const fs = require('node:fs');
const path = require('node:path');

const MAIN_CLASS = 'dev.faultline.dap.cli.Main';
const ADAPTER_JAR = 'dev.faultline.dap.jar';

/** The folder holding the adapter's jar and its runtime class path. */
function adapterLibrary(extensionPath) {
  return path.join(extensionPath, 'dist', 'lib');
}

/**
 * The command that runs the adapter over stdio: `java [javaOptions] -cp dist/lib/* Main debug`.
 * `java` is what findJavaRuntime answered. Throws when the extension was packaged without it.
 */
function describeLaunchAdapter({ extensionPath, java, javaOptions = [] }) {
  const lib = adapterLibrary(extensionPath);
  if (!fs.existsSync(path.join(lib, ADAPTER_JAR))) {
    throw new Error(`The Faultline extension has no debug adapter: ${path.join(lib, ADAPTER_JAR)} is missing. `
      + 'Rebuild the extension with `./mvnw -pl vscode-extension -am verify`, which copies the adapter into dist/lib.');
  }
  // java expands a class path entry ending in `*` to every jar in that folder itself.
  return {
    kind: 'executable',
    command: java.java,
    args: [...javaOptions, '-cp', path.join(lib, '*'), MAIN_CLASS, 'debug'],
  };
}

/** The listener an attach connects to; the configuration was checked by resolveConfiguration. */
function describeAttachAdapter(config) {
  return { kind: 'server', host: config.host, port: config.port };
}

module.exports = { describeLaunchAdapter, describeAttachAdapter, adapterLibrary, MAIN_CLASS, ADAPTER_JAR };

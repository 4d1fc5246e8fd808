'use strict';
// Drives the adapter packaged in dist/ as the extension does: a configuration goes through
// resolveConfiguration, the adapter is reached through the extension's descriptors (launch: the
// java command over stdio; attach: the listener's host and port), outgoing requests pass the fault
// filters as the tracker does, and stops feed a KernelViews, as in VS Code.

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { DebugClient } = require('@vscode/debugadapter-testsupport');
const { findJavaRuntime } = require('../src/java-runtime');
const { describeLaunchAdapter, describeAttachAdapter, adapterLibrary, MAIN_CLASS } = require('../src/adapter-descriptor');
const { resolveConfiguration } = require('../src/configuration');
const { applyFaultFilters } = require('../src/fault-filters');
const { KernelViews } = require('../src/kernel-views');

const extensionPath = path.join(__dirname, '..');
const repository = path.join(extensionPath, '..');
const TIMEOUT = 30000;

function example(...parts) {
  const file = path.join(repository, 'examples', ...parts);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: build the examples first (make -C examples)`);
  }
  return file;
}

/** A DebugClient whose requests pass the tracker's rewriting and whose events reach `views`. */
function instrument(client, config, views) {
  const send = client.send.bind(client);
  client.sent = [];
  client.send = (command, args) => {
    const message = applyFaultFilters({ type: 'request', command, arguments: args }, config.faultFilters);
    client.sent.push(message);
    views.onClientMessage(message);
    return send(message.command, message.arguments);
  };
  client.defaultTimeout = TIMEOUT;
  const dispatch = client.dispatch.bind(client);
  client.refreshes = [];
  client.dispatch = (body) => {
    const message = JSON.parse(body);
    dispatch(body);
    const refresh = views.onAdapterMessage(message);
    if (refresh) {
      client.refreshes.push(refresh);
    }
  };
  views.follow(client, (command, args) => send(command, args).then((response) => response.body));
  return client;
}

/** Starts a session for `config` (a launch.json entry with variables substituted), as the extension would. */
async function startSession(config, { folder = repository, extension = extensionPath } = {}) {
  const resolved = resolveConfiguration(config, { folder });
  const views = new KernelViews();
  const client = new DebugClient('unused', 'unused', 'faultline');
  let child;
  if (resolved.request === 'launch') {
    const adapter = describeLaunchAdapter({ extensionPath: extension, java: findJavaRuntime({ configured: resolved.javaHome }), javaOptions: resolved.javaOptions });
    child = spawn(adapter.command, adapter.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr.on('data', (data) => process.stderr.write(data));
    client.connect(child.stdout, child.stdin);
  } else {
    const server = describeAttachAdapter(resolved);
    await new Promise((resolve, reject) => {
      const net = require('node:net');
      const socket = net.createConnection(server.port, server.host, () => {
        client.connect(socket, socket);
        resolve();
      });
      socket.on('error', reject);
      client.socket = socket;
    });
  }
  instrument(client, resolved, views);
  const initialized = client.waitForEvent('initialized');
  const capabilities = (await client.initializeRequest({ adapterID: 'faultline', clientID: 'vscode', linesStartAt1: true,
    columnsStartAt1: true, pathFormat: 'path', supportsVariableType: true })).body;
  await initialized;
  return { client, views, resolved, child, capabilities };
}

/** Ends a session: disconnect, then the adapter process (for a launch) or the socket (for an attach). */
async function endSession({ client, child }, terminateDebuggee) {
  await client.disconnectRequest(terminateDebuggee === undefined ? {} : { terminateDebuggee }).catch(() => {});
  if (client.socket) {
    client.socket.destroy();
  }
  if (child) {
    child.kill();
  }
}

/** `faultline debug --listen 0 [--token T] PROGRAM` run from dist/lib, as ./faultline would; answers its port. */
function startListener(program, token) {
  const java = findJavaRuntime();
  const args = ['-cp', path.join(adapterLibrary(extensionPath), '*'), MAIN_CLASS, 'debug', '--listen', '0',
    ...(token ? ['--token', token] : []), program];
  const listener = spawn(java.java, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let text = '';
    listener.stderr.on('data', (data) => {
      text += data.toString();
      const found = /listening on ([^:\s]+):(\d+)/.exec(text);
      if (found) {
        resolve({ listener, host: found[1], port: Number(found[2]) });
      }
    });
    listener.on('exit', (code) => reject(new Error(`the listener exited with ${code}: ${text}`)));
  });
}

module.exports = { startSession, endSession, startListener, example, repository, extensionPath, TIMEOUT };

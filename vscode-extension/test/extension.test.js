'use strict';
// activate() against a recording stand-in for the `vscode` module: what it registers must match
// what package.json contributes, and the descriptor factory must hand VS Code the right adapter.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');

const manifest = require('../package.json');

/** A minimal `vscode` that records what the extension registers. */
function fakeVscode() {
  const registered = { providers: {}, factories: {}, trackers: {}, commands: {}, views: {}, errors: [] };
  class EventEmitter {
    constructor() {
      this.listeners = [];
      this.event = (listener) => this.listeners.push(listener);
    }

    fire(value) {
      this.listeners.forEach((listener) => listener(value));
    }
  }
  const disposable = { dispose() {} };
  const vscode = {
    EventEmitter,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    TreeItem: class { constructor(label, state) { this.label = label; this.collapsibleState = state; } },
    ThemeIcon: class { constructor(id) { this.id = id; } },
    DebugAdapterExecutable: class { constructor(command, args) { this.command = command; this.args = args; } },
    DebugAdapterServer: class { constructor(port, host) { this.port = port; this.host = host; } },
    debug: {
      registerDebugConfigurationProvider: (type, provider) => { registered.providers[type] = provider; return disposable; },
      registerDebugAdapterDescriptorFactory: (type, factory) => { registered.factories[type] = factory; return disposable; },
      registerDebugAdapterTrackerFactory: (type, factory) => { registered.trackers[type] = factory; return disposable; },
      onDidChangeActiveStackItem: () => disposable,
    },
    commands: {
      registerCommand: (id, run) => { registered.commands[id] = run; return disposable; },
      executeCommand: async () => undefined,
    },
    window: {
      createTreeView: (id, options) => { registered.views[id] = { ...options, dispose() {} }; return registered.views[id]; },
      showErrorMessage: async (message) => { registered.errors.push(message); return undefined; },
      showInformationMessage: async () => undefined,
      showTextDocument: async () => undefined,
    },
    workspace: {
      getConfiguration: () => ({ get: () => '' }),
      openTextDocument: async (options) => { registered.documents = [...(registered.documents || []), options]; return options; },
    },
  };
  return { vscode, registered };
}

function activateWith(vscode) {
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  try {
    for (const key of Object.keys(require.cache)) {
      if (key.includes(`${path.sep}src${path.sep}`)) {
        delete require.cache[key];
      }
    }
    const extension = require('../src/extension');
    const context = { subscriptions: [], extensionPath: path.join(__dirname, '..') };
    const api = extension.activate(context);
    return { api, context };
  } finally {
    Module._load = load;
  }
}

test('activate registers the faultline type and every view and command package.json contributes', () => {
  const { vscode, registered } = fakeVscode();
  activateWith(vscode);
  assert.ok(registered.providers.faultline && registered.factories.faultline && registered.trackers.faultline);
  assert.deepEqual(Object.keys(registered.views).sort(), manifest.contributes.views.debug.map((view) => view.id).sort());
  assert.deepEqual(Object.keys(registered.commands).sort(), manifest.contributes.commands.map((command) => command.command).sort());
  for (const view of Object.values(registered.views)) {
    assert.deepEqual(view.treeDataProvider.getChildren(), [], 'no session, no rows: the welcome text shows');
  }
});

test('an attach gets a DebugAdapterServer at the configured host and port', () => {
  const { vscode, registered } = fakeVscode();
  activateWith(vscode);
  const descriptor = registered.factories.faultline.createDebugAdapterDescriptor({ configuration: { request: 'attach', host: '127.0.0.1', port: 4711 } });
  assert.ok(descriptor instanceof vscode.DebugAdapterServer);
  assert.deepEqual([descriptor.host, descriptor.port], ['127.0.0.1', 4711]);
});

test('a launch gets a DebugAdapterExecutable running dist/lib with a Java 21+ from javaHome', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-jdk-'));
  fs.mkdirSync(path.join(home, 'bin'));
  fs.writeFileSync(path.join(home, 'bin', 'java'), '#!/bin/sh\n', { mode: 0o755 });
  fs.writeFileSync(path.join(home, 'release'), 'JAVA_VERSION="21.0.4"\n');
  const extension = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-ext-'));
  fs.mkdirSync(path.join(extension, 'dist', 'lib'), { recursive: true });
  fs.writeFileSync(path.join(extension, 'dist', 'lib', 'dev.faultline.dap.jar'), '');
  const { vscode, registered } = fakeVscode();
  const { context } = activateWith(vscode);
  context.extensionPath = extension;
  const descriptor = registered.factories.faultline.createDebugAdapterDescriptor({ configuration: { request: 'launch', program: '/p.elf', javaHome: home } });
  assert.ok(descriptor instanceof vscode.DebugAdapterExecutable);
  assert.equal(descriptor.command, path.join(home, 'bin', 'java'));
  assert.deepEqual(descriptor.args, ['-cp', path.join(extension, 'dist', 'lib', '*'), 'dev.faultline.dap.cli.Main', 'debug']);
});

test('a configuration error is shown to the user and stops the session before it starts', () => {
  const { vscode, registered } = fakeVscode();
  activateWith(vscode);
  const provider = registered.providers.faultline;
  assert.equal(provider.resolveDebugConfiguration(undefined, {}), null, 'no launch.json: VS Code opens one');
  const result = provider.resolveDebugConfigurationWithSubstitutedVariables(undefined, { type: 'faultline', request: 'attach', name: 'A' });
  assert.equal(result, undefined);
  assert.match(registered.errors[0], /"A": "port" is missing/);
});

test('the tracker rewrites exception filters and feeds the views the session\'s stops', async () => {
  const { vscode, registered } = fakeVscode();
  const { api } = activateWith(vscode);
  const asked = [];
  const recorded = require('./fixtures/fault-handlers-delivered.json');
  const answers = { 'faultline/endpoints': recorded.endpoints, 'faultline/faultLog': recorded.faultLog,
    'faultline/capabilities': recorded.capabilities, 'faultline/trapframe': recorded.trapframe };
  const session = { configuration: { faultFilters: ['VMFault'] }, customRequest: async (command) => { asked.push(command); return answers[command]; } };
  const tracker = registered.trackers.faultline.createDebugAdapterTracker(session);
  tracker.onWillStartSession();
  const request = { type: 'request', seq: 3, command: 'setExceptionBreakpoints', arguments: { filters: [] } };
  tracker.onWillReceiveMessage(request);
  assert.deepEqual(request.arguments.filters, ['VMFault']);
  tracker.onDidSendMessage({ type: 'event', event: 'stopped', body: { reason: 'exception', threadId: 27 } });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(asked.length, 4);
  const faultIpc = registered.views['faultline.faultIpc'].treeDataProvider;
  const [row] = faultIpc.getChildren();
  assert.equal(faultIpc.getTreeItem(row).label, '[1] CapFault: faulter');
  tracker.onWillStopSession();
  assert.deepEqual(faultIpc.getChildren(), []);
  assert.equal(api.views.session, undefined);
});

test('"Show Fault Log as Text" opens the log as faultline run prints it, or says why it cannot', async () => {
  const { vscode, registered } = fakeVscode();
  const { api } = activateWith(vscode);
  const text = 'Fault log: 1 fault\n[1] at instruction 5222: thread 52 "faulter": cap fault\n';
  api.views.follow('s', async () => ({ faults: [], text }));
  await registered.commands['faultline.showFaultLog']();
  assert.deepEqual(registered.documents, [{ content: text, language: 'plaintext' }]);
  api.views.follow('s', async () => {
    throw new Error('no machine to read');
  });
  await registered.commands['faultline.showFaultLog']();
  assert.match(registered.errors.at(-1), /could not read the fault log from the adapter: no machine to read/);
});

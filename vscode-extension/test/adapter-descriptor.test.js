'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { describeLaunchAdapter, describeAttachAdapter, MAIN_CLASS } = require('../src/adapter-descriptor');
const { applyFaultFilters } = require('../src/fault-filters');

function extensionWith(jars) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-ext-'));
  fs.mkdirSync(path.join(root, 'dist', 'lib'), { recursive: true });
  for (const jar of jars) {
    fs.writeFileSync(path.join(root, 'dist', 'lib', jar), '');
  }
  return root;
}

test('a launch runs the adapter from dist/lib with the chosen java, over stdio', () => {
  const root = extensionWith(['dev.faultline.dap.jar', 'gson.jar']);
  const adapter = describeLaunchAdapter({ extensionPath: root, java: { java: '/jdk/bin/java' }, javaOptions: ['-Xmx1g'] });
  assert.equal(adapter.command, '/jdk/bin/java');
  assert.deepEqual(adapter.args, ['-Xmx1g', '-cp', path.join(root, 'dist', 'lib', '*'), MAIN_CLASS, 'debug']);
});

test('an extension packaged without the adapter says what is missing and how to build it', () => {
  const root = extensionWith(['gson.jar']);
  assert.throws(() => describeLaunchAdapter({ extensionPath: root, java: { java: 'java' } }),
    /dist\/lib\/dev\.faultline\.dap\.jar is missing\. Rebuild the extension with `\.\/mvnw -pl vscode-extension -am verify`/);
});

test('an attach connects to the configured host and port', () => {
  assert.deepEqual(describeAttachAdapter({ host: '127.0.0.1', port: 4711, token: 't' }), { kind: 'server', host: '127.0.0.1', port: 4711 });
});

test('faultFilters replace the filters of setExceptionBreakpoints and leave other messages alone', () => {
  const request = { type: 'request', seq: 4, command: 'setExceptionBreakpoints', arguments: { filters: ['CapFault'], filterOptions: [] } };
  assert.equal(applyFaultFilters(request, ['VMFault']), request, 'the message VS Code sends on is the one changed');
  assert.deepEqual(request.arguments, { filters: ['VMFault'] });
  const untouched = { type: 'request', seq: 5, command: 'setExceptionBreakpoints', arguments: { filters: ['CapFault'] } };
  applyFaultFilters(untouched, undefined);
  assert.deepEqual(untouched.arguments.filters, ['CapFault'], 'no faultFilters: the Breakpoints view decides');
  const other = { type: 'request', seq: 6, command: 'continue', arguments: { threadId: 1 } };
  applyFaultFilters(other, ['VMFault']);
  assert.deepEqual(other.arguments, { threadId: 1 });
});

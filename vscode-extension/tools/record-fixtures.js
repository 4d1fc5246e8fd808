'use strict';
// Records the custom-request responses the view-model tests read: runs the adapter from dist/
// over stdio, stops at the first fault of each example, and writes the answers as JSON here.
// Usage (after the Maven build filled dist/ and `make -C examples`): node tools/record-fixtures.js

const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { spawn } = require('node:child_process');
const { buildGuest } = require('../test-integration/guests');
const { DebugClient } = require('@vscode/debugadapter-testsupport');
const { findJavaRuntime } = require('../src/java-runtime');
const { describeLaunchAdapter } = require('../src/adapter-descriptor');

const extension = path.join(__dirname, '..');
const fixtures = path.join(extension, 'test', 'fixtures');
const examples = path.join(extension, '..', 'examples');

async function record(name, program, filters, { breakpoint, functionBreakpoint } = {}) {
  const descriptor = describeLaunchAdapter({ extensionPath: extension, java: findJavaRuntime() });
  const child = spawn(descriptor.command, descriptor.args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const client = new DebugClient('unused', 'unused', 'faultline');
  client.connect(child.stdout, child.stdin);
  try {
    const initialized = client.waitForEvent('initialized');
    await client.initializeRequest({ adapterID: 'faultline', linesStartAt1: true, columnsStartAt1: true });
    await initialized;
    await client.setExceptionBreakpointsRequest({ filters });
    if (breakpoint) {
      await client.setBreakpointsRequest({ source: { path: breakpoint.path }, breakpoints: [{ line: breakpoint.line }] });
    }
    if (functionBreakpoint) {
      await client.setFunctionBreakpointsRequest({ breakpoints: [{ name: functionBreakpoint }] });
    }
    const stopped = client.waitForEvent('stopped', 30000);
    await client.launchRequest({ program });
    await client.configurationDoneRequest();
    const threadId = (await stopped).body.threadId;
    const answers = {
      stopped: (await stopped).body,
      faultLog: (await client.customRequest('faultline/faultLog')).body,
      trapframe: (await client.customRequest('faultline/trapframe', { threadId })).body,
      endpoints: (await client.customRequest('faultline/endpoints')).body,
      capabilities: (await client.customRequest('faultline/capabilities', { threadId })).body,
    };
    fs.writeFileSync(path.join(fixtures, `${name}.json`), `${JSON.stringify(answers, null, 2)}\n`);
  } finally {
    child.kill();
  }
}

(async () => {
  // traps: the first VM fault (a load from an unmapped address) with no handler.
  await record('traps-vmfault', path.join(examples, 'target', 'traps.elf'), ['VMFault']);
  // fault-handlers: the faulter's cap fault, delivered to the handler through its endpoint.
  await record('fault-handlers-delivered', path.join(examples, 'fault-handlers', 'fault-handlers.system'), ['faultDelivered']);
  // ipc: a client about to Call, with the server queued on the endpoint, blocked on receive.
  const source = path.join(examples, 'ipc', 'ipc.c');
  const line = fs.readFileSync(source, 'utf8').split('\n').findIndex((text) => text.includes('seL4_CallWithMRs(CLIENT_BADGED_ENDPOINT')) + 1;
  await record('ipc-client-call', path.join(examples, 'target', 'ipc.elf'), [], { breakpoint: { path: source, line } });
  // The adapter's queue guest: three callers queued, in order, on one endpoint.
  const queue = buildGuest(path.join(extension, '..', 'bundles', 'dev.faultline.dap', 'src', 'test', 'guest', 'queue.c'),
    path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-queue-')), 'queue.elf'));
  await record('queue-all-queued', queue, [], { functionBreakpoint: 'all_queued' });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});

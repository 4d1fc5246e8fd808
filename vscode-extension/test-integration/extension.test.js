'use strict';
// The packaged adapter (dist/lib) driven through the extension's own configuration checks,
// descriptors, fault-filter rewriting and view models, with VS Code's DAP test client.

const { test, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startSession, endSession, startListener, example, repository, TIMEOUT } = require('./harness');
const { faultLoop } = require('./guests');
const { installVsix } = require('./vsix');
const { initialConfigurations } = require('../src/configuration');

const LIMIT = { timeout: 120000 };
let cleanups = [];

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) {
    await cleanup();
  }
  cleanups = [];
});

function session(config, options) {
  return startSession(config, options).then((started) => {
    cleanups.push(() => endSession(started));
    return started;
  });
}

const find = (rows, label) => rows.find((row) => row.label === label) || assert.fail(`no row "${label}" in ${rows.map((r) => r.label)}`);

/** The launch configuration a new launch.json offers, with ${workspaceFolder} substituted as VS Code does. */
function initialLaunch(extra = {}) {
  const [launch] = initialConfigurations();
  return { ...launch, program: launch.program.replace('${workspaceFolder}', repository), ...extra };
}

async function settle(client) {
  await Promise.all(client.refreshes.splice(0));
}

/**
 * The configuration sequence VS Code runs: exception filters from the Breakpoints view's ticks,
 * launch or attach with the resolved configuration, configurationDone; answers the first stop,
 * once the views have refreshed for it.
 */
async function startAndStop(client, resolved, ticks = []) {
  await client.setExceptionBreakpointsRequest({ filters: ticks });
  const stopped = client.waitForEvent('stopped', TIMEOUT);
  await (resolved.request === 'attach' ? client.attachRequest(resolved) : client.launchRequest(resolved));
  await client.configurationDoneRequest();
  const event = await stopped;
  await settle(client);
  return event;
}

test('the initial launch configuration runs traps from dist/ and its faultFilters stop it on the first VM fault', LIMIT, async () => {
  const { client, views, capabilities, resolved } = await session(initialLaunch({ faultFilters: ['VMFault'] }));
  assert.ok(capabilities.exceptionBreakpointFilters.some((filter) => filter.filter === 'VMFault'));
  // The Breakpoints view's ticks say CapFault and UserException; the configuration's faultFilters replace them.
  const event = await startAndStop(client, resolved, ['CapFault', 'UserException']);
  assert.deepEqual(client.sent.find((message) => message.command === 'setExceptionBreakpoints').arguments, { filters: ['VMFault'] });
  assert.equal(event.body.reason, 'exception');
  assert.equal(event.body.text, 'VMFault', 'the ebreak and illegal-instruction faults before it did not stop');
  const info = await client.exceptionInfoRequest({ threadId: event.body.threadId });
  assert.equal(info.body.exceptionId, 'VMFault');

  const trapframe = views.view('trapframe');
  assert.equal(trapframe.message, undefined);
  // scause as the hart took it (a load page fault), where seL4's VMFault message says FSR 5 (load access fault).
  assert.equal(find(trapframe.rows, 'Cause').description, '13: load page fault');
  assert.equal(find(trapframe.rows, 'tval').description, '0x50000000');
  assert.match(find(trapframe.rows, 'Thread').description, /^no-handler-load \(#\d+\), inactive$/);
  const faults = views.view('faultLog').rows;
  assert.equal(faults.length, 3, 'ebreak, illegal instruction, then the load');
  assert.match(faults[0].label, /^\[3\] VMFault: no-handler-load$/);
  assert.equal(find(faults[0].children, 'Outcome').description, 'double fault: no valid handler, the thread stopped');
  assert.equal(find(views.view('capabilities').rows, 'CNode #1 (root)').expanded, true);
  assert.deepEqual(views.view('endpoints').rows.map((row) => row.label), ['No endpoints or notifications exist yet']);
});

test('a breakpoint in ipc.c stops there, and Endpoint Queues shows the server blocked on receive', LIMIT, async () => {
  const source = example('ipc', 'ipc.c');
  const line = fs.readFileSync(source, 'utf8').split('\n').findIndex((text) => text.includes('seL4_CallWithMRs(CLIENT_BADGED_ENDPOINT')) + 1;
  const config = { type: 'faultline', request: 'launch', name: 'ipc', program: 'examples/target/ipc.elf' };
  const { client, views, resolved } = await session(config);
  await client.setBreakpointsRequest({ source: { path: source }, breakpoints: [{ line }] });
  // VS Code sends the configuration as resolved: the program made absolute.
  const event = await startAndStop(client, resolved);
  assert.equal(event.body.reason, 'breakpoint');
  const frames = await client.stackTraceRequest({ threadId: event.body.threadId });
  // The line's first instruction belongs to seL4_CallWithMRs, inlined: its frames come first.
  const caller = frames.body.stackFrames.find((frame) => frame.name === 'client_main');
  assert.equal(caller.line, line);
  assert.equal(path.basename(caller.source.path), 'ipc.c');

  const [endpoint] = views.view('endpoints').rows;
  assert.equal(endpoint.description, 'receive · 1 queued');
  assert.match(endpoint.children[0].label, /^1\. rootserver \(#\d+\)$/);
  assert.equal(endpoint.children[0].description, 'blocked on recv · badge 0x0');
  assert.match(find(views.view('trapframe').rows, 'Thread').description, /^client_2/);
  assert.equal(find(views.view('trapframe').rows, 'Trap').description, 'none: the thread has not faulted');

  // The next stop can arrive in the same read as the continue's response: record what the view
  // showed at each change rather than look once after the response.
  const messages = [];
  const unsubscribe = views.onDidChange((view) => view === 'endpoints' && messages.push(views.view('endpoints').message));
  const stopped = client.waitForEvent('stopped', TIMEOUT);
  await client.continueRequest({ threadId: event.body.threadId });
  await stopped;
  await settle(client);
  unsubscribe();
  assert.match(messages[0], /running/, 'a continue marks the views stale');
  assert.equal(views.view('endpoints').message, undefined);
});

test('a fault delivered to a handler shows its path through the fault endpoint, in a system description', LIMIT, async () => {
  const config = { type: 'faultline', request: 'launch', name: 'fault-handlers', program: 'examples/fault-handlers/fault-handlers.system',
    faultFilters: ['faultDelivered'] };
  const { client, views, resolved } = await session(config);
  assert.equal((await startAndStop(client, resolved)).body.text, 'faultDelivered');
  const [fault] = views.view('faultLog').rows;
  assert.equal(fault.label, '[1] CapFault: faulter');
  assert.match(find(fault.children, 'Fault IPC').description, /^faulter → endpoint #\d+ \(badge 0xbeef\) → thread #\d+$/);
  const endpoint = find(find(fault.children, 'Fault IPC').children, 'Endpoint').description;
  const root = views.view('capabilities').rows.find((row) => row.label.endsWith('(root)'));
  assert.ok(root.children.some((row) => row.description === `endpoint ${endpoint}, RWG, badge 0xbeef`),
    'the handler holds the badged fault endpoint it minted');
});

test('attach to a running `faultline debug --listen` machine with its token, stop on its next fault and read the views', LIMIT, async () => {
  const { listener, port } = await startListener(faultLoop(), 'sesame');
  cleanups.push(() => listener.kill());
  // The port as ${input:port} would give it: a string.
  const config = { type: 'faultline', request: 'attach', name: 'attach', port: String(port), token: 'sesame', faultFilters: ['UserException'] };
  const { client, views, resolved } = await session(config);
  assert.equal(resolved.host, '127.0.0.1');
  assert.equal(resolved.port, port);
  const event = await startAndStop(client, resolved);
  assert.equal(event.body.reason, 'exception');
  assert.equal(event.body.text, 'UserException');

  assert.equal(views.view('trapframe').message, undefined, 'the trapframe view shows the stop');
  const trapframe = views.view('trapframe').rows;
  assert.match(find(trapframe, 'Thread').description, /^faulter \(#\d+\)/);
  assert.equal(find(trapframe, 'Cause').description, '3: breakpoint');
  const faults = views.view('faultLog').rows;
  assert.match(faults[0].label, /UserException: faulter$/);
  // The machine stops after the kernel entry that raised the fault, which also delivered it.
  assert.equal(find(faults[0].children, 'Outcome').description, 'delivered: awaiting the handler\'s reply');
  assert.match(find(faults[0].children, 'Fault IPC').description, /^faulter → endpoint #\d+ \(badge 0x42\) → thread #\d+$/);
  assert.ok(faults.slice(1).every((row) => find(row.children, 'Outcome').description === 'restarted by the handler\'s reply'));
  const [faultEndpoint, requestEndpoint] = views.view('endpoints').rows;
  assert.equal(faultEndpoint.description, 'idle', 'the handler took the fault message');
  assert.equal(requestEndpoint.description, 'send · 2 queued');
  assert.deepEqual(requestEndpoint.children.slice(0, 2).map((row) => row.description),
    ['blocked on send · badge 0x11 · label 0x21 len 1', 'blocked on send · badge 0x10 · label 0x20 len 1']);
  assert.ok(find(views.view('capabilities').rows, 'CNode #1 (root)').children.some((row) => row.description.endsWith('badge 0x42')));

  // Detaching leaves the machine running for the next client.
  await client.disconnectRequest({ terminateDebuggee: false });
  assert.equal(listener.exitCode, null);
});

test('the .vsix, unpacked as VS Code installs it, carries the adapter and launches it', LIMIT, async () => {
  const installed = await installVsix();
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.contributes.debuggers[0].type, 'faultline');
  assert.equal(manifest.main, './src/extension.js');
  assert.ok(fs.existsSync(path.join(installed, manifest.main)));
  const { client, resolved } = await session(initialLaunch({ stopOnEntry: true }), { extension: installed });
  const event = await startAndStop(client, resolved);
  assert.equal(event.body.reason, 'entry');
  const threads = await client.threadsRequest();
  assert.equal(threads.body.threads.length, 1);
});

test('an attach with the wrong token is refused by the listener with a clear error', LIMIT, async () => {
  const { listener, port } = await startListener(example('target', 'traps.elf'), 'right');
  cleanups.push(() => listener.kill());
  const config = { type: 'faultline', request: 'attach', name: 'attach', port, token: 'wrong' };
  const { client, resolved } = await session(config);
  await assert.rejects(client.attachRequest(resolved), /token/);
});

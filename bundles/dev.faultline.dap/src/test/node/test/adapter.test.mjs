// End to end: the DebugClient that VS Code's adapters are tested with, against `faultline debug`
// over TCP, every received message checked against the DAP schema.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startAdapter, startStdio, connect, guests, violations, validate } from '../lib/harness.mjs';

const TIMEOUT = { timeout: 60000 };
let running = [];

afterEach(async () => {
  for (const { client, adapter } of running) {
    await client.stop().catch(() => {});
    adapter.kill();
  }
  running = [];
  assert.deepEqual(violations.splice(0), [], 'every message the adapter sent is valid against the schema');
});

/** The 1-based line of the first line of the steps guest's source that contains text. */
function stepsLineOf(text) {
  const source = readFileSync(guests.stepsSource, 'utf8').split('\n');
  return source.findIndex((l) => l.includes(text)) + 1;
}

async function session(...args) {
  const { adapter, port } = await startAdapter(...args);
  const client = await connect(port);
  running.push({ client, adapter });
  return client;
}

async function launchStopped(client, program, supports = {}) {
  const initialized = client.waitForEvent('initialized');
  await client.initializeRequest({ adapterID: 'faultline', linesStartAt1: true, columnsStartAt1: true, ...supports });
  await initialized;
  const stopped = client.waitForEvent('stopped');
  // launchRequest, not DebugClient.launch, which sends a second initialize with its own arguments.
  await client.launchRequest({ program, stopOnEntry: true });
  await client.configurationDoneRequest();
  return (await stopped).body.threadId;
}

test('the schema check catches a message that breaks the schema', () => {
  validate({ seq: 1, type: 'event', event: 'stopped', body: { threadId: 1 } });
  validate({ seq: 2, type: 'response', request_seq: 1, command: 'threads', success: true, body: {} });
  assert.equal(violations.splice(0).length, 2, 'a stopped event without a reason and threads without threads');
});

test('launch with stop on entry, then threads, stack, scopes and registers', TIMEOUT, async () => {
  const client = await session();
  const thread = await launchStopped(client, guests.steps);
  const threads = await client.threadsRequest();
  assert.equal(threads.body.threads.length, 1);
  const frames = await client.stackTraceRequest({ threadId: thread });
  assert.equal(frames.body.stackFrames[0].name, '_start');
  const scopes = await client.scopesRequest({ frameId: frames.body.stackFrames[0].id });
  assert.deepEqual(scopes.body.scopes.map((s) => s.name), ['Registers', 'IPC']);
  const registers = await client.variablesRequest({ variablesReference: scopes.body.scopes[0].variablesReference });
  assert.equal(registers.body.variables[0].name, 'pc');
  assert.equal(registers.body.variables.length, 32);
});

test('over stdio, as VS Code starts it: initialized follows its response, and the example runs to its end', TIMEOUT, async () => {
  const client = await startStdio();
  running.push({ client, adapter: { kill: () => {} } });
  const thread = await launchStopped(client, guests.ipc);
  const at = (predicate) => client.messages.findIndex(predicate);
  assert.ok(at((m) => m.command === 'initialize') < at((m) => m.event === 'initialized'), 'the response first');
  const output = [];
  client.on('output', (event) => output.push(event.body));
  const exited = client.waitForEvent('exited');
  const terminated = client.waitForEvent('terminated');
  await client.continueRequest({ threadId: thread });
  assert.equal((await exited).body.exitCode, 0, 'main returned 0');
  await terminated;
  const console = output.filter((o) => o.category === 'stdout').map((o) => o.output).join('');
  assert.match(console, /^quick$/m);
  assert.match(console, /Server: echoed 9 words/);
});

test('a source breakpoint in the ipc example', TIMEOUT, async () => {
  const client = await session();
  const line = readFileSync(guests.ipcSource, 'utf8').split('\n').findIndex((l) => l.includes('printf("Badged %lu\\n"')) + 1;
  await client.hitBreakpoint({ program: guests.ipc }, { path: guests.ipcSource, line });
  const threads = await client.threadsRequest();
  assert.equal(threads.body.threads.length, 3);
});

test('step in, out and over', TIMEOUT, async () => {
  const client = await session();
  const call = stepsLineOf('total += square(i);');
  const thread = await launchStopped(client, guests.steps);
  await client.setBreakpointsRequest({ source: { path: guests.stepsSource }, breakpoints: [{ line: call }] });
  await Promise.all([client.continueRequest({ threadId: thread }), client.assertStoppedLocation('breakpoint', { line: call })]);
  await client.setBreakpointsRequest({ source: { path: guests.stepsSource }, breakpoints: [] });
  // The lines of the loop where a breakpoint stays put (VS Code asks before it places one in a line).
  const locations = await client.customRequest('breakpointLocations', { source: { path: guests.stepsSource }, line: call - 2, endLine: call + 2 });
  assert.ok(locations.body.breakpoints.some((location) => location.line === call), JSON.stringify(locations.body));
  assert.ok(locations.body.breakpoints.every((location) => location.line >= call - 2 && location.line <= call + 2));
  await Promise.all([client.stepInRequest({ threadId: thread }),
    client.assertStoppedLocation('step', { line: stepsLineOf('long result = x * x;') })]);
  await Promise.all([client.stepOutRequest({ threadId: thread }), client.assertStoppedLocation('step', { line: call })]);
  await Promise.all([client.nextRequest({ threadId: thread }), client.assertStoppedLocation('step', { line: stepsLineOf('counter = i;') })]);
});

test('Jump to Cursor: gotoTargets and goto, then a stop with reason goto', TIMEOUT, async () => {
  const client = await session();
  const body = stepsLineOf('long result = x * x;');
  const thread = await launchStopped(client, guests.steps);
  await client.setBreakpointsRequest({ source: { path: guests.stepsSource }, breakpoints: [{ line: body }] });
  await Promise.all([client.continueRequest({ threadId: thread }), client.assertStoppedLocation('breakpoint', { line: body })]);
  const back = stepsLineOf('return result;');
  const targets = await client.gotoTargetsRequest({ source: { path: guests.stepsSource }, line: back });
  assert.equal(targets.body.targets[0].line, back);
  await Promise.all([client.gotoRequest({ threadId: thread, targetId: targets.body.targets[0].id }),
    client.assertStoppedLocation('goto', { line: back })]);
});

test('conditional and log breakpoints', TIMEOUT, async () => {
  const client = await session();
  const body = stepsLineOf('long result = x * x;');
  const thread = await launchStopped(client, guests.steps);
  const outputs = [];
  client.on('output', (event) => outputs.push(event.body.output));
  await client.setBreakpointsRequest({ source: { path: guests.stepsSource },
    breakpoints: [{ line: body, logMessage: 'hit {counter}' }] });
  await client.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'square', condition: 'counter == 3' }] });
  const stopped = client.waitForEvent('stopped');
  await client.continueRequest({ threadId: thread });
  assert.equal((await stopped).body.reason, 'function breakpoint');
  const value = await client.evaluateRequest({ expression: 'counter', context: 'watch' });
  assert.equal(value.body.result, '3', 'a long is a plain integer: decimal');
  assert.ok(outputs.join('').includes('hit 0\nhit 1\nhit 2\n'), outputs.join(''));
});

test('Break on Value Change: a watchpoint on a global of the Variables view', TIMEOUT, async () => {
  const client = await session();
  const body = stepsLineOf('long result = x * x;');
  const thread = await launchStopped(client, guests.steps);
  await client.setBreakpointsRequest({ source: { path: guests.stepsSource }, breakpoints: [{ line: body }] });
  await Promise.all([client.continueRequest({ threadId: thread }), client.assertStoppedLocation('breakpoint', { line: body })]);
  const frames = await client.stackTraceRequest({ threadId: thread });
  const scopes = (await client.scopesRequest({ frameId: frames.body.stackFrames[0].id })).body.scopes;
  assert.deepEqual(scopes.map((s) => s.name), ['Locals', 'Globals', 'Registers', 'IPC']);
  const globals = scopes.find((s) => s.name === 'Globals').variablesReference;
  const counter = (await client.variablesRequest({ variablesReference: globals })).body.variables.find((v) => v.name === 'counter');
  assert.equal(counter.value, '0');
  const info = await client.dataBreakpointInfoRequest({ variablesReference: globals, name: 'counter' });
  assert.equal(info.body.dataId, `${counter.memoryReference}:8`, 'a long, where the Variables view says it is stored');
  await client.setBreakpointsRequest({ source: { path: guests.stepsSource }, breakpoints: [] });
  await client.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId, accessType: 'write' }] });
  const stopped = client.waitForEvent('stopped');
  await client.continueRequest({ threadId: thread });
  assert.equal((await stopped).body.reason, 'data breakpoint');
  const top = (await client.stackTraceRequest({ threadId: thread })).body.stackFrames[0];
  const value = await client.evaluateRequest({ expression: 'counter', frameId: top.id, context: 'watch' });
  assert.equal(value.body.result, '1', 'in a frame, a global reads by its type');
});

test('a fault stops on its filter and exceptionInfo decodes it', TIMEOUT, async () => {
  const client = await session();
  const thread = await launchStopped(client, guests.steps);
  await client.setExceptionBreakpointsRequest({ filters: ['VMFault'] });
  const stopped = client.waitForEvent('stopped');
  await client.continueRequest({ threadId: thread });
  assert.equal((await stopped).body.reason, 'exception');
  const info = await client.exceptionInfoRequest({ threadId: thread });
  assert.equal(info.body.exceptionId, 'VMFault');
  assert.match(info.body.details.message, /Addr=0x10/);
});

test('disassemble and memory', TIMEOUT, async () => {
  const client = await session();
  const thread = await launchStopped(client, guests.steps);
  const frames = await client.stackTraceRequest({ threadId: thread });
  const pc = frames.body.stackFrames[0].instructionPointerReference;
  const code = await client.send('disassemble', { memoryReference: pc, instructionOffset: -2, instructionCount: 6 });
  assert.equal(code.body.instructions.length, 6);
  const memory = await client.send('readMemory', { memoryReference: pc, count: 4 });
  assert.equal(Buffer.from(memory.body.data, 'base64').length, 4);
});

test('setVariable and writeMemory: invalidated and memory events for a client that takes them', TIMEOUT, async () => {
  const client = await session();
  const thread = await launchStopped(client, guests.steps, { supportsInvalidatedEvent: true, supportsMemoryEvent: true });
  const frames = await client.stackTraceRequest({ threadId: thread });
  const scopes = await client.scopesRequest({ frameId: frames.body.stackFrames[0].id });
  const registers = scopes.body.scopes.find((s) => s.name === 'Registers').variablesReference;
  let invalidated = client.waitForEvent('invalidated');
  await client.setVariableRequest({ variablesReference: registers, name: 'sp', value: 'sp' });
  assert.deepEqual((await invalidated).body, { areas: ['stacks', 'variables'], threadId: thread });
  const counter = (await client.evaluateRequest({ expression: '&counter', context: 'watch' })).body.memoryReference;
  const memory = client.waitForEvent('memory');
  invalidated = client.waitForEvent('invalidated');
  await client.send('writeMemory', { memoryReference: counter, data: Buffer.alloc(8).toString('base64') });
  assert.deepEqual((await memory).body, { memoryReference: counter, offset: 0, count: 8 });
  assert.deepEqual((await invalidated).body.areas, ['stacks', 'variables']);
});

test('a thread whose last cap is deleted exits', TIMEOUT, async () => {
  const client = await session();
  const threadEvents = [];
  client.on('thread', (event) => threadEvents.push(`${event.body.reason} ${event.body.threadId}`));
  const thread = await launchStopped(client, guests.exit);
  const terminated = client.waitForEvent('terminated');
  await client.continueRequest({ threadId: thread });
  await terminated;
  assert.equal(threadEvents.length, 2, threadEvents.join(', '));
  const worker = threadEvents[0].split(' ')[1];
  assert.deepEqual(threadEvents, [`started ${worker}`, `exited ${worker}`]);
});

test('attach to a running machine, detach, and attach again', TIMEOUT, async () => {
  const { adapter, port } = await startAdapter(guests.spin);
  for (let round = 0; round < 2; round++) {
    const client = await connect(port);
    running.push({ client, adapter });
    await client.initializeRequest({ adapterID: 'faultline' });
    await client.attachRequest({});
    await client.configurationDoneRequest();
    const thread = (await client.threadsRequest()).body.threads[0].id;
    const stopped = client.waitForEvent('stopped');
    await client.pauseRequest({ threadId: thread });
    assert.equal((await stopped).body.reason, 'pause');
    await client.disconnectRequest({ terminateDebuggee: false });
    await client.stop();
    running.pop();
  }
  adapter.kill();
});

test('bad requests get an error with a body and the session goes on', TIMEOUT, async () => {
  const client = await session();
  await client.initializeRequest({ adapterID: 'faultline' });
  await assert.rejects(client.send('frobnicate', {}));
  await assert.rejects(client.stackTraceRequest({ threadId: 4242 }));
  await assert.rejects(client.launch({ program: '/no/such/guest.elf' }));
  const threads = await client.threadsRequest();
  assert.deepEqual(threads.body.threads, []);
});

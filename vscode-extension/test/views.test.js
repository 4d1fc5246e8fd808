'use strict';
// The kernel views' trees, built from custom-request answers recorded from the adapter
// (tools/record-fixtures.js): what a user reads in each view at these stops.

const test = require('node:test');
const assert = require('node:assert/strict');
const { endpointTree } = require('../src/views/endpoints');
const { faultLogTree } = require('../src/views/fault-log');
const { capabilityTree } = require('../src/views/capabilities');
const { trapframeTree } = require('../src/views/trapframe');
const { trapOfFault, ABI_NAMES } = require('../src/views/riscv');
const { shortHex } = require('../src/views/tree');

const queue = require('./fixtures/queue-all-queued.json');
const ipc = require('./fixtures/ipc-client-call.json');
const traps = require('./fixtures/traps-vmfault.json');
const handlers = require('./fixtures/fault-handlers-delivered.json');

const find = (rows, label) => rows.find((row) => row.label === label) || assert.fail(`no row "${label}" in ${rows.map((r) => r.label)}`);

test('a send queue lists its callers in order with badge, message info and blocked state', () => {
  const [endpoint] = endpointTree(queue.endpoints);
  assert.equal(endpoint.label, 'Endpoint #47');
  assert.equal(endpoint.description, 'send · 3 queued');
  assert.equal(endpoint.expanded, true, 'a queue with threads opens by itself');
  const waiters = endpoint.children.slice(0, 3);
  assert.deepEqual(waiters.map((w) => w.label), ['1. sender-2 (#50)', '2. sender-1 (#49)', '3. sender-0 (#48)']);
  assert.equal(waiters[0].description, 'blocked on send · badge 0x12 · label 0x9 len 1');
  assert.equal(find(waiters[2].children, 'Badge').description, '0x0000000000000010');
  assert.equal(find(waiters[2].children, 'Message info').description, 'label 0x7, length 1, extraCaps 0, capsUnwrapped 0');
  assert.equal(find(waiters[2].children, 'Call').description, 'yes: awaits a reply');
  const slots = endpoint.children[3];
  assert.equal(slots.label, 'Cap slots (4)');
  assert.deepEqual(slots.children.map((s) => s.label), ['cnode #1 slot 56', 'cnode #1 slot 57', 'cnode #1 slot 59', 'cnode #1 slot 61']);
});

test('a receive queue shows the server blocked on recv, with no message info', () => {
  const [endpoint] = endpointTree(ipc.endpoints);
  assert.equal(endpoint.description, 'receive · 1 queued');
  const [server] = endpoint.children;
  assert.equal(server.label, '1. rootserver (#32)');
  assert.equal(server.description, 'blocked on recv · badge 0x0');
  assert.equal(server.children.some((row) => row.label === 'Message info'), false);
});

test('an idle endpoint says its queue is empty and stays closed', () => {
  const [idle] = endpointTree(handlers.endpoints);
  assert.equal(idle.description, 'idle');
  assert.equal(idle.expanded, false);
  assert.equal(idle.children[0].label, 'Queue empty');
});

test('no objects at all is said in one row', () => {
  assert.deepEqual(endpointTree(traps.endpoints).map((row) => row.label), ['No endpoints or notifications exist yet']);
});

test('notifications show their word, bound thread and queue', () => {
  const [row] = endpointTree({ endpoints: [], notifications: [{ id: 9, state: 'waiting', word: '0x0000000000000000', boundThreadId: 0,
    queue: [{ threadId: 4, threadName: 'driver', state: 'blocked on notification', badge: '0x0000000000000000', call: false }],
    slots: [{ owner: 'cnode', ownerId: 1, index: 3, text: 'cnode #1 slot 3' }] }] });
  assert.equal(row.label, 'Notification #9');
  assert.equal(row.description, 'waiting · word 0x0 · 1 queued');
  assert.deepEqual(row.children.slice(0, 3).map((r) => `${r.label}: ${r.description}`),
    ['Word: 0x0000000000000000', 'Bound thread: none', '1. driver (#4): blocked on notification · badge 0x0']);
});

test('the fault log shows the latest fault first, open, with its path to the handler', () => {
  const rows = faultLogTree(handlers.faultLog);
  assert.equal(rows.length, 1);
  const [fault] = rows;
  assert.equal(fault.label, '[1] CapFault: faulter');
  assert.equal(fault.description, 'cap fault in receive phase at address 0x3');
  assert.equal(fault.expanded, true);
  assert.equal(find(fault.children, 'Fault IPC').description, 'faulter → endpoint #2 (badge 0xbeef) → thread #27');
  assert.equal(find(fault.children, 'Outcome').description, 'delivered: awaiting the handler\'s reply');
  assert.deepEqual(find(fault.children, 'Message').children.map((r) => `${r.label}=${r.description}`),
    ['IP=0x108fc', 'Addr=0x3', 'InRecvPhase=0x1', 'LookupFailureType=0x2', 'BitsLeft=0x0']);
  assert.equal(find(fault.children, 'Trap').description, 'cause 8: environment call from U-mode');
  assert.equal(find(fault.children, 'Trapframe').children.length, 32);
});

test('double faults carry the kernel\'s report, and earlier faults follow the latest', () => {
  const rows = faultLogTree(traps.faultLog);
  assert.equal(rows.length, traps.faultLog.faults.length);
  assert.match(rows[0].label, /VMFault: no-handler-load$/);
  assert.equal(rows.at(-1).label, '[1] UserException: no-handler-ebreak');
  assert.equal(rows.at(-1).expanded, false);
  const report = find(rows.at(-1).children, 'Double-fault report');
  assert.equal(report.children[0].label, 'Caught cap fault in send phase at address (nil)');
  assert.equal(find(rows.at(-1).children, 'Fault IPC').description, 'no-handler-ebreak → no handler');
  assert.equal(find(rows.at(-1).children, 'Trap').description, 'cause 3: breakpoint');
});

test('an empty fault log says so', () => {
  assert.deepEqual(faultLogTree(ipc.faultLog).map((r) => r.label), ['No faults so far']);
});

test('the trapframe decodes a VM fault\'s cause and tval and lists the registers by ABI name', () => {
  const rows = trapframeTree(traps.trapframe);
  assert.equal(find(rows, 'Thread').description, 'no-handler-load (#50), inactive');
  assert.equal(find(rows, 'Cause').description, '5: load access fault');
  assert.equal(find(rows, 'tval').description, '0x50000000');
  assert.match(find(rows, 'Fault').description, /^VMFault \(current\): vm fault on data at address 0x50000000/);
  assert.equal(find(rows, 'pc').description, traps.trapframe.registers.pc);
  assert.equal(find(rows, 'FaultIP').description, '0x40000008');
  const registers = find(rows, 'Registers');
  assert.deepEqual(registers.children.map((r) => r.label), ABI_NAMES.slice(1));
  assert.equal(find(registers.children, 'a0').description, '0x0000000050000000');
});

test('the trapframe shows the last trap as the hart took it when the adapter gives scause and stval', () => {
  const answer = {
    ...traps.trapframe,
    trap: { cause: 13, causeName: 'load page fault', tval: '0x0000000050000000', pc: '0x0000000040000008', time: 4242 },
  };
  const rows = trapframeTree(answer);
  assert.equal(find(rows, 'Cause').description, '13: load page fault');
  assert.equal(find(rows, 'tval').description, '0x50000000');
  assert.equal(find(rows, 'Trapped at').description, 'pc 0x40000008, instruction 4242');
});

test('a thread that never faulted has no trap', () => {
  const rows = trapframeTree(ipc.trapframe);
  assert.equal(find(rows, 'Trap').description, 'none: the thread has not faulted');
  assert.equal(rows.some((r) => r.label === 'Fault'), false);
});

test('the CSpace groups slots by CNode, the root CNode open', () => {
  const rows = capabilityTree(handlers.capabilities);
  assert.equal(find(rows, 'Thread').description, 'handler (#27)');
  assert.equal(find(rows, 'CSpace root').description, 'cnode #26, radix 8, guard 0x0/56');
  const cnode = find(rows, 'CNode #26 (root)');
  assert.equal(cnode.expanded, true);
  assert.equal(cnode.description, '8 filled slots');
  const badged = find(cnode.children, 'slot 4: endpoint');
  assert.equal(badged.description, 'endpoint #2, RWG, badge 0xbeef');
  assert.deepEqual(badged.children.map((r) => `${r.label}: ${r.description}`),
    ['CPtr: 0x4 (depth 64)', 'Rights: RWG', 'Badge: 0xbeef', 'Object: #2']);
  const cnodeCap = find(cnode.children, 'slot 7: cnode');
  assert.equal(find(cnodeCap.children, 'Guard').description, '0x0 (56 bits)');
});

test('trap causes follow the privileged spec and the fault messages\' words', () => {
  assert.deepEqual(trapOfFault({ kind: 'VMFault', fields: { FSR: '0x7', Addr: '0x0000000050000008' } }),
    { code: 7, name: 'store/AMO access fault', tval: '0x0000000050000008' });
  assert.deepEqual(trapOfFault({ kind: 'UserException', fields: { Number: '0x2' } }), { code: 2, name: 'illegal instruction', tval: null });
  assert.equal(trapOfFault({ kind: 'UnknownSyscall', fields: {} }).name, 'environment call from U-mode');
  assert.equal(trapOfFault({ kind: 'VMFault', fields: { FSR: '0xa', Addr: '0x0' } }).name, 'reserved or custom cause 10');
  assert.equal(trapOfFault(undefined), undefined);
});

test('hex words lose their padding but keep one digit', () => {
  assert.equal(shortHex('0x0000000000000000'), '0x0');
  assert.equal(shortHex('0x00000000000000AB'), '0xab');
  assert.equal(shortHex('inactive'), 'inactive');
});

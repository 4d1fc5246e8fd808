'use strict';
// The Capabilities view from faultline/capabilities: the selected thread's CSpace, its root CNode
// cap, then every filled slot reachable from it, grouped by the CNode that holds it.

const { node, shortHex } = require('./tree');

/** "tcb(tcb #28 \"rootserver\")" → "tcb #28 \"rootserver\"": the row's label already says the type. */
function objectText(cap) {
  const prefix = `${cap.type}(`;
  return cap.description.startsWith(prefix) && cap.description.endsWith(')')
    ? cap.description.slice(prefix.length, -1) : cap.description;
}

function capDetails(cap) {
  const rows = [];
  if (cap.cptr !== undefined) {
    rows.push(node('CPtr', { description: `${shortHex(cap.cptr)} (depth ${cap.depth})` }));
  }
  rows.push(node('Rights', { description: cap.rights || '-' }));
  rows.push(node('Badge', { description: shortHex(cap.badge) }));
  if (cap.radix !== undefined) {
    rows.push(node('Radix', { description: cap.radix }));
    rows.push(node('Guard', { description: `${shortHex(cap.guard)} (${cap.guardSize} bits)` }));
  }
  rows.push(node('Object', { description: cap.objectId ? `#${cap.objectId}` : 'none' }));
  return rows;
}

const ICONS = { cnode: 'list-tree', tcb: 'pulse', endpoint: 'mail', notification: 'bell', frame: 'file-binary',
  'page table': 'table', untyped: 'database', reply: 'reply' };

function slotNode(cap, threadId) {
  return node(`slot ${cap.slot}: ${cap.type}`, {
    id: `cspace/${threadId}/${cap.cnodeId}/${cap.slot}`,
    description: objectText(cap),
    tooltip: `${cap.description}\nCPtr ${cap.cptr}, depth ${cap.depth}`,
    icon: ICONS[cap.type] || 'key',
    children: capDetails(cap),
  });
}

/** The view's rows: the thread, the root CNode cap, and one group per CNode with its filled slots. */
function capabilityTree(answer) {
  const rows = [node('Thread', { description: `${answer.threadName} (#${answer.threadId})`, icon: 'pulse' })];
  if (!answer.root) {
    rows.push(node('CSpace root', { description: 'none: the thread has no CSpace', icon: 'circle-slash' }));
    return rows;
  }
  const groups = new Map();
  for (const slot of answer.slots) {
    if (!groups.has(slot.cnodeId)) {
      groups.set(slot.cnodeId, []);
    }
    groups.get(slot.cnodeId).push(slot);
  }
  rows.push(node('CSpace root', { description: objectText(answer.root), icon: 'list-tree', children: capDetails(answer.root) }));
  for (const [cnodeId, slots] of groups) {
    const isRoot = cnodeId === answer.root.objectId;
    rows.push(node(`CNode #${cnodeId}${isRoot ? ' (root)' : ''}`, {
      id: `cspace/${answer.threadId}/${cnodeId}`,
      description: `${slots.length} filled slot${slots.length === 1 ? '' : 's'}`,
      icon: 'list-tree',
      expanded: isRoot,
      children: slots.map((slot) => slotNode(slot, answer.threadId)),
    }));
  }
  return rows;
}

module.exports = { capabilityTree };

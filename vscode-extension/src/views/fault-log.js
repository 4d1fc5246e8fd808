'use strict';
// The Fault IPC view from faultline/faultLog: every fault so far, the path its message took (the
// faulting thread, the fault endpoint and badge, the handler thread) and what became of it.

const { node, shortHex } = require('./tree');
const { trapOfFault } = require('./riscv');

const OUTCOMES = {
  pending: 'pending: not yet delivered',
  delivered: 'delivered: awaiting the handler\'s reply',
  restarted: 'restarted by the handler\'s reply',
  stopped: 'stopped by the handler\'s reply',
  double_fault: 'double fault: no valid handler, the thread stopped',
};

function fieldNodes(fields) {
  return Object.entries(fields).map(([name, value]) => node(name, { description: shortHex(value) }));
}

function registerNodes(registers) {
  return Object.entries(registers).map(([name, value]) => node(name, { description: value }));
}

function pathText(fault) {
  if (!fault.handlerThreadId) {
    return `${fault.threadName} → no handler`;
  }
  return `${fault.threadName} → endpoint #${fault.endpoint} (badge ${fault.badge}) → thread #${fault.handlerThreadId}`;
}

function faultNode(fault, index) {
  const trap = trapOfFault(fault);
  const children = [
    node('Thread', { description: `${fault.threadName} (#${fault.threadId})`, icon: 'pulse' }),
    node('Message', {
      description: `${fault.kind}, label ${fault.label}`,
      tooltip: fault.description,
      children: fieldNodes(fault.fields),
      expanded: true,
    }),
    node('Trap', { description: `cause ${trap.code}: ${trap.name}` }),
    node('Fault IPC', {
      description: pathText(fault),
      icon: 'arrow-right',
      children: fault.handlerThreadId ? [
        node('Endpoint', { description: `#${fault.endpoint}` }),
        node('Badge', { description: fault.badge }),
        node('Handler thread', { description: `#${fault.handlerThreadId}` }),
      ] : [],
    }),
    node('Outcome', { description: OUTCOMES[fault.outcome] || fault.outcome }),
    node('Raised at', { description: `instruction ${fault.time}` }),
  ];
  const wrote = Object.entries(fault.replyWrote || {});
  if (wrote.length) {
    children.push(node('Reply wrote', { children: wrote.map(([name, value]) => node(name, { description: shortHex(value) })) }));
  }
  if (fault.doubleFaultReport) {
    children.push(node('Double-fault report', {
      children: fault.doubleFaultReport.trimEnd().split('\n').map((line) => node(line)),
    }));
  }
  children.push(node('Trapframe', { description: `pc ${shortHex(fault.trapframe.pc)}`, children: registerNodes(fault.trapframe) }));
  return node(`[${index + 1}] ${fault.kind}: ${fault.threadName}`, {
    id: `fault/${index}`,
    description: fault.description,
    tooltip: `${fault.description}\n${pathText(fault)}\n${OUTCOMES[fault.outcome] || fault.outcome}`,
    icon: fault.outcome === 'double_fault' ? 'error' : 'warning',
    children,
  });
}

/** The view's rows, latest fault first and open, since a stop on a fault is about that one. */
function faultLogTree(answer) {
  if (!answer.faults.length) {
    return [node('No faults so far', { icon: 'pass' })];
  }
  const rows = answer.faults.map(faultNode).reverse();
  rows[0].expanded = Boolean(rows[0].children);
  return rows;
}

module.exports = { faultLogTree, OUTCOMES };

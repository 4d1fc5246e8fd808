'use strict';
// The Trapframe view from faultline/trapframe: the selected thread's trap (cause decoded, tval),
// its fault, then pc and the integer registers by ABI name.

const { node, shortHex } = require('./tree');
const { trapOfFault } = require('./riscv');

function trapRows(answer) {
  if (answer.trap) {
    // The last exception trap as the hart took it: scause and stval, whatever the fault message says.
    const { trap } = answer;
    return [
      node('Cause', { description: `${trap.cause}: ${trap.causeName}`, icon: 'zap' }),
      node('tval', { description: shortHex(trap.tval) }),
      node('Trapped at', { description: `pc ${shortHex(trap.pc)}, instruction ${trap.time}` }),
    ];
  }
  const trap = trapOfFault(answer.fault);
  if (!trap) {
    return [node('Trap', { description: 'none: the thread has not faulted', icon: 'pass' })];
  }
  const tval = trap.tval === null ? 'not in the fault message' : shortHex(trap.tval);
  return [
    node('Cause', { description: `${trap.code}: ${trap.name}`, icon: 'zap' }),
    node('tval', { description: tval }),
  ];
}

function faultRow(answer) {
  const { fault } = answer;
  if (!fault) {
    return [];
  }
  const when = answer.faultIsCurrent ? 'current' : 'last, handled';
  return [node('Fault', {
    description: `${fault.kind} (${when}): ${fault.description}`,
    tooltip: fault.description,
    icon: answer.faultIsCurrent ? 'error' : 'history',
    children: Object.entries(fault.fields).map(([name, value]) => node(name, { description: shortHex(value) })),
  })];
}

/** The view's rows: thread, trap, fault, FaultIP and pc, then the 31 registers, open. */
function trapframeTree(answer) {
  const registers = Object.entries(answer.registers).filter(([name]) => name !== 'pc');
  return [
    node('Thread', { description: `${answer.threadName} (#${answer.threadId}), ${answer.state}`, icon: 'pulse' }),
    ...trapRows(answer),
    ...faultRow(answer),
    node('pc', { description: answer.registers.pc, icon: 'debug-stackframe' }),
    node('FaultIP', { description: shortHex(answer.faultIp) }),
    node('Registers', {
      id: `trapframe/${answer.threadId}/registers`,
      description: 'x1..x31',
      icon: 'symbol-variable',
      expanded: true,
      children: registers.map(([name, value]) => node(name, { description: value })),
    }),
  ];
}

module.exports = { trapframeTree };

'use strict';
// RISC-V trap causes (the privileged spec's scause exception codes) and how each seL4 fault
// message carries them: seL4 on RISC-V puts scause in a VMFault's FSR and a UserException's
// Number, and stval in a VMFault's Addr.

const EXCEPTION_CAUSES = new Map([
  [0, 'instruction address misaligned'],
  [1, 'instruction access fault'],
  [2, 'illegal instruction'],
  [3, 'breakpoint'],
  [4, 'load address misaligned'],
  [5, 'load access fault'],
  [6, 'store/AMO address misaligned'],
  [7, 'store/AMO access fault'],
  [8, 'environment call from U-mode'],
  [9, 'environment call from S-mode'],
  [11, 'environment call from M-mode'],
  [12, 'instruction page fault'],
  [13, 'load page fault'],
  [15, 'store/AMO page fault'],
]);

/** x0..x31 by ABI name, as the adapter names registers. */
const ABI_NAMES = ['zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7',
  's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6'];

function causeName(code) {
  return EXCEPTION_CAUSES.get(code) || `reserved or custom cause ${code}`;
}

function word(fields, name) {
  return fields && typeof fields[name] === 'string' ? BigInt(fields[name]) : undefined;
}

/**
 * The trap behind a decoded fault: { code, name, tval } with tval a hex string, or null where the
 * fault message does not carry it (a UserException's stval); undefined for no fault.
 */
function trapOfFault(fault) {
  if (!fault) {
    return undefined;
  }
  const { fields } = fault;
  switch (fault.kind) {
    case 'VMFault': {
      const code = Number(word(fields, 'FSR'));
      return { code, name: causeName(code), tval: fields.Addr };
    }
    case 'UserException': {
      const code = Number(word(fields, 'Number'));
      return { code, name: causeName(code), tval: null };
    }
    // Both come from an ecall, whose stval the privileged spec sets to zero.
    case 'UnknownSyscall':
    case 'CapFault':
      return { code: 8, name: causeName(8), tval: '0x0' };
    default:
      return undefined;
  }
}

module.exports = { EXCEPTION_CAUSES, ABI_NAMES, causeName, trapOfFault };

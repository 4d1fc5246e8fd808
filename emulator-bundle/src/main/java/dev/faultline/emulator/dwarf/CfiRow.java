package dev.faultline.emulator.dwarf;

import java.util.Map;

/**
 * One row of the call frame table (DWARF 5 section 6.4.1): from address up to the next row's
 * address, how to find the CFA and each register with a rule (registers without one are
 * unchanged, as GCC and Clang assume for RISC-V).
 */
public record CfiRow(long address, CfaRule cfa, Map<Integer, RegisterRule> registers) {

    public RegisterRule rule(int register) {
        RegisterRule rule = registers.get(register);
        return rule == null ? new RegisterRule.SameValue() : rule;
    }
}

package dev.faultline.emulator.dwarf;

/** Whether a function's code is its own body (DW_TAG_subprogram) or a copy inlined into a caller (DW_TAG_inlined_subroutine). */
public enum FunctionKind {
    SUBPROGRAM,
    INLINED
}

package dev.faultline.dap.session;

/** DAP's three steps: in (entering calls), over (staying in this frame or an outer one), out (until this frame returns). */
public enum StepKind {
    IN,
    OVER,
    OUT
}

package dev.faultline.dap.session;

import java.util.List;

import dev.faultline.kernel.journal.KernelEvent;

/**
 * Why the machine stopped, and in which thread (every thread stops with it): for an exception,
 * the filter and the kernel event that stopped it; for a breakpoint, the breakpoints hit.
 */
public record Stop(Reason reason, long thread, String description, List<Integer> breakpoints, ExceptionFilter filter,
        KernelEvent event) {

    /** DAP's stop reasons that the machine produces. */
    public enum Reason {
        ENTRY("entry"),
        BREAKPOINT("breakpoint"),
        FUNCTION_BREAKPOINT("function breakpoint"),
        INSTRUCTION_BREAKPOINT("instruction breakpoint"),
        STEP("step"),
        PAUSE("pause"),
        EXCEPTION("exception"),
        DATA_BREAKPOINT("data breakpoint"),
        GOTO("goto");

        private final String dapName;

        Reason(String dapName) {
            this.dapName = dapName;
        }

        /** The name DAP's stopped event gives the reason. */
        public String dapName() {
            return dapName;
        }
    }

    public Stop {
        breakpoints = List.copyOf(breakpoints);
    }

    static Stop of(Reason reason, long thread, String description) {
        return new Stop(reason, thread, description, List.of(), null, null);
    }
}

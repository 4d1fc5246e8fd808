package dev.faultline.dap.session;

import java.util.Optional;

import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.kernel.object.Tcb;

/**
 * The status a finished machine exits with: the value the first program's main returned, which
 * the SDK's crt0 leaves in __sel4_exit_status (with __sel4_main_returned set to 1); 125 when main
 * never returned (it faulted, stopped or deadlocked), as `faultline run` says it.
 */
final class ExitStatus {

    static final int NO_RETURN = 125;

    private ExitStatus() {
    }

    static int of(Machine machine) {
        Program program = machine.programs().get(0);
        Optional<Long> returned = program.symbolAddress("__sel4_main_returned");
        Optional<Long> status = program.symbolAddress("__sel4_exit_status");
        for (Tcb tcb : machine.threads()) {
            AddressSpace space = machine.addressSpace(tcb);
            if (space != null && machine.programSpaces().get(space) == program && returned.isPresent()
                    && status.isPresent()) {
                ThreadContext thread = new ThreadContext(machine, tcb);
                if (thread.read(returned.get(), 8).orElse(0) == 1) {
                    return (int) thread.read(status.get(), 8).orElse(0) & 0xff;
                }
                return NO_RETURN;
            }
        }
        return NO_RETURN;
    }
}

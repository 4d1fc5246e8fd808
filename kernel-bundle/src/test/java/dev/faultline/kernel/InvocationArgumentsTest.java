package dev.faultline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.faultline.kernel.api.InvocationLabel;
import dev.faultline.kernel.api.MessageInfo;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.api.Sel4Error;
import dev.faultline.kernel.api.Syscall;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.ThreadState;

/**
 * Invocations with wrong arguments get seL4's error reply: each case here is one the random
 * system calls found answered with a Java exception (or none) instead.
 */
class InvocationArgumentsTest {

    private final SyscallProbe probe = new SyscallProbe();

    @Test
    void writeRegistersWithAHugeCountIsATruncatedMessage() {
        long error = probe.callError(LoopSystem.NEIGHBOUR_TCB, InvocationLabel.TCB_WRITE_REGISTERS.number(),
                new long[] {0, 0x98ae_ea50_46c4_be30L});
        assertEquals(Sel4Error.TRUNCATED_MESSAGE.code(), error);
    }

    @Test
    void retypeAtAnOffsetBeyondTheCNodeIsARangeError() {
        long error = probe.callError(LoopSystem.UNTYPED, InvocationLabel.UNTYPED_RETYPE.number(),
                new long[] {ObjectType.ENDPOINT.number(), 0, 0, 0, -1L, 1}, LoopSystem.SELF_CNODE);
        assertEquals(Sel4Error.RANGE_ERROR.code(), error);
    }

    @Test
    void retypeWithAHugeSizeIsARangeError() {
        long error = probe.callError(LoopSystem.UNTYPED, InvocationLabel.UNTYPED_RETYPE.number(),
                new long[] {ObjectType.CAP_TABLE.number(), -3L, 0, 0, 20, 1}, LoopSystem.SELF_CNODE);
        assertEquals(Sel4Error.RANGE_ERROR.code(), error);
    }

    @Test
    void writeRegistersCannotGiveAThreadAnOddPc() {
        Tcb neighbour = probe.threads.get("p3");
        long error = probe.callError(LoopSystem.NEIGHBOUR_TCB, InvocationLabel.TCB_WRITE_REGISTERS.number(),
                new long[] {1, 1, 0x10001});
        assertEquals(0, error);
        assertEquals(0x10000, neighbour.faultIp(), "sepc[0] is zero: the hart can only return to an even pc");
        // The caller waits; the others fault on their empty a7, and the neighbour runs from 0x10000.
        probe.call(Syscall.RECV.number(), LoopSystem.EP2_RECEIVE_ONLY, MessageInfo.EMPTY, new long[0]);
        probe.kernel.run(100_000);
        assertEquals(ThreadState.BLOCKED_ON_SEND, neighbour.state(), "its UnknownSyscall fault waits on ep1");
        assertEquals(0x10000, neighbour.faultIp());
    }
}

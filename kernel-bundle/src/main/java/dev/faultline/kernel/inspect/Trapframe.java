package dev.faultline.kernel.inspect;

import java.util.List;

/**
 * A thread's saved user registers: pc (seL4's NextIP), FaultIP, and x0..x31 (x[0] is always 0),
 * as the Trapframe view shows them.
 */
public record Trapframe(long pc, long faultIp, List<Long> x) {

    public Trapframe {
        x = List.copyOf(x);
    }

    /** Register x[index] by number (a0 is 10). */
    public long get(int index) {
        return x.get(index);
    }
}

package dev.faultline.kernel.inspect;

import dev.faultline.kernel.api.MessageInfo;
import dev.faultline.kernel.object.ThreadState;

/**
 * One thread in an endpoint's or notification's queue: who it is, how it is blocked, and for a
 * sender the badge of the cap it sent with, its message info and whether it called.
 */
public record Waiter(long threadId, String threadName, ThreadState state, long badge, MessageInfo message,
        boolean call) {
}

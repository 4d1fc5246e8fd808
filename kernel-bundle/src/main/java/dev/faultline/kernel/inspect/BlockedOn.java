package dev.faultline.kernel.inspect;

import dev.faultline.kernel.api.MessageInfo;

/**
 * What a blocked thread waits on: the endpoint or notification (its id and kind), the badge and
 * message of a sender and whether it called; for a thread waiting on a reply, the slot holding
 * the reply cap to it (null when none is left).
 */
public record BlockedOn(long objectId, String objectKind, long badge, MessageInfo message, boolean call, SlotRef replyCap) {
}

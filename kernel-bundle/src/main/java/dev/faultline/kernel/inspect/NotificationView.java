package dev.faultline.kernel.inspect;

import java.util.List;

import dev.faultline.kernel.object.Notification;

/**
 * A notification: idle, waiting or active, its word of accumulated badges, the TCB bound to it (0:
 * none), its queue of waiting threads in order, and the slots whose caps name it.
 */
public record NotificationView(long id, Notification.State state, long word, long boundTcb, List<Waiter> queue,
        List<SlotRef> slots) {

    public NotificationView {
        queue = List.copyOf(queue);
        slots = List.copyOf(slots);
    }
}

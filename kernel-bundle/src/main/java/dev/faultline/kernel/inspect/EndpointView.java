package dev.faultline.kernel.inspect;

import java.util.List;

import dev.faultline.kernel.object.Endpoint;

/** An endpoint: idle, sending or receiving, its queue in order, and the slots whose caps name it. */
public record EndpointView(long id, Endpoint.State state, List<Waiter> queue, List<SlotRef> slots) {

    public EndpointView {
        queue = List.copyOf(queue);
        slots = List.copyOf(slots);
    }
}

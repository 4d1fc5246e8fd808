package dev.faultline.dap.handler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.session.SessionException;
import dev.faultline.kernel.inspect.CSpaceEntry;
import dev.faultline.kernel.inspect.CSpaceView;
import dev.faultline.kernel.inspect.CapView;
import dev.faultline.kernel.inspect.EndpointView;
import dev.faultline.kernel.inspect.Inspector;
import dev.faultline.kernel.inspect.KernelSnapshot;
import dev.faultline.kernel.inspect.NotificationView;
import dev.faultline.kernel.inspect.SlotRef;
import dev.faultline.kernel.inspect.TcbView;
import dev.faultline.kernel.inspect.Waiter;

/**
 * faultline/endpoints and faultline/capabilities: the kernel's IPC objects with their queues in
 * order, and a thread's CSpace, from one consistent snapshot of the kernel taken on the machine's
 * thread; the JSON is built afterwards, off it.
 */
public final class KernelObjectsHandler {

    private final DapSession session;

    public KernelObjectsHandler(DapSession session) {
        this.session = session;
    }

    public Map<String, Object> endpoints() {
        KernelSnapshot snapshot = session.call(debuggee -> Inspector.snapshot(debuggee.machine().kernel()));
        List<Object> endpoints = new ArrayList<>();
        for (EndpointView endpoint : snapshot.endpoints()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", endpoint.id());
            json.put("state", endpoint.state().name().toLowerCase());
            json.put("queue", queue(endpoint.queue()));
            json.put("slots", slots(endpoint.slots()));
            endpoints.add(json);
        }
        List<Object> notifications = new ArrayList<>();
        for (NotificationView notification : snapshot.notifications()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", notification.id());
            json.put("state", notification.state().name().toLowerCase());
            json.put("word", Convert.hex(notification.word()));
            json.put("boundThreadId", notification.boundTcb());
            json.put("queue", queue(notification.queue()));
            json.put("slots", slots(notification.slots()));
            notifications.add(json);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("endpoints", endpoints);
        answer.put("notifications", notifications);
        return answer;
    }

    public Map<String, Object> capabilities(Map<String, Object> arguments) {
        if (!(arguments != null && arguments.get("threadId") instanceof Number thread)) {
            throw new SessionException(SessionException.BAD_ARGUMENT, "faultline/capabilities needs \"threadId\"");
        }
        KernelSnapshot snapshot = session.call(debuggee -> {
            DapSession.thread(debuggee, thread.intValue());
            return Inspector.snapshot(debuggee.machine().kernel());
        });
        TcbView tcb = snapshot.thread(thread.longValue());
        CSpaceView cspace = snapshot.cspace(thread.longValue());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("threadId", tcb.id());
        answer.put("threadName", tcb.name());
        answer.put("root", cspace.root() == null ? null : cap(cspace.root()));
        List<Object> slots = new ArrayList<>();
        for (CSpaceEntry entry : cspace.entries()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("cptr", Convert.hex(entry.cptr()));
            json.put("depth", entry.depth());
            json.put("cnodeId", entry.cnodeId());
            json.putAll(cap(entry.cap()));
            slots.add(json);
        }
        answer.put("slots", slots);
        return answer;
    }

    private static List<Object> queue(List<Waiter> waiters) {
        List<Object> queue = new ArrayList<>();
        for (Waiter waiter : waiters) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("threadId", waiter.threadId());
            json.put("threadName", waiter.threadName());
            json.put("state", waiter.state().sel4Name());
            json.put("badge", Convert.hex(waiter.badge()));
            if (waiter.message() != null) {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("label", Convert.hex(waiter.message().label()));
                info.put("length", waiter.message().length());
                info.put("extraCaps", waiter.message().extraCaps());
                info.put("capsUnwrapped", waiter.message().capsUnwrapped());
                json.put("messageInfo", info);
            }
            json.put("call", waiter.call());
            queue.add(json);
        }
        return queue;
    }

    private static List<Object> slots(List<SlotRef> refs) {
        List<Object> slots = new ArrayList<>();
        for (SlotRef ref : refs) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("owner", ref.ownerKind().name().toLowerCase());
            json.put("ownerId", ref.ownerId());
            json.put("index", ref.index());
            if (ref.name() != null) {
                json.put("name", ref.name());
            }
            json.put("text", ref.toString());
            slots.add(json);
        }
        return slots;
    }

    private static Map<String, Object> cap(CapView cap) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slot", cap.slot());
        json.put("type", cap.type());
        json.put("rights", cap.rights());
        json.put("badge", Convert.hex(cap.badge()));
        if (cap.radix() > 0) {
            json.put("guard", Convert.hex(cap.guard()));
            json.put("guardSize", cap.guardSize());
            json.put("radix", cap.radix());
        }
        json.put("objectId", cap.objectId());
        json.put("description", cap.description());
        return json;
    }
}

package dev.faultline.kernel.object;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.kernel.api.CapRights;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.object.Capability.CNodeCap;
import dev.faultline.kernel.object.Capability.EndpointCap;
import dev.faultline.kernel.object.Capability.FrameCap;
import dev.faultline.kernel.object.Capability.NotificationCap;
import dev.faultline.kernel.object.Capability.PageTableCap;
import dev.faultline.kernel.object.Capability.TcbCap;
import dev.faultline.kernel.object.Capability.UntypedCap;

/**
 * The kernel's objects: it makes them (seL4 createObject), numbers them, and keeps the live ones
 * so the inspector can list every thread, endpoint and notification.
 */
public final class ObjectSpace {

    private final Map<Long, KernelObject> live = new LinkedHashMap<>();
    private long nextId = 1;

    /** The next id an object will get. */
    public long nextId() {
        return nextId;
    }

    /** Registers an object made outside create (boot's own), with the next id. */
    public <T extends KernelObject> T register(java.util.function.LongFunction<T> make) {
        T object = make.apply(nextId++);
        live.put(object.id(), object);
        return object;
    }

    /**
     * Makes an object of type at physicalAddress and answers its original cap (seL4 createObject
     * and the caps createNewObjects inserts). userSize is Retype's size argument.
     */
    public Capability create(ObjectType type, long physicalAddress, long userSize, boolean device, String creator) {
        long id = nextId++;
        KernelObject object = switch (type) {
            case UNTYPED -> new Untyped(id, physicalAddress, (int) userSize, device);
            case TCB -> new Tcb(id, physicalAddress, "child of: '" + creator + "'");
            case ENDPOINT -> new Endpoint(id, physicalAddress);
            case NOTIFICATION -> new Notification(id, physicalAddress);
            case CAP_TABLE -> new CNode(id, physicalAddress, (int) userSize);
            case SMALL_PAGE, MEGA_PAGE, GIGA_PAGE -> new Frame(id, physicalAddress, type, device);
            case PAGE_TABLE -> new PageTable(id, physicalAddress);
        };
        live.put(id, object);
        return originalCap(object);
    }

    /** The cap a fresh object gets (seL4 createObject's caps: all rights, no badge, unmapped). */
    public static Capability originalCap(KernelObject object) {
        return switch (object) {
            case Untyped u -> new UntypedCap(u, 0);
            case Tcb t -> new TcbCap(t);
            case Endpoint e -> new EndpointCap(e, 0, CapRights.ALL);
            case Notification n -> new NotificationCap(n, 0, new CapRights(0x3));
            case CNode c -> new CNodeCap(c, 0, 0);
            case Frame f -> new FrameCap(f, CapRights.READ_WRITE, 0, 0);
            case PageTable p -> new PageTableCap(p, 0, 0, false);
            default -> throw new IllegalArgumentException(object + " has no original cap");
        };
    }

    /** The object is gone: its last cap was deleted. */
    public void destroyed(KernelObject object) {
        live.remove(object.id());
    }

    public KernelObject find(long id) {
        return live.get(id);
    }

    /** The live objects of a class, in creation order. */
    public <T extends KernelObject> List<T> all(Class<T> kind) {
        List<T> objects = new ArrayList<>();
        for (KernelObject object : live.values()) {
            if (kind.isInstance(object)) {
                objects.add(kind.cast(object));
            }
        }
        return objects;
    }

    public int count() {
        return live.size();
    }
}

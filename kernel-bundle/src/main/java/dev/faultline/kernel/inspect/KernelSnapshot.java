package dev.faultline.kernel.inspect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kernel's state between two kernel entries, as plain immutable data: every thread, endpoint,
 * notification, CNode and VSpace, each list in creation order. The debug adapter serves it as is.
 */
public record KernelSnapshot(long kernelEntries, long now, long currentThread, List<TcbView> threads,
        List<EndpointView> endpoints, List<NotificationView> notifications, List<CNodeView> cnodes,
        List<VSpaceView> vspaces) {

    public KernelSnapshot {
        threads = List.copyOf(threads);
        endpoints = List.copyOf(endpoints);
        notifications = List.copyOf(notifications);
        cnodes = List.copyOf(cnodes);
        vspaces = List.copyOf(vspaces);
    }

    public TcbView thread(long id) {
        return find(threads, id, TcbView::id);
    }

    /** The first thread of that name (seL4_DebugNameThread's, or the loader's), or null. */
    public TcbView thread(String name) {
        for (TcbView thread : threads) {
            if (thread.name().equals(name)) {
                return thread;
            }
        }
        return null;
    }

    public EndpointView endpoint(long id) {
        return find(endpoints, id, EndpointView::id);
    }

    public NotificationView notification(long id) {
        return find(notifications, id, NotificationView::id);
    }

    public CNodeView cnode(long id) {
        return find(cnodes, id, CNodeView::id);
    }

    /** The VSpace whose root table is rootId, or null. */
    public VSpaceView vspace(long rootId) {
        return find(vspaces, rootId, VSpaceView::rootId);
    }

    /**
     * The thread's CSpace: every filled slot reachable from its root, each named by the CPtr and
     * depth a CNode operation would use. A CNode reachable twice is listed at its first path.
     */
    public CSpaceView cspace(long threadId) {
        TcbView thread = thread(threadId);
        if (thread == null) {
            throw new IllegalArgumentException("no thread #" + threadId);
        }
        List<CSpaceEntry> entries = new ArrayList<>();
        CapView root = thread.cspaceRoot();
        if (root != null && root.type().equals("cnode")) {
            Map<Long, CNodeView> byId = new HashMap<>();
            for (CNodeView cnode : cnodes) {
                byId.put(cnode.id(), cnode);
            }
            walk(root, 0, 0, byId, new HashSet<>(), entries);
        }
        return new CSpaceView(threadId, root, entries);
    }

    private static void walk(CapView node, long prefix, int depth, Map<Long, CNodeView> cnodes, Set<Long> seen,
            List<CSpaceEntry> entries) {
        CNodeView cnode = cnodes.get(node.objectId());
        int level = node.guardSize() + node.radix();
        if (cnode == null || depth + level > 64 || !seen.add(cnode.id())) {
            return;
        }
        int at = depth + level;
        long base = (level >= 64 ? 0 : prefix << level) | (node.guard() << node.radix());
        for (CapView cap : cnode.caps()) {
            long cptr = base | cap.slot();
            entries.add(new CSpaceEntry(cptr, at, cnode.id(), cap));
            if (cap.type().equals("cnode")) {
                walk(cap, cptr, at, cnodes, seen, entries);
            }
        }
    }

    private static <T> T find(List<T> views, long id, java.util.function.ToLongFunction<T> idOf) {
        for (T view : views) {
            if (idOf.applyAsLong(view) == id) {
                return view;
            }
        }
        return null;
    }
}

package dev.faultline.debug.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.debug.core.DebugException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

import dev.faultline.debug.core.dap.Json;
import dev.faultline.debug.core.model.FaultlineDebugTarget;
import dev.faultline.debug.core.model.FaultlineThread;

/**
 * The Endpoint Queues view: every endpoint and notification of the machine at the last stop, its
 * state, the cap slots that name it, and its queue in order, one row per blocked thread (badge,
 * message info, blocked state). An object's row says who waits on it, so the blocked-on relations
 * read at a glance; selecting a queued thread selects it in the Debug view.
 */
public class EndpointQueuesView extends KernelView<Map<String, Object>> {

    public static final String ID = "dev.faultline.debug.ui.views.endpointQueues";

    /** Column headers, in order: the object, then one row per queued thread. */
    public static final String[] COLUMNS = {"Object", "State", "Thread", "Badge", "Message info", "Blocked state", "Cap slots"};

    /** Natural widths in pixels, in column order. */
    private static final int[] WIDTHS = {110, 70, 140, 60, 170, 120, 330};

    private Tree tree;

    @Override
    protected Control createContent(Composite parent) {
        tree = Columns.tree(parent, COLUMNS, WIDTHS);
        tree.addListener(SWT.Selection, event -> {
            if (event.item != null && event.item.getData() instanceof Integer threadId) {
                DebugViewSelection.selectThread(getSite().getPage(), target(), threadId);
            }
        });
        return tree.getParent();
    }

    @Override
    protected String emptyHint() {
        return "Endpoints, notifications and their queues appear here while a guest is being debugged.";
    }

    @Override
    protected Map<String, Object> fetch(FaultlineDebugTarget target, FaultlineThread thread) throws DebugException {
        return target.client().call("faultline/endpoints", adapter -> adapter.endpoints(Map.of()));
    }

    @Override
    protected String show(Map<String, Object> answer) {
        tree.removeAll();
        List<Map<String, Object>> endpoints = Json.objects(answer, "endpoints");
        List<Map<String, Object>> notifications = Json.objects(answer, "notifications");
        if (endpoints.isEmpty() && notifications.isEmpty()) {
            return "The kernel has no endpoints or notifications yet.";
        }
        // Objects somebody waits on come first: those are what the view is opened for.
        endpoints = waitedOnFirst(endpoints);
        notifications = waitedOnFirst(notifications);
        for (Map<String, Object> endpoint : endpoints) {
            add("endpoint " + Json.string(endpoint, "id"), Json.string(endpoint, "state"), endpoint);
        }
        for (Map<String, Object> notification : notifications) {
            String state = Json.string(notification, "state") + ", word " + Json.string(notification, "word");
            long bound = Json.number(notification, "boundThreadId");
            if (bound != 0) {
                state += ", bound to " + bound;
            }
            add("notification " + Json.string(notification, "id"), state, notification);
        }
        return null;
    }

    private static List<Map<String, Object>> waitedOnFirst(List<Map<String, Object>> objects) {
        List<Map<String, Object>> sorted = new ArrayList<>(objects);
        sorted.sort(java.util.Comparator.comparing(object -> Json.objects(object, "queue").isEmpty()));
        return sorted;
    }

    private void add(String name, String state, Map<String, Object> object) {
        List<Map<String, Object>> queue = Json.objects(object, "queue");
        List<String> waiting = new ArrayList<>();
        for (Map<String, Object> waiter : queue) {
            waiting.add(Json.string(waiter, "threadName"));
        }
        List<String> slots = new ArrayList<>();
        for (Map<String, Object> slot : Json.objects(object, "slots")) {
            slots.add(Json.string(slot, "text"));
        }
        TreeItem row = new TreeItem(tree, SWT.NONE);
        row.setText(new String[] {name, state, queue.isEmpty() ? "no one waits" : String.join(", ", waiting) + " wait" + (queue.size() == 1 ? "s" : ""),
                "", "", "", String.join("; ", slots)});
        int position = 1;
        for (Map<String, Object> waiter : queue) {
            TreeItem item = new TreeItem(row, SWT.NONE);
            item.setData(Integer.valueOf((int) Json.number(waiter, "threadId")));
            String blocked = Json.string(waiter, "state") + (Json.flag(waiter, "call") ? " (call)" : "");
            item.setText(new String[] {"#" + position++, "", Json.string(waiter, "threadName"), Json.compactHex(Json.string(waiter, "badge")),
                    messageInfo(Json.object(waiter, "messageInfo")), blocked, ""});
        }
        row.setExpanded(true);
    }

    private static String messageInfo(Map<String, Object> info) {
        if (info.isEmpty()) {
            return "";
        }
        return "label " + Json.string(info, "label") + ", length " + Json.string(info, "length") + ", caps "
                + Json.string(info, "extraCaps");
    }

    /** The queue table's column headers as shown. */
    public String[] columnHeaders() {
        return Columns.headers(tree);
    }

    /** Each row's cells as shown, objects and their queued threads depth-first (tests read the view with it). */
    public List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        for (TreeItem object : tree.getItems()) {
            rows.add(cells(COLUMNS.length, object::getText));
            for (TreeItem waiter : object.getItems()) {
                rows.add(cells(COLUMNS.length, waiter::getText));
            }
        }
        return rows;
    }

    /** Selects the first queued thread's row, as a user's click would (tests use it). */
    public Integer selectFirstQueuedThread() {
        for (TreeItem object : tree.getItems()) {
            for (TreeItem waiter : object.getItems()) {
                tree.setSelection(waiter);
                tree.notifyListeners(SWT.Selection, selectionEvent(waiter));
                return (Integer) waiter.getData();
            }
        }
        return null;
    }

    private static org.eclipse.swt.widgets.Event selectionEvent(TreeItem item) {
        org.eclipse.swt.widgets.Event event = new org.eclipse.swt.widgets.Event();
        event.item = item;
        return event;
    }
}

package dev.faultline.debug.ui.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.debug.core.DebugException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import dev.faultline.debug.core.dap.Json;
import dev.faultline.debug.core.model.FaultlineDebugTarget;
import dev.faultline.debug.core.model.FaultlineThread;

/**
 * The Trapframe view: the selected thread's registers as the kernel saved them at its last trap
 * (pc and x1..x31 by ABI name), with its fault decoded (kind, seL4's description, the message
 * words) and FaultIP. Values that changed since the previous stop are marked.
 */
public class TrapframeView extends KernelView<Map<String, Object>> {

    public static final String ID = "dev.faultline.debug.ui.views.trapframe";

    public static final String[] COLUMNS = {"Name", "Value", "Changed"};

    /** The marker in the Changed column. */
    public static final String CHANGED = "changed";

    private final Map<Long, Map<String, String>> previous = new HashMap<>();
    private Label summary;
    private Table table;

    @Override
    protected Control createContent(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout();
        layout.marginWidth = 0;
        page.setLayout(layout);
        summary = new Label(page, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        table = Columns.table(page, COLUMNS, new int[] {130, 170, 70});
        table.getParent().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return page;
    }

    @Override
    protected String emptyHint() {
        return "The selected thread's trapframe (its last trap, decoded, and every register) appears here.";
    }

    @Override
    protected Map<String, Object> fetch(FaultlineDebugTarget target, FaultlineThread thread) throws DebugException {
        if (thread == null) {
            return null;
        }
        return target.client().call("faultline/trapframe", adapter -> adapter.trapframe(Map.of("threadId", thread.id())));
    }

    @Override
    protected String show(Map<String, Object> answer) {
        if (answer == null) {
            return "Select a thread (or a stack frame) in the Debug view to see its trapframe.";
        }
        long threadId = Json.number(answer, "threadId");
        Map<String, Object> fault = Json.object(answer, "fault");
        StringBuilder text = new StringBuilder();
        // Named as the Debug view names threads.
        text.append(Json.string(answer, "threadName")).append(" (tcb ").append(threadId).append("): ").append(Json.string(answer, "state"));
        if (fault.isEmpty()) {
            text.append(". No fault so far.");
        } else {
            text.append(Json.flag(answer, "faultIsCurrent") ? ". Fault: " : ". Last fault (handled): ")
                    .append(Json.string(fault, "kind")).append(", ").append(Json.string(fault, "description"));
        }
        summary.setText(text.toString());

        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> trap = Json.object(answer, "trap");
        if (!trap.isEmpty()) {
            // The last exception trap as the hart took it: scause decoded, stval, where and when.
            values.put("scause", Json.number(trap, "cause") + " (" + Json.string(trap, "causeName") + ")");
            values.put("stval", Json.string(trap, "tval"));
            values.put("trap pc", Json.string(trap, "pc"));
            values.put("trap at instruction", String.valueOf(Json.number(trap, "time")));
        }
        if (!fault.isEmpty()) {
            values.put("cause", Json.string(fault, "kind") + " (label " + Json.string(fault, "label") + ")");
            Json.object(fault, "fields").forEach((name, value) -> values.put("fault." + name, String.valueOf(value)));
        }
        values.put("FaultIP", Json.string(answer, "faultIp"));
        Json.object(answer, "registers").forEach((name, value) -> values.put(name, String.valueOf(value)));

        Map<String, String> before = previous.getOrDefault(threadId, Map.of());
        Color marked = table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
        table.removeAll();
        values.forEach((name, value) -> {
            boolean changed = before.containsKey(name) && !before.get(name).equals(value);
            TableItem row = new TableItem(table, SWT.NONE);
            row.setText(new String[] {name, value, changed ? CHANGED : ""});
            if (changed) {
                row.setForeground(marked);
            }
        });
        previous.put(threadId, values);
        ((Composite) table.getParent().getParent()).layout(true, true);
        return null;
    }

    public String summary() {
        return summary.getText();
    }

    /** Each row's cells as shown. */
    public List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            rows.add(cells(3, item::getText));
        }
        return rows;
    }
}

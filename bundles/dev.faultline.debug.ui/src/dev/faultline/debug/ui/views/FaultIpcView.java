package dev.faultline.debug.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.debug.core.DebugException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import dev.faultline.debug.core.dap.Json;
import dev.faultline.debug.core.model.FaultlineDebugTarget;
import dev.faultline.debug.core.model.FaultlineThread;

/**
 * The Fault IPC view: the run's fault log, one row per fault, from the faulting thread through
 * its fault endpoint to the handler and the reply's outcome. Double-clicking a row opens the
 * source line of the faulting pc.
 */
public class FaultIpcView extends KernelView<Map<String, Object>> {

    public static final String ID = "dev.faultline.debug.ui.views.faultIpc";

    public static final String[] COLUMNS = {"Instruction", "Thread", "Fault", "Message", "Endpoint", "Badge",
        "Handler thread", "Outcome"};

    /** Natural widths in pixels, in column order. */
    private static final int[] WIDTHS = {80, 120, 100, 300, 70, 70, 100, 200};

    private Table table;

    @Override
    protected Control createContent(Composite parent) {
        table = Columns.table(parent, COLUMNS, WIDTHS);
        table.addListener(SWT.DefaultSelection, event -> {
            if (event.item != null && event.item.getData() instanceof String pc) {
                SourceOpener.openAt(getSite().getPage(), target(), pc);
            }
        });
        return table.getParent();
    }

    @Override
    protected String emptyHint() {
        return "Every fault of the run appears here: thread, kind, message, handler and outcome.";
    }

    @Override
    protected Map<String, Object> fetch(FaultlineDebugTarget target, FaultlineThread thread) throws DebugException {
        return target.client().call("faultline/faultLog", adapter -> adapter.faultLog(Map.of()));
    }

    @Override
    protected String show(Map<String, Object> answer) {
        List<Map<String, Object>> faults = Json.objects(answer, "faults");
        if (faults.isEmpty()) {
            return "No fault so far in this run.";
        }
        table.removeAll();
        for (Map<String, Object> fault : faults) {
            List<String> fields = new ArrayList<>();
            Json.object(fault, "fields").forEach((name, value) -> fields.add(name + "=" + Json.compactHex(String.valueOf(value))));
            long handler = Json.number(fault, "handlerThreadId");
            long endpoint = Json.number(fault, "endpoint");
            TableItem row = new TableItem(table, SWT.NONE);
            row.setData(Json.string(Json.object(fault, "trapframe"), "pc"));
            row.setText(new String[] {Json.string(fault, "time"),
                Json.string(fault, "threadName") + " (tcb " + Json.string(fault, "threadId") + ")", Json.string(fault, "kind"),
                String.join(" ", fields), endpoint == 0 ? "none" : "endpoint " + endpoint,
                endpoint == 0 ? "" : Json.compactHex(Json.string(fault, "badge")), handler == 0 ? "none" : "tcb " + handler,
                outcome(fault)});
        }
        return null;
    }

    private static String outcome(Map<String, Object> fault) {
        String outcome = Json.string(fault, "outcome").replace('_', ' ');
        Map<String, Object> wrote = Json.object(fault, "replyWrote");
        if (wrote.isEmpty()) {
            return outcome;
        }
        List<String> registers = new ArrayList<>();
        wrote.forEach((name, value) -> registers.add(name + "=" + Json.compactHex(String.valueOf(value))));
        return outcome + ": " + String.join(" ", registers);
    }

    /** Each row's cells as shown. */
    public List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            rows.add(cells(COLUMNS.length, item::getText));
        }
        return rows;
    }

    /** Opens the source of row index as a double-click does (tests use it); false when it has no source line. */
    public boolean openRow(int index) {
        return SourceOpener.openAt(getSite().getPage(), target(), (String) table.getItem(index).getData());
    }
}

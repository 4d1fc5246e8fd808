package dev.faultline.debug.ui.views;

import java.util.ArrayList;
import java.util.HashMap;
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
 * The Capabilities view: the selected thread's CSpace as a tree, from its root CNode through the
 * CNodes its slots name: each slot's CPtr, cap type, rights, badge and object.
 */
public class CapabilitiesView extends KernelView<Map<String, Object>> {

    public static final String ID = "dev.faultline.debug.ui.views.capabilities";

    public static final String[] COLUMNS = {"Slot", "CPtr", "Type", "Rights", "Badge", "Object"};

    private Tree tree;

    @Override
    protected Control createContent(Composite parent) {
        tree = Columns.tree(parent, COLUMNS, new int[] {140, 90, 110, 70, 90, 380});
        return tree.getParent();
    }

    @Override
    protected String emptyHint() {
        return "The selected thread's CSpace (slots, cap types, rights, badges, objects) appears here.";
    }

    @Override
    protected Map<String, Object> fetch(FaultlineDebugTarget target, FaultlineThread thread) throws DebugException {
        if (thread == null) {
            return null;
        }
        return target.client().call("faultline/capabilities", adapter -> adapter.capabilities(Map.of("threadId", thread.id())));
    }

    @Override
    protected String show(Map<String, Object> answer) {
        if (answer == null) {
            return "Select a thread in the Debug view to see its CSpace.";
        }
        tree.removeAll();
        Map<String, Object> root = Json.object(answer, "root");
        if (root.isEmpty()) {
            return Json.string(answer, "threadName") + " has no CSpace root.";
        }
        TreeItem rootItem = new TreeItem(tree, SWT.NONE);
        rootItem.setText(new String[] {"root of " + Json.string(answer, "threadName"), "", Json.string(root, "type"),
            Json.string(root, "rights"), Json.compactHex(Json.string(root, "badge")), Json.string(root, "description")});
        // Each CNode's slots hang under the slot that names the CNode; depth says how far down the CPtr resolves.
        Map<Long, TreeItem> cnodes = new HashMap<>();
        cnodes.put(Json.number(root, "objectId"), rootItem);
        for (Map<String, Object> slot : Json.objects(answer, "slots")) {
            TreeItem parent = cnodes.getOrDefault(Json.number(slot, "cnodeId"), rootItem);
            TreeItem item = new TreeItem(parent, SWT.NONE);
            item.setText(new String[] {Json.string(slot, "slot"), Json.compactHex(Json.string(slot, "cptr")), Json.string(slot, "type"),
                Json.string(slot, "rights"), Json.compactHex(Json.string(slot, "badge")), Json.string(slot, "description")});
            if (slot.containsKey("radix")) {
                cnodes.putIfAbsent(Json.number(slot, "objectId"), item);
            }
        }
        expand(rootItem);
        return null;
    }

    private static void expand(TreeItem item) {
        item.setExpanded(true);
        for (TreeItem child : item.getItems()) {
            expand(child);
        }
    }

    /** Each row's cells as shown, depth-first. */
    public List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        for (TreeItem item : tree.getItems()) {
            collect(item, rows);
        }
        return rows;
    }

    private static void collect(TreeItem item, List<String[]> rows) {
        rows.add(cells(COLUMNS.length, item::getText));
        for (TreeItem child : item.getItems()) {
            collect(child, rows);
        }
    }
}

package dev.faultline.debug.ui.views;

import org.eclipse.jface.layout.TreeColumnLayout;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.ui.part.ViewPart;

/**
 * The Endpoint Queues view: every endpoint and notification of the debugged machine, each with
 * its ordered queue of blocked threads. With no Faultline session it says so instead.
 */
public class EndpointQueuesView extends ViewPart {

    public static final String ID = "dev.faultline.debug.ui.views.endpointQueues";

    /** Shown while no Faultline debug session is selected. */
    public static final String NO_SESSION_MESSAGE =
            "No Faultline debug session is selected. Endpoints, notifications and their queues appear here while a guest is being debugged.";

    /** Column headers, in order: the object, then one row per queued thread. */
    public static final String[] COLUMNS = {"Object", "State", "Thread", "Badge", "Message info", "Blocked state", "Cap slots"};

    private static final int[] WEIGHTS = {22, 10, 16, 10, 16, 14, 12};

    private Composite stack;
    private Label emptyMessage;
    private Tree tree;

    @Override
    public void createPartControl(Composite parent) {
        stack = new Composite(parent, SWT.NONE);
        StackLayout layout = new StackLayout();
        stack.setLayout(layout);

        Composite emptyPage = new Composite(stack, SWT.NONE);
        emptyPage.setLayout(new GridLayout());
        emptyMessage = new Label(emptyPage, SWT.WRAP);
        emptyMessage.setText(NO_SESSION_MESSAGE);
        emptyMessage.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        Composite treePage = new Composite(stack, SWT.NONE);
        TreeColumnLayout columns = new TreeColumnLayout();
        treePage.setLayout(columns);
        tree = new Tree(treePage, SWT.FULL_SELECTION | SWT.BORDER);
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        for (int i = 0; i < COLUMNS.length; i++) {
            TreeColumn column = new TreeColumn(tree, SWT.LEFT);
            column.setText(COLUMNS[i]);
            columns.setColumnData(column, new ColumnWeightData(WEIGHTS[i], 60));
        }

        // Until a session supplies queues there is nothing true to list, so the message shows.
        layout.topControl = emptyPage;
        stack.layout();
    }

    /** The message currently shown in place of the queues, or null while queues are shown. */
    public String emptyMessage() {
        StackLayout layout = (StackLayout) stack.getLayout();
        return layout.topControl == emptyMessage.getParent() ? emptyMessage.getText() : null;
    }

    /** The queue table's column headers as shown. */
    public String[] columnHeaders() {
        TreeColumn[] shown = tree.getColumns();
        String[] headers = new String[shown.length];
        for (int i = 0; i < shown.length; i++) {
            headers[i] = shown[i].getText();
        }
        return headers;
    }

    @Override
    public void setFocus() {
        stack.setFocus();
    }
}

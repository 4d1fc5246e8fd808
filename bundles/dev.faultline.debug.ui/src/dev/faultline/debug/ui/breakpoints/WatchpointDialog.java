package dev.faultline.debug.ui.breakpoints;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.lsp4j.debug.DataBreakpointAccessType;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dev.faultline.debug.core.breakpoints.FaultlineWatchpoint;

/**
 * Asks what a new watchpoint watches: an address expression, the accesses that stop the machine
 * (write, read, or both) and how many bytes (1, 2, 4, 8, or as many as the adapter chooses).
 */
public final class WatchpointDialog extends TitleAreaDialog {

    /** What the user chose; bytes is FaultlineWatchpoint.ADAPTERS_LENGTH for the adapter's choice. */
    public record Choice(String expression, DataBreakpointAccessType access, int bytes) {
    }

    /** The access list's entries, in its order. */
    public static final List<String> ACCESSES = List.of("write", "read", "read or write");
    /** The size list's entries, in its order. */
    public static final List<String> SIZES = List.of("1 byte", "2 bytes", "4 bytes", "8 bytes", "as the adapter says");
    private static final int[] SIZE_BYTES = {1, 2, 4, 8, FaultlineWatchpoint.ADAPTERS_LENGTH};
    private static final DataBreakpointAccessType[] ACCESS_TYPES = {DataBreakpointAccessType.WRITE, DataBreakpointAccessType.READ,
        DataBreakpointAccessType.READ_WRITE};

    private Text expression;
    private Combo access;
    private Combo size;
    private Choice choice;

    public WatchpointDialog(Shell parent) {
        super(parent);
    }

    @Override
    public void create() {
        super.create();
        getShell().setText("Add Faultline Watchpoint");
        setTitle("Watch guest memory");
        setMessage("The machine stops after each chosen access to the bytes at the address.");
        getButton(IDialogConstants.OK_ID).setEnabled(false);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite fields = new Composite(area, SWT.NONE);
        fields.setLayout(new GridLayout(2, false));
        fields.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(fields, SWT.NONE).setText("Address:");
        expression = new Text(fields, SWT.BORDER);
        expression.setMessage("a variable (counter, table[2]) or an address (sp - 16, &table[1])");
        expression.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        expression.addModifyListener(event -> validate());
        access = combo(fields, "Stop on:", ACCESSES, 0);
        size = combo(fields, "Size:", SIZES, 3);
        return area;
    }

    private static Combo combo(Composite fields, String label, List<String> items, int selected) {
        new Label(fields, SWT.NONE).setText(label);
        Combo combo = new Combo(fields, SWT.READ_ONLY);
        combo.setItems(items.toArray(String[]::new));
        combo.select(selected);
        combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return combo;
    }

    private void validate() {
        boolean named = !expression.getText().isBlank();
        setErrorMessage(named ? null : "Name a symbol or an address expression");
        getButton(IDialogConstants.OK_ID).setEnabled(named);
    }

    @Override
    protected void okPressed() {
        choice = new Choice(expression.getText().trim(), ACCESS_TYPES[access.getSelectionIndex()], SIZE_BYTES[size.getSelectionIndex()]);
        super.okPressed();
    }

    /** What the user chose, once the dialog closed with OK; null before, or after Cancel. */
    public Choice choice() {
        return choice;
    }
}

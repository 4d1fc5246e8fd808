package dev.faultline.debug.ui.breakpoints;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PropertyPage;

import dev.faultline.debug.core.breakpoints.FaultlineLineBreakpoint;

/**
 * Breakpoint Properties of a Faultline line breakpoint: a condition (a C expression over
 * registers and symbols, evaluated inside the machine) and a hit count.
 */
public final class LineBreakpointPropertyPage extends PropertyPage {

    private Text condition;
    private Spinner hitCount;

    private FaultlineLineBreakpoint breakpoint() {
        return getElement() instanceof FaultlineLineBreakpoint line ? line : getElement().getAdapter(FaultlineLineBreakpoint.class);
    }

    @Override
    protected Control createContents(Composite parent) {
        noDefaultAndApplyButton();
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        FaultlineLineBreakpoint breakpoint = breakpoint();

        new Label(page, SWT.NONE).setText("Condition:");
        condition = new Text(page, SWT.BORDER);
        condition.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        condition.setText(breakpoint.condition());
        condition.setMessage("e.g. i == 3 && counter > 10");

        new Label(page, SWT.NONE).setText("Stop at hit (0: every hit):");
        hitCount = new Spinner(page, SWT.BORDER);
        hitCount.setValues(breakpoint.hitCount(), 0, Integer.MAX_VALUE, 0, 1, 10);

        Label hint = new Label(page, SWT.WRAP);
        hint.setText("The debug adapter evaluates both inside the machine, at every hit.");
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        return page;
    }

    @Override
    public boolean performOk() {
        try {
            breakpoint().setCondition(condition.getText());
            breakpoint().setHitCount(hitCount.getSelection());
            return true;
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }
}

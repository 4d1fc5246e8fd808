package dev.faultline.debug.ui.launch;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.launch.FaultlineAttachDelegate;

/** The "Faultline Attach" tab: where `faultline debug --listen` listens, and its token. */
public final class FaultlineAttachTab extends AbstractLaunchConfigurationTab {

    private Text host;
    private Text port;
    private Text token;

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        setControl(page);
        host = field(page, "Host:");
        port = field(page, "Port:");
        token = field(page, "Token (--token, if any):");
        Label hint = new Label(page, SWT.WRAP);
        hint.setText("Start the machine with: ./faultline debug --listen PORT [--token TOKEN] PROGRAM-OR-SYSTEM");
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
    }

    private Text field(Composite page, String label) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, SWT.BORDER);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.addModifyListener(event -> {
            setDirty(true);
            updateLaunchConfigurationDialog();
        });
        return text;
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(FaultlineDebugCore.ATTR_HOST, FaultlineAttachDelegate.DEFAULT_HOST);
        configuration.setAttribute(FaultlineDebugCore.ATTR_PORT, 0);
        configuration.setAttribute(FaultlineDebugCore.ATTR_TOKEN, "");
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        try {
            host.setText(configuration.getAttribute(FaultlineDebugCore.ATTR_HOST, FaultlineAttachDelegate.DEFAULT_HOST));
            int number = configuration.getAttribute(FaultlineDebugCore.ATTR_PORT, 0);
            port.setText(number == 0 ? "" : Integer.toString(number));
            token.setText(configuration.getAttribute(FaultlineDebugCore.ATTR_TOKEN, ""));
        } catch (CoreException e) {
            setErrorMessage("Cannot read this configuration: " + e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(FaultlineDebugCore.ATTR_HOST, host.getText().trim());
        configuration.setAttribute(FaultlineDebugCore.ATTR_PORT, parsedPort());
        configuration.setAttribute(FaultlineDebugCore.ATTR_TOKEN, token.getText().trim());
    }

    private int parsedPort() {
        try {
            return Integer.parseInt(port.getText().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        String problem = FaultlineAttachDelegate.problem(host.getText().trim(), parsedPort());
        setErrorMessage(problem);
        return problem == null;
    }

    @Override
    public String getName() {
        return "Connection";
    }
}

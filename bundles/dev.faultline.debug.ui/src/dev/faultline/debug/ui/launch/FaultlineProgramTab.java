package dev.faultline.debug.ui.launch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.variables.VariablesPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.faultline.dap.session.ExceptionFilter;
import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.launch.AdapterMode;
import dev.faultline.debug.core.launch.FaultlineLaunchDelegate;
import dev.faultline.debug.core.launch.ProgramCheck;

/** The "Faultline Program" tab: the program, whether to stop on entry, which faults stop, and where the adapter runs. */
public final class FaultlineProgramTab extends AbstractLaunchConfigurationTab {

    private Text program;
    private Button stopOnEntry;
    private final Map<String, Button> faults = new LinkedHashMap<>();
    private final Map<AdapterMode, Button> modes = new LinkedHashMap<>();

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(3, false));
        setControl(page);

        new Label(page, SWT.NONE).setText("Program (ELF or .system):");
        program = new Text(page, SWT.BORDER);
        program.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        program.addModifyListener(event -> changed());
        Button browse = new Button(page, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, event -> {
            FileDialog dialog = new FileDialog(page.getShell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[] {"*.elf;*.system", "*"});
            String chosen = dialog.open();
            if (chosen != null) {
                program.setText(chosen);
            }
        });

        stopOnEntry = new Button(page, SWT.CHECK);
        stopOnEntry.setText("Stop on entry (before the first instruction)");
        stopOnEntry.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        stopOnEntry.addListener(SWT.Selection, event -> changed());

        Group faultGroup = group(page, "Stop on these faults (fault breakpoints in the Breakpoints view add to them)");
        for (ExceptionFilter filter : ExceptionFilter.values()) {
            Button box = new Button(faultGroup, SWT.CHECK);
            box.setText(filter.label());
            box.setToolTipText(filter.description());
            box.addListener(SWT.Selection, event -> changed());
            faults.put(filter.id(), box);
        }

        Group adapterGroup = group(page, "Debug adapter");
        for (AdapterMode mode : AdapterMode.values()) {
            Button radio = new Button(adapterGroup, SWT.RADIO);
            radio.setText(mode.label());
            radio.addListener(SWT.Selection, event -> changed());
            modes.put(mode, radio);
        }
    }

    private static Group group(Composite page, String title) {
        Group group = new Group(page, SWT.NONE);
        group.setText(title);
        group.setLayout(new GridLayout(2, true));
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        return group;
    }

    private void changed() {
        setDirty(true);
        updateLaunchConfigurationDialog();
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(FaultlineDebugCore.ATTR_PROGRAM, "");
        configuration.setAttribute(FaultlineDebugCore.ATTR_STOP_ON_ENTRY, false);
        configuration.setAttribute(FaultlineDebugCore.ATTR_FAULT_FILTERS, FaultlineLaunchDelegate.defaultFaultFilters());
        configuration.setAttribute(FaultlineDebugCore.ATTR_ADAPTER_MODE, AdapterMode.IN_PROCESS.name());
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        try {
            program.setText(configuration.getAttribute(FaultlineDebugCore.ATTR_PROGRAM, ""));
            stopOnEntry.setSelection(configuration.getAttribute(FaultlineDebugCore.ATTR_STOP_ON_ENTRY, false));
            List<String> stopping = configuration.getAttribute(FaultlineDebugCore.ATTR_FAULT_FILTERS,
                    FaultlineLaunchDelegate.defaultFaultFilters());
            faults.forEach((id, box) -> box.setSelection(stopping.contains(id)));
            AdapterMode mode = AdapterMode.named(configuration.getAttribute(FaultlineDebugCore.ATTR_ADAPTER_MODE, ""));
            modes.forEach((each, radio) -> radio.setSelection(each == mode));
        } catch (CoreException e) {
            setErrorMessage("Cannot read this configuration: " + e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(FaultlineDebugCore.ATTR_PROGRAM, program.getText().trim());
        configuration.setAttribute(FaultlineDebugCore.ATTR_STOP_ON_ENTRY, stopOnEntry.getSelection());
        List<String> stopping = new ArrayList<>();
        faults.forEach((id, box) -> {
            if (box.getSelection()) {
                stopping.add(id);
            }
        });
        configuration.setAttribute(FaultlineDebugCore.ATTR_FAULT_FILTERS, stopping);
        modes.forEach((mode, radio) -> {
            if (radio.getSelection()) {
                configuration.setAttribute(FaultlineDebugCore.ATTR_ADAPTER_MODE, mode.name());
            }
        });
    }

    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        setErrorMessage(null);
        String problem;
        try {
            String path = VariablesPlugin.getDefault().getStringVariableManager()
                    .performStringSubstitution(program.getText().trim(), true);
            problem = ProgramCheck.problem(path);
        } catch (CoreException e) {
            problem = e.getMessage();
        }
        setErrorMessage(problem);
        return problem == null;
    }

    @Override
    public String getName() {
        return "Program";
    }

    /** The error the tab shows now (tests read it). */
    public String shownError() {
        return getErrorMessage();
    }

    /** Types into the program field, as a user would (tests use it). */
    public void typeProgram(String path) {
        program.setText(path);
    }
}

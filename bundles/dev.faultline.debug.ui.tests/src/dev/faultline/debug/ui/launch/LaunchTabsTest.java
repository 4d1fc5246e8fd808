package dev.faultline.debug.ui.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.launch.AdapterMode;
import dev.faultline.debug.core.launch.FaultlineLaunchDelegate;
import dev.faultline.debug.core.testing.ExamplesProject;
import dev.faultline.debug.core.testing.Guests;
import dev.faultline.debug.core.testing.Sessions;
import dev.faultline.debug.ui.Screenshots;
import dev.faultline.debug.ui.Workbench;

/** The "Faultline Program" tab as a user fills it in, and the Debug As shortcut that fills it for a file. */
class LaunchTabsTest {

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    /** The shell as the screen shows it, once X has mapped and painted it above the workbench. */
    private Path capture(String name) throws Exception {
        shell.setLocation(0, 0);
        shell.moveAbove(null);
        shell.forceActive();
        Workbench.settle(700);
        return Screenshots.save(shell, name);
    }

    @Test
    void debugAsOnAnElfMakesOneConfigurationForItAndReusesIt() throws Exception {
        Path elf = Guests.built("target/ipc.elf");
        IFile file = ExamplesProject.file("target/ipc.elf");
        file.refreshLocal(IResource.DEPTH_ZERO, null);
        ILaunchConfiguration made = FaultlineLaunchShortcut.configurationFor(file);
        try {
            assertEquals("${workspace_loc:/examples/target/ipc.elf}", made.getAttribute(FaultlineDebugCore.ATTR_PROGRAM, ""));
            assertEquals(elf.toString(), FaultlineLaunchDelegate.programPath(made), "the variable resolves to the file");
            assertEquals(made, FaultlineLaunchShortcut.configurationFor(file), "the second time, the same configuration");
        } finally {
            made.delete();
        }
    }

    @Test
    void theProgramTabNamesWhatIsWrongAndStoresWhatIsRight() throws Exception {
        shell = new Shell(Workbench.shell(), SWT.SHELL_TRIM);
        shell.setText("Faultline Program");
        shell.setLayout(new FillLayout());
        FaultlineProgramTab tab = new FaultlineProgramTab();
        tab.createControl(shell);
        ILaunchConfigurationWorkingCopy configuration = Sessions.program(Path.of(""), AdapterMode.IN_PROCESS, List.of(), false);
        tab.setDefaults(configuration);
        tab.initializeFrom(configuration);
        shell.setSize(720, 420);
        shell.open();

        tab.typeProgram("/no/such/guest.elf");
        assertFalse(tab.isValid(configuration));
        assertEquals("No such file: /no/such/guest.elf", tab.shownError());
        assertTrue(Screenshots.distinctColours(capture("program-tab-bad-path.png")) > 8);

        String ipc = Guests.built("target/ipc.elf").toString();
        tab.typeProgram(ipc);
        assertTrue(tab.isValid(configuration));
        assertNull(tab.shownError());
        tab.performApply(configuration);
        assertEquals(ipc, configuration.getAttribute(FaultlineDebugCore.ATTR_PROGRAM, ""));
        assertEquals(List.of("CapFault", "UnknownSyscall", "UserException", "VMFault", "noHandler"),
                configuration.getAttribute(FaultlineDebugCore.ATTR_FAULT_FILTERS, List.of()), "the adapter's default filters are ticked");
        assertEquals(AdapterMode.IN_PROCESS.name(), configuration.getAttribute(FaultlineDebugCore.ATTR_ADAPTER_MODE, ""));
        assertTrue(Screenshots.distinctColours(capture("program-tab.png")) > 8);
    }
}

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
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.launch.AdapterMode;
import dev.faultline.debug.core.launch.FaultlineLaunchDelegate;
import dev.faultline.debug.core.testing.ExamplesProject;
import dev.faultline.debug.core.testing.Guests;
import dev.faultline.debug.core.testing.Sessions;
import dev.faultline.debug.ui.Screenshots;
import dev.faultline.debug.ui.Widgets;
import dev.faultline.debug.ui.Workbench;

/** The "Faultline Program" and "Faultline Attach" tabs as a user fills them in, and the Debug As shortcut that fills one for a file. */
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

    /** The tab alone in a shell titled title, with its defaults, as the launch dialog shows it for a new configuration. */
    private void open(String title, AbstractLaunchConfigurationTab tab, ILaunchConfigurationWorkingCopy configuration, int height) {
        shell = new Shell(Workbench.shell(), SWT.SHELL_TRIM);
        shell.setText(title);
        shell.setLayout(new FillLayout());
        tab.createControl(shell);
        tab.setDefaults(configuration);
        tab.initializeFrom(configuration);
        shell.setSize(720, height);
        shell.open();
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
        FaultlineProgramTab tab = new FaultlineProgramTab();
        ILaunchConfigurationWorkingCopy configuration = Sessions.program(Path.of(""), AdapterMode.IN_PROCESS, List.of(), false);
        open("Faultline Program", tab, configuration, 420);

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

    @Test
    void theAttachTabNamesABadPortAndStoresHostPortAndToken() throws Exception {
        FaultlineAttachTab tab = new FaultlineAttachTab();
        ILaunchConfigurationWorkingCopy configuration = Sessions.attach("", 0, "");
        open("Faultline Attach", tab, configuration, 300);
        Text host = Widgets.after(shell, "Host:", Text.class);
        Text port = Widgets.after(shell, "Port:", Text.class);
        Text token = Widgets.after(shell, "Token (--token, if any):", Text.class);
        assertEquals("127.0.0.1", host.getText(), "the default host is this machine");
        assertEquals("", port.getText(), "no port until the user names one");

        Widgets.type(port, "70000");
        assertFalse(tab.isValid(configuration));
        assertEquals("The port is 1..65535: the one `faultline debug --listen PORT` printed.", tab.getErrorMessage());
        Widgets.type(port, "seven");
        assertFalse(tab.isValid(configuration), "a port is a number");
        assertTrue(Screenshots.distinctColours(capture("attach-tab-bad-port.png")) > 8);

        Widgets.type(host, " ");
        Widgets.type(port, "4711");
        assertFalse(tab.isValid(configuration));
        assertEquals("Name the host the adapter listens on (127.0.0.1 for this machine).", tab.getErrorMessage());

        Widgets.type(host, "localhost");
        Widgets.type(token, " s3cret ");
        assertTrue(tab.isValid(configuration));
        assertNull(tab.getErrorMessage());
        tab.performApply(configuration);
        assertEquals("localhost", configuration.getAttribute(FaultlineDebugCore.ATTR_HOST, ""));
        assertEquals(4711, configuration.getAttribute(FaultlineDebugCore.ATTR_PORT, 0));
        assertEquals("s3cret", configuration.getAttribute(FaultlineDebugCore.ATTR_TOKEN, ""), "the token without the spaces around it");

        FaultlineAttachTab reopened = new FaultlineAttachTab();
        reopened.createControl(shell);
        reopened.initializeFrom(configuration);
        assertEquals("4711", Widgets.all(reopened.getControl(), Text.class).get(1).getText(), "a saved configuration shows its port");
    }
}

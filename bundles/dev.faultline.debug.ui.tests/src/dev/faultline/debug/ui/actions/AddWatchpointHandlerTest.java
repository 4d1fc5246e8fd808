package dev.faultline.debug.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.breakpoints.FaultlineWatchpoint;
import dev.faultline.debug.core.testing.Sessions;
import dev.faultline.debug.ui.Screenshots;
import dev.faultline.debug.ui.Widgets;
import dev.faultline.debug.ui.Workbench;
import dev.faultline.debug.ui.presentation.FaultlineModelPresentation;

/** The Breakpoints view's "Add Faultline Watchpoint..." command, its dialog filled in as a user does. */
class AddWatchpointHandlerTest {

    private static final String TITLE = "Add Faultline Watchpoint";

    @AfterEach
    void cleanUp() throws CoreException {
        Sessions.cleanUp();
    }

    @Test
    void theDialogMakesAWatchpointWithTheChosenAccessAndSize() throws Exception {
        Workbench.show(IDebugUIConstants.ID_BREAKPOINT_VIEW);
        runCommandWithDialog(dialog -> {
            assertFalse(Widgets.button(dialog, IDialogConstants.OK_LABEL).isEnabled(), "no address, no watchpoint");
            Combo access = Widgets.after(dialog, "Stop on:", Combo.class);
            Combo size = Widgets.after(dialog, "Size:", Combo.class);
            assertEquals(List.of("write", "read", "read or write"), List.of(access.getItems()));
            assertEquals(List.of("1 byte", "2 bytes", "4 bytes", "8 bytes", "as the adapter says"), List.of(size.getItems()));
            assertEquals("write", access.getText(), "writes, as before the dialog had a choice");
            assertEquals("8 bytes", size.getText());
            Widgets.type(Widgets.after(dialog, "Address:", Text.class), " counter ");
            Widgets.choose(access, "read or write");
            Widgets.choose(size, "2 bytes");
            save(dialog, "watchpoint-dialog.png");
            Widgets.press(Widgets.button(dialog, IDialogConstants.OK_LABEL));
        });
        FaultlineWatchpoint made = onlyWatchpoint();
        assertEquals("counter", made.expression());
        assertTrue(made.isAccess() && made.isModification(), "reads and writes stop");
        assertEquals(2, made.length());
        assertEquals(2, made.bytes());
        assertEquals("Watchpoint: counter (read or write, 2 bytes)", new FaultlineModelPresentation().getText(made));
    }

    @Test
    void asTheAdapterSaysSendsNoSize() throws Exception {
        runCommandWithDialog(dialog -> {
            Widgets.type(Widgets.after(dialog, "Address:", Text.class), "flag");
            Widgets.choose(Widgets.after(dialog, "Stop on:", Combo.class), "read");
            Widgets.choose(Widgets.after(dialog, "Size:", Combo.class), "as the adapter says");
            Widgets.press(Widgets.button(dialog, IDialogConstants.OK_LABEL));
        });
        FaultlineWatchpoint made = onlyWatchpoint();
        assertTrue(made.isAccess() && !made.isModification(), "reads stop, writes do not");
        assertNull(made.bytes(), "dataBreakpointInfo gets no bytes");
        assertEquals("Watchpoint: flag (read, the adapter's size)", made.label());
    }

    @Test
    void aBlankAddressKeepsOkDisabledAndCancelAddsNothing() throws Exception {
        runCommandWithDialog(dialog -> {
            Text address = Widgets.after(dialog, "Address:", Text.class);
            Widgets.type(address, "counter");
            assertTrue(Widgets.button(dialog, IDialogConstants.OK_LABEL).isEnabled());
            Widgets.type(address, "   ");
            assertFalse(Widgets.button(dialog, IDialogConstants.OK_LABEL).isEnabled(), "blanks are no address");
            Widgets.press(Widgets.button(dialog, IDialogConstants.CANCEL_LABEL));
        });
        assertEquals(0, watchpoints().size());
    }

    /**
     * Runs the command as its menu item does; user works the dialog once it is open (the command
     * waits in the dialog's event loop meanwhile). A failure inside closes the dialog and fails the test.
     */
    private static void runCommandWithDialog(Consumer<Shell> user) throws Exception {
        Display display = Display.getCurrent();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Runnable whenOpen = new Runnable() {
            @Override
            public void run() {
                Shell dialog = Arrays.stream(display.getShells()).filter(shell -> !shell.isDisposed() && shell.isVisible()
                        && TITLE.equals(shell.getText())).findFirst().orElse(null);
                if (dialog == null) {
                    if (System.nanoTime() < deadline) {
                        display.timerExec(20, this);
                    } else {
                        failure.set(new AssertionError("the dialog did not open within 30 s"));
                    }
                    return;
                }
                try {
                    user.accept(dialog);
                } catch (Throwable e) {
                    failure.set(e);
                    dialog.close();
                }
            }
        };
        display.asyncExec(whenOpen);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(AddWatchpointHandler.COMMAND_ID, null);
        if (failure.get() instanceof Error error) {
            throw error;
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    private static void save(Shell dialog, String name) {
        try {
            dialog.moveAbove(null);
            Workbench.dispatch();
            assertTrue(Screenshots.distinctColours(Screenshots.save(dialog, name)) > 8);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<FaultlineWatchpoint> watchpoints() {
        return Arrays.stream(DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(FaultlineDebugCore.MODEL_ID))
                .filter(FaultlineWatchpoint.class::isInstance).map(FaultlineWatchpoint.class::cast).toList();
    }

    private static FaultlineWatchpoint onlyWatchpoint() {
        List<FaultlineWatchpoint> all = watchpoints();
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }
}

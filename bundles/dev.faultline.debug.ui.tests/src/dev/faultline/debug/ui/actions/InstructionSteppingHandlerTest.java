package dev.faultline.debug.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.faultline.debug.core.launch.AdapterMode;
import dev.faultline.debug.core.model.FaultlineDebugTarget;
import dev.faultline.debug.core.model.FaultlineStackFrame;
import dev.faultline.debug.core.model.FaultlineThread;
import dev.faultline.debug.core.testing.DebugEvents;
import dev.faultline.debug.core.testing.ExamplesProject;
import dev.faultline.debug.core.testing.Guests;
import dev.faultline.debug.core.testing.Sessions;
import dev.faultline.debug.ui.Widgets;
import dev.faultline.debug.ui.Workbench;

/** The Debug view's "Instruction Stepping" toggle, clicked as a user clicks it, and what the Step Over command then does. */
class InstructionSteppingHandlerTest {

    private static final String TOOLTIP = "Faultline: step by instruction instead of by source line";
    private static final String STEP_OVER = "org.eclipse.debug.ui.commands.StepOver";

    @AfterEach
    void cleanUp() throws CoreException {
        Workbench.cleanUp();
    }

    @Test
    void whileTheToggleIsOnStepOverMovesOneInstructionAndWhenOffOneLine() throws Exception {
        Workbench.showDebugPerspective();
        Workbench.fillScreen();
        // putchar('\n'): the argument is loaded, then the call: two instructions or more on one line.
        int line = ExamplesProject.breakpointAt("ipc/ipc.c", "printf(\"\\n\");").getLineNumber();
        try (DebugEvents events = new DebugEvents(Workbench::dispatch)) {
            ILaunch launch = Sessions.debug(Sessions.program(Guests.built("target/ipc.elf"), AdapterMode.IN_PROCESS, List.of(), false));
            FaultlineThread thread = (FaultlineThread) events.await("the breakpoint", DebugEvents.stopOf(FaultlineThread.class), 60)
                    .getSource();
            FaultlineDebugTarget target = Sessions.target(launch);
            Workbench.selectTopFrame(thread);
            ToolItem toggle = toggleItem();
            assertFalse(toggle.getSelection());

            click(toggle);
            assertTrue(target.isInstructionStepping(), "the click turned instruction stepping on");
            Workbench.waitUntil("the toggle shows it is on", toggle::getSelection, 30);
            long before = pc(thread);
            stepOver(events, thread);
            long after = pc(thread);
            assertTrue(after - before == 2 || after - before == 4, "one instruction on (compressed or not): 0x"
                    + Long.toHexString(before) + " -> 0x" + Long.toHexString(after));
            assertEquals(line, thread.getTopStackFrame().getLineNumber(), "still within the line");

            click(toggle);
            assertFalse(target.isInstructionStepping(), "the second click turned it off");
            Workbench.waitUntil("the toggle shows it is off", () -> !toggle.getSelection(), 30);
            stepOver(events, thread);
            assertNotEquals(line, thread.getTopStackFrame().getLineNumber(), "a step over a line leaves the line");
        }
    }

    /** The toggle in the Debug view's toolbar, found by its tooltip as a user finds it by hovering. */
    private static ToolItem toggleItem() {
        for (ToolBar bar : Widgets.all(Workbench.shell(), ToolBar.class)) {
            for (ToolItem item : bar.getItems()) {
                if (TOOLTIP.equals(item.getToolTipText())) {
                    return item;
                }
            }
        }
        throw new AssertionError("no tool item '" + TOOLTIP + "' in the Debug view's toolbar");
    }

    /** A click on a check tool item: its selection flips, then its listeners hear of it. */
    private static void click(ToolItem item) throws InterruptedException {
        Workbench.waitUntil("the toggle enabled while a Faultline frame is selected", item::isEnabled, 30);
        item.setSelection(!item.getSelection());
        item.notifyListeners(SWT.Selection, new Event());
        Workbench.dispatch();
    }

    private static void stepOver(DebugEvents events, FaultlineThread thread) throws Exception {
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(STEP_OVER, null);
        events.await("the end of the step", e -> e.getKind() == DebugEvent.SUSPEND && e.getSource() == thread
                && e.getDetail() == DebugEvent.STEP_END, 60);
        Workbench.selectTopFrame(thread);
    }

    private static long pc(FaultlineThread thread) throws Exception {
        return Long.decode(((FaultlineStackFrame) thread.getTopStackFrame()).instructionPointer());
    }
}

package dev.faultline.debug.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.text.TextSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.breakpoints.FaultlineFaultBreakpoint;
import dev.faultline.debug.core.breakpoints.FaultlineLineBreakpoint;
import dev.faultline.debug.core.launch.AdapterMode;
import dev.faultline.debug.core.model.FaultlineDebugTarget;
import dev.faultline.debug.core.model.FaultlineThread;
import dev.faultline.debug.core.testing.DebugEvents;
import dev.faultline.debug.core.testing.ExamplesProject;
import dev.faultline.debug.core.testing.Guests;
import dev.faultline.debug.core.testing.ListeningMachine;
import dev.faultline.debug.core.testing.Sessions;
import dev.faultline.debug.ui.FaultlineDebugUi;
import dev.faultline.debug.ui.Screenshots;
import dev.faultline.debug.ui.Workbench;
import dev.faultline.debug.ui.breakpoints.ToggleTargetFactory;
import dev.faultline.debug.ui.presentation.FaultlineModelPresentation;

/**
 * A user's session in a real workbench: a breakpoint toggled in the Generic Editor, a launch from
 * a Faultline Program configuration, a stop, a step, a fault, an attach; the Debug view and the
 * Faultline views checked, and photographed, at each step.
 */
class DebuggingInTheWorkbenchTest {

    @BeforeEach
    void debugPerspective() throws Exception {
        Workbench.showDebugPerspective();
        Workbench.fillScreen();
        Workbench.dispatch();
    }

    @AfterEach
    void cleanUp() throws CoreException {
        Workbench.cleanUp();
    }

    @Test
    void aBreakpointToggledInTheEditorStopsTheMachineAndTheViewsShowTheKernel() throws Exception {
        IFile source = ExamplesProject.file("ipc/ipc.c");
        // In a client, after the server handed it its badged endpoint: the server waits in Recv, queued on the endpoint.
        int line = Guests.lineOf(Guests.source("ipc/ipc.c"), "printf(\"Client %d: received badged endpoint\\n\", me->id);");
        IEditorPart editor = IDE.openEditor(Workbench.page(), source);
        assertEquals(FaultlineDebugUi.GENERIC_EDITOR_ID, editor.getSite().getId(), "guest C opens in the Generic Editor");
        toggleLine((ITextEditor) editor, line);
        IBreakpoint[] breakpoints = DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(FaultlineDebugCore.MODEL_ID);
        FaultlineLineBreakpoint breakpoint = (FaultlineLineBreakpoint) java.util.Arrays.stream(breakpoints)
                .filter(FaultlineLineBreakpoint.class::isInstance).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("the toggle made no line breakpoint"));
        assertEquals(line, breakpoint.getLineNumber(), "the breakpoint the toggle made");
        assertEquals(source, breakpoint.getMarker().getResource());

        try (DebugEvents events = new DebugEvents(Workbench::dispatch)) {
            ILaunch launch = Sessions.debug(Sessions.program(Guests.built("target/ipc.elf"), AdapterMode.IN_PROCESS, List.of(), false));
            FaultlineThread client = (FaultlineThread) events.await("the breakpoint", DebugEvents.stopOf(FaultlineThread.class), 60)
                    .getSource();
            FaultlineDebugTarget target = Sessions.target(launch);
            Workbench.waitUntil("the Debug view selects the stopped thread's top frame",
                    () -> selected() instanceof IStackFrame frame && frame.getThread() == client, 30, () -> "selected: " + describe(selected()));

            EndpointQueuesView queues = Workbench.show(EndpointQueuesView.ID);
            Workbench.waitUntil("the Endpoint Queues view fills in", () -> queues.isUpToDate() && queues.shownMessage() == null, 30);
            List<String[]> rows = queues.rows();
            assertTrue(rows.stream().anyMatch(row -> row[0].startsWith("endpoint ") && row[2].contains("wait")),
                    "an endpoint row says who waits: " + text(rows));
            assertTrue(rows.stream().anyMatch(row -> row[0].equals("#1") && row[2].startsWith("rootserver")
                    && row[5].equals("blocked on recv")), "the server waits in Recv: " + text(rows));
            save(EndpointQueuesView.ID, "ipc-breakpoint-endpoint-queues");

            Integer queued = queues.selectFirstQueuedThread();
            Workbench.waitUntil("the Debug view selects the queued thread",
                    () -> selected() instanceof FaultlineThread thread && thread.id() == queued, 30);

            Workbench.selectTopFrame(client);
            TrapframeView trapframe = Workbench.show(TrapframeView.ID);
            Workbench.waitUntil("the Trapframe view shows the client", () -> trapframe.isUpToDate() && trapframe.shownMessage() == null
                    && trapframe.summary().startsWith(client.tcbName()), 30);
            assertTrue(trapframe.rows().stream().anyMatch(row -> row[0].equals("pc")), text(trapframe.rows()));
            assertEquals(33, trapframe.rows().stream().filter(row -> !row[0].startsWith("fault") && !row[0].equals("cause")
                    && !row[0].startsWith("trap") && !row[0].equals("scause") && !row[0].equals("stval")).count(),
                    "FaultIP, pc and the 31 registers: " + text(trapframe.rows()));

            client.stepOver();
            events.await("the end of the step", e -> e.getKind() == DebugEvent.SUSPEND && e.getSource() == client && e.getDetail() == DebugEvent.STEP_END, 60);
            Workbench.selectTopFrame(client);
            Workbench.waitUntil("the Trapframe view marks what the step changed",
                    () -> trapframe.isUpToDate() && trapframe.rows().stream().anyMatch(row -> row[0].equals("pc") && row[2].equals(TrapframeView.CHANGED)), 30);
            save(TrapframeView.ID, "ipc-step-trapframe");

            List<String> variables = java.util.Arrays.stream(client.getTopStackFrame().getVariables()).map(v -> {
                try {
                    return v.getName();
                } catch (org.eclipse.debug.core.DebugException e) {
                    return e.getMessage();
                }
            }).toList();
            assertTrue(variables.contains("IPC") && variables.contains("me"), "the client's locals and its IPC scope: " + variables);
            save(IDebugUIConstants.ID_VARIABLE_VIEW, "ipc-variables");
            IViewPart registers = Workbench.show(IDebugUIConstants.ID_REGISTER_VIEW);
            Workbench.settle(500);
            ((org.eclipse.jface.viewers.AbstractTreeViewer) registers.getAdapter(org.eclipse.debug.ui.IDebugView.class).getViewer())
                    .expandToLevel(2);
            save(IDebugUIConstants.ID_REGISTER_VIEW, "ipc-registers");

            DisassemblyView disassembly = Workbench.show(DisassemblyView.ID);
            Workbench.waitUntil("the Disassembly view shows the client's instructions",
                    () -> disassembly.isUpToDate() && disassembly.shownMessage() == null, 30);
            List<String[]> instructions = disassembly.rows();
            int pcRow = indexOf(instructions, DisassemblyView.PC);
            long pc = Long.decode(((dev.faultline.debug.core.model.FaultlineStackFrame) client.getTopStackFrame()).instructionPointer());
            assertTrue(pcRow > 0 && Long.decode(instructions.get(pcRow)[1]) == pc, "the pc's row is marked: " + text(instructions));
            long next = disassembly.doubleClick(pcRow + 2);
            Workbench.waitUntil("the row shows its address breakpoint",
                    () -> disassembly.isUpToDate() && disassembly.rows().get(pcRow + 2)[0].equals(DisassemblyView.BREAKPOINT), 30);
            save(DisassemblyView.ID, "ipc-disassembly");
            client.resume();
            events.await("the address breakpoint", DebugEvents.stopOf(FaultlineThread.class), 60);
            assertEquals(next, Long.decode(((dev.faultline.debug.core.model.FaultlineStackFrame) client.getTopStackFrame()).instructionPointer()),
                    "the machine stops at the address the row named");

            CapabilitiesView capabilities = Workbench.show(CapabilitiesView.ID);
            Workbench.waitUntil("the Capabilities view shows the client's CSpace",
                    () -> capabilities.isUpToDate() && capabilities.shownMessage() == null, 30);
            assertTrue(capabilities.rows().stream().anyMatch(row -> row[2].toLowerCase().contains("endpoint")), text(capabilities.rows()));
            save(CapabilitiesView.ID, "ipc-capabilities");
            assertTrue(target.isSuspended());
        }
    }

    @Test
    void aFaultStopsTheMachineAndTheFaultIpcViewTracesItToItsHandler() throws Exception {
        try (DebugEvents events = new DebugEvents(Workbench::dispatch)) {
            Sessions.debug(Sessions.program(Guests.built("fault-handlers/fault-handlers.system"), AdapterMode.IN_PROCESS,
                    List.of("CapFault", "faultReplyApplied"), false));
            FaultlineThread faulter = (FaultlineThread) events.await("the cap fault", DebugEvents.stopOf(FaultlineThread.class), 60)
                    .getSource();
            Workbench.waitUntil("the Debug view selects the faulter",
                    () -> selected() instanceof IStackFrame frame && frame.getThread() == faulter, 30, () -> "selected: " + describe(selected()));

            FaultIpcView faults = Workbench.show(FaultIpcView.ID);
            Workbench.waitUntil("the Fault IPC view lists the fault", () -> faults.isUpToDate() && faults.shownMessage() == null, 30);
            String[] first = faults.rows().get(0);
            assertEquals("CapFault", first[2], text(faults.rows()));
            assertTrue(first[3].contains("IP=0x") && first[3].contains("Addr=0x3"), "the message words, compact: " + text(faults.rows()));
            assertTrue(first[1].startsWith("faulter"), text(faults.rows()));

            TrapframeView trapframe = Workbench.show(TrapframeView.ID);
            Workbench.waitUntil("the Trapframe view shows the fault",
                    () -> trapframe.isUpToDate() && trapframe.shownMessage() == null && trapframe.summary().contains("Fault: CapFault"), 30);
            assertTrue(trapframe.rows().stream().anyMatch(row -> row[0].equals("cause") && row[1].startsWith("CapFault")),
                    text(trapframe.rows()));
            save(TrapframeView.ID, "fault-handlers-cap-fault-trapframe");

            List<String> faultBreakpoints = java.util.Arrays.stream(DebugPlugin.getDefault().getBreakpointManager()
                    .getBreakpoints(FaultlineDebugCore.MODEL_ID)).filter(FaultlineFaultBreakpoint.class::isInstance)
                    .map(b -> new FaultlineModelPresentation().getText(b)).sorted().toList();
            assertEquals(7, faultBreakpoints.size(), faultBreakpoints.toString());
            assertTrue(faultBreakpoints.contains("Fault: VM fault (VMFault)"), faultBreakpoints.toString());
            save(IDebugUIConstants.ID_BREAKPOINT_VIEW, "fault-breakpoints");

            faulter.resume();
            events.await("the reply applied", DebugEvents.stopOf(FaultlineThread.class), 60);
            Workbench.show(FaultIpcView.ID);
            Workbench.waitUntil("the Fault IPC view shows the reply's outcome",
                    () -> faults.isUpToDate() && !faults.rows().isEmpty() && faults.rows().get(0)[7].startsWith("restarted"), 30);
            assertTrue(!faults.rows().get(0)[4].equals("none") && !faults.rows().get(0)[6].equals("none"),
                    "the handler's endpoint and thread: " + text(faults.rows()));
            save(FaultIpcView.ID, "fault-handlers-fault-ipc");

            assertTrue(faults.openRow(0), "the fault's pc has a source line");
            Workbench.dispatch();
            IEditorPart opened = Workbench.page().getActiveEditor();
            assertNotNull(opened);
            // The faulting pc is the ecall of a system call inlined from the SDK's headers.
            assertTrue(opened.getEditorInput().getName().matches(".*\\.[ch]"), opened.getEditorInput().getName());
            assertEquals(FaultlineDebugUi.GENERIC_EDITOR_ID, opened.getSite().getId());
            assertTrue(((org.eclipse.jface.text.ITextSelection) ((ITextEditor) opened).getSelectionProvider().getSelection()).getLength() > 0,
                    "the faulting line is selected");
            Workbench.settle(1500);
            Path png = Screenshots.save(Workbench.shell(), "fault-handlers-fault-source.png");
            assertTrue(Screenshots.distinctColours(png) > 8, png.toString());
        }
    }

    @Test
    void attachingToAListeningMachineShowsItsThreads() throws Exception {
        try (ListeningMachine machine = ListeningMachine.start(Guests.built("target/bench/dap-machine.elf"), null);
                DebugEvents events = new DebugEvents(Workbench::dispatch)) {
            ILaunch launch = Sessions.debug(Sessions.attach(machine.host(), machine.port(), ""));
            Sessions.target(launch).suspend();
            events.await("the pause", DebugEvents.stopOf(FaultlineThread.class), 60);
            Workbench.waitUntil("the Debug view selects a thread of the attached machine",
                    () -> selected() instanceof IStackFrame || selected() instanceof FaultlineThread, 30);
            EndpointQueuesView queues = Workbench.show(EndpointQueuesView.ID);
            Workbench.waitUntil("the Endpoint Queues view fills in", () -> queues.isUpToDate() && queues.shownMessage() == null, 60);
            assertTrue(queues.rows().size() > 100, "the bench machine's 10,000 endpoints are listed");
            assertTrue(java.util.Arrays.stream(Sessions.target(launch).getThreads()).anyMatch(t -> t.toString() != null
                    && ((FaultlineThread) t).getName().contains("(suspended: Paused)")), "the paused thread says so");
            save(IDebugUIConstants.ID_DEBUG_VIEW, "attach-debug-view");
            Sessions.target(launch).disconnect();
            assertTrue(machine.isAlive());
        }
    }

    private static void toggleLine(ITextEditor editor, int line) throws Exception {
        var document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        TextSelection selection = new TextSelection(document, document.getLineOffset(line - 1), 0);
        var factory = new ToggleTargetFactory();
        assertEquals(ToggleTargetFactory.TARGET_ID, factory.getDefaultToggleTarget(editor, selection));
        var toggler = factory.createToggleTarget(ToggleTargetFactory.TARGET_ID);
        assertTrue(toggler.canToggleLineBreakpoints(editor, selection));
        toggler.toggleLineBreakpoints(editor, selection);
    }

    private static Object selected() {
        return Workbench.debugContext();
    }

    private static String describe(Object element) {
        try {
            if (element instanceof IStackFrame frame) {
                return "frame " + frame.getName() + " of " + frame.getThread().getName();
            }
            return element instanceof FaultlineThread thread ? "thread " + thread.getName() : String.valueOf(element);
        } catch (org.eclipse.debug.core.DebugException e) {
            return e.getMessage();
        }
    }

    private static int indexOf(List<String[]> rows, String marker) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i)[0].equals(marker)) {
                return i;
            }
        }
        return -1;
    }

    private static String text(List<String[]> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach(row -> text.append('\n').append(String.join(" | ", row)));
        return text.toString();
    }

    /** The whole workbench with view in front of its stack, then view alone, maximized, as name-view.png. */
    private static void save(String viewId, String name) throws Exception {
        IViewPart view = Workbench.show(viewId);
        Workbench.settle(1500);
        Path png = Screenshots.save(Workbench.shell(), name + ".png");
        assertTrue(Screenshots.distinctColours(png) > 8, "the screenshot shows a rendered workbench: " + png);
        IWorkbenchPage page = Workbench.page();
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        Workbench.settle(500);
        Path alone = Screenshots.save(Workbench.shell(), name + "-view.png");
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
        Workbench.dispatch();
        assertTrue(Screenshots.distinctColours(alone) > 8, "the screenshot shows the view: " + alone);
    }
}

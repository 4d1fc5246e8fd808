package dev.faultline.debug.ui.breakpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.text.source.IVerticalRulerInfo;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.faultline.debug.core.FaultlineDebugCore;
import dev.faultline.debug.core.breakpoints.FaultlineLineBreakpoint;
import dev.faultline.debug.core.launch.AdapterMode;
import dev.faultline.debug.core.model.FaultlineDebugTarget;
import dev.faultline.debug.core.model.FaultlineThread;
import dev.faultline.debug.core.testing.DebugEvents;
import dev.faultline.debug.core.testing.ExamplesProject;
import dev.faultline.debug.core.testing.Guests;
import dev.faultline.debug.core.testing.Sessions;
import dev.faultline.debug.ui.Screenshots;
import dev.faultline.debug.ui.Workbench;
import dev.faultline.debug.ui.presentation.FaultlineModelPresentation;

/** Line breakpoints as a user makes them in the editor's ruler, and as the Breakpoints view shows what the adapter said. */
class BreakpointsInTheWorkbenchTest {

    /** In the Debug perspective before any launch: in a new workspace the platform would stop to ask. */
    @BeforeEach
    void debugPerspective() throws Exception {
        Workbench.showDebugPerspective();
    }

    @AfterEach
    void cleanUp() throws CoreException {
        Workbench.cleanUp();
    }

    @Test
    void doubleClickingTheEditorsRulerAddsALineBreakpointAndDoubleClickingAgainRemovesIt() throws Exception {
        IFile source = ExamplesProject.file("ipc/ipc.c");
        int line = Guests.lineOf(Guests.source("ipc/ipc.c"), "printf(\"\\n\");");
        ITextEditor editor = openAt(source, line);

        doubleClickRuler(editor, line);
        Workbench.waitUntil("a line breakpoint on line " + line, () -> lineBreakpoints().size() == 1, 30,
                () -> lineBreakpoints().toString());
        FaultlineLineBreakpoint made = lineBreakpoints().get(0);
        assertEquals(line, made.getLineNumber());
        assertEquals(source, made.getMarker().getResource(), "the marker is on the workspace file");

        doubleClickRuler(editor, line);
        Workbench.waitUntil("the breakpoint gone", () -> lineBreakpoints().isEmpty(), 30, () -> lineBreakpoints().toString());
        assertTrue(!made.getMarker().exists(), "its marker is deleted");
    }

    @Test
    void aBreakpointPutOnACommentMovesInTheRulerToTheLineWithCode() throws Exception {
        IFile source = ExamplesProject.file("ipc/ipc.c");
        int comment = Guests.lineOf(Guests.source("ipc/ipc.c"), "/* Call: send our id in MR0");
        ITextEditor editor = openAt(source, comment);
        doubleClickRuler(editor, comment);
        Workbench.waitUntil("a line breakpoint on the comment", () -> lineBreakpoints().size() == 1, 30);
        FaultlineLineBreakpoint breakpoint = lineBreakpoints().get(0);
        assertEquals(comment, rulerLine(editor, breakpoint));

        try (DebugEvents events = new DebugEvents(Workbench::dispatch)) {
            Sessions.debug(Sessions.program(Guests.built("target/ipc.elf"), AdapterMode.IN_PROCESS, List.of(), true));
            events.await("the stop on entry", DebugEvents.stopOf(FaultlineThread.class), 60);
            Workbench.waitUntil("the ruler shows the breakpoint on the line with code", () -> rulerLine(editor, breakpoint) == comment + 1,
                    30, () -> "line " + rulerLine(editor, breakpoint));
            assertEquals(comment + 1, breakpoint.getLineNumber());
            // The Debug view shows the entry's source first; the photograph is of ipc.c's ruler.
            Workbench.settle(500);
            Workbench.page().activate(editor);
            Workbench.settle(300);
            assertTrue(Screenshots.distinctColours(Screenshots.save(Workbench.shell(), "moved-breakpoint.png")) > 8);
        }
    }

    /** The 1-based line where the editor's annotation model (what its ruler draws) shows breakpoint, or -1. */
    private static int rulerLine(ITextEditor editor, IBreakpoint breakpoint) {
        var model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        var document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        for (var annotations = model.getAnnotationIterator(); annotations.hasNext();) {
            if (annotations.next() instanceof org.eclipse.ui.texteditor.MarkerAnnotation annotation
                    && annotation.getMarker().equals(breakpoint.getMarker())) {
                try {
                    return document.getLineOfOffset(model.getPosition(annotation).getOffset()) + 1;
                } catch (org.eclipse.jface.text.BadLocationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return -1;
    }

    @Test
    void aBreakpointTheAdapterCannotPlaceShowsWhyInTheBreakpointsViewUntilTheSessionEnds() throws Exception {
        IFile other = ExamplesProject.file("bare/hello.c");
        int line = Guests.lineOf(Guests.source("bare/hello.c"), "bare_puts(");
        FaultlineLineBreakpoint breakpoint = new FaultlineLineBreakpoint(other, other.getLocation().toOSString(), line);
        FaultlineModelPresentation presentation = new FaultlineModelPresentation();
        try (DebugEvents events = new DebugEvents(Workbench::dispatch)) {
            assertEquals("hello.c [line: " + line + "]", presentation.getText(breakpoint));
            assertNull(presentation.getImage(breakpoint), "no session: the platform's own breakpoint image");

            ILaunch launch = Sessions.debug(Sessions.program(Guests.built("target/ipc.elf"), AdapterMode.IN_PROCESS, List.of(), true));
            events.await("the stop on entry", DebugEvents.stopOf(FaultlineThread.class), 60);
            String unverified = "hello.c [line: " + line + "] (not verified: no program of this machine was built from "
                    + other.getLocation().toOSString() + " (or it has no DWARF line table))";
            Workbench.waitUntil("the label says why", () -> unverified.equals(presentation.getText(breakpoint)), 30,
                    () -> presentation.getText(breakpoint));
            assertNotNull(presentation.getImage(breakpoint), "an unverified breakpoint has an image of its own");

            Workbench.show(IDebugUIConstants.ID_BREAKPOINT_VIEW);
            Workbench.waitUntil("the Breakpoints view shows the reason", () -> breakpointsViewLabels().contains(unverified), 30,
                    () -> breakpointsViewLabels().toString());
            Workbench.settle(500);
            assertTrue(Screenshots.distinctColours(Screenshots.save(Workbench.shell(), "unverified-breakpoint.png")) > 8);

            Sessions.target(launch).terminate();
            events.await("the end", DebugEvents.terminateOf(FaultlineDebugTarget.class), 60);
            String plain = "hello.c [line: " + line + "]";
            Workbench.waitUntil("the Breakpoints view drops the reason with the session", () -> breakpointsViewLabels().contains(plain),
                    30, () -> breakpointsViewLabels().toString());
            assertNull(presentation.getImage(breakpoint));
        } finally {
            presentation.dispose();
        }
    }

    /** The file in its editor, scrolled so that line (1-based) shows. */
    private static ITextEditor openAt(IFile file, int line) throws Exception {
        ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), file);
        Workbench.fillScreen();
        editor.selectAndReveal(editor.getDocumentProvider().getDocument(editor.getEditorInput()).getLineOffset(line - 1), 0);
        Workbench.dispatch();
        return editor;
    }

    private static List<FaultlineLineBreakpoint> lineBreakpoints() {
        IBreakpoint[] all = DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(FaultlineDebugCore.MODEL_ID);
        return Arrays.stream(all).filter(FaultlineLineBreakpoint.class::isInstance).map(FaultlineLineBreakpoint.class::cast).toList();
    }

    /** The rows of the Breakpoints view, as its tree shows them. */
    private static List<String> breakpointsViewLabels() {
        var view = Workbench.page().findView(IDebugUIConstants.ID_BREAKPOINT_VIEW);
        Tree tree = (Tree) view.getAdapter(org.eclipse.debug.ui.IDebugView.class).getViewer().getControl();
        List<String> labels = new java.util.ArrayList<>();
        collect(tree.getItems(), labels);
        return labels;
    }

    private static void collect(TreeItem[] items, List<String> labels) {
        for (TreeItem item : items) {
            labels.add(item.getText());
            collect(item.getItems(), labels);
        }
    }

    /**
     * A double click with the left button on the ruler beside line, as the mouse delivers it: a
     * press (which tells the ruler the line), a release, and the double click.
     */
    private static void doubleClickRuler(ITextEditor editor, int line) {
        IVerticalRulerInfo ruler = editor.getAdapter(IVerticalRulerInfo.class);
        StyledText text = (StyledText) editor.getAdapter(Control.class);
        int y = text.getLinePixel(line - 1) + text.getLineHeight() / 2;
        Control target = annotationColumn(ruler.getControl());
        for (int type : new int[] {SWT.MouseDown, SWT.MouseUp, SWT.MouseDown, SWT.MouseDoubleClick, SWT.MouseUp}) {
            Event event = new Event();
            event.button = 1;
            event.x = 2;
            event.y = y;
            event.count = type == SWT.MouseDoubleClick ? 2 : 1;
            target.notifyListeners(type, event);
        }
        Workbench.dispatch();
        assertEquals(line - 1, ruler.getLineOfLastMouseButtonActivity(), "the ruler took the click for line " + line);
    }

    /** The ruler's first column (the annotations, where breakpoints show), or the ruler itself when it has none. */
    private static Control annotationColumn(Control ruler) {
        if (ruler instanceof Composite composite && composite.getChildren().length > 0) {
            Control first = composite.getChildren()[0];
            assertNotEquals(0, first.getBounds().height, "the ruler is laid out");
            return first;
        }
        return ruler;
    }
}

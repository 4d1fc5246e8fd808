package dev.faultline.debug.ui.views;

import java.util.function.IntFunction;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.contexts.DebugContextEvent;
import org.eclipse.debug.ui.contexts.IDebugContextListener;
import org.eclipse.debug.ui.contexts.IDebugContextService;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

import dev.faultline.debug.core.model.FaultlineDebugElement;
import dev.faultline.debug.core.model.FaultlineDebugTarget;
import dev.faultline.debug.core.model.FaultlineThread;

/**
 * A view of the debugged kernel, fed by one of Faultline's own requests. It follows the Debug
 * view's selection (which session, which thread) and asks the adapter again at every stop, off the
 * UI thread; while there is nothing to show, or the adapter refused, a message says why.
 *
 * @param <T> what one answer of the adapter becomes, ready to show
 */
public abstract class KernelView<T> extends ViewPart implements IDebugContextListener, IDebugEventSetListener {

    /** Shown while no Faultline debug session is selected. */
    public static final String NO_SESSION = "No Faultline debug session is selected.";

    private Composite stack;
    private Composite messagePage;
    private Label message;
    private Control content;
    private volatile FaultlineDebugTarget target;
    private volatile FaultlineThread thread;
    private volatile long shownGeneration;
    private volatile long requestedGeneration;

    @Override
    public final void createPartControl(Composite parent) {
        stack = new Composite(parent, SWT.NONE);
        stack.setLayout(new StackLayout());
        messagePage = new Composite(stack, SWT.NONE);
        messagePage.setLayout(new GridLayout());
        message = new Label(messagePage, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        content = createContent(stack);
        showMessage(NO_SESSION + " " + emptyHint());
        IDebugContextService contexts = DebugUITools.getDebugContextManager().getContextService(getSite().getWorkbenchWindow());
        contexts.addDebugContextListener(this);
        DebugPlugin.getDefault().addDebugEventListener(this);
        select(contexts.getActiveContext());
    }

    /** The view's own controls, shown while there is data. */
    protected abstract Control createContent(Composite parent);

    /** What the view shows once a session is there, said while there is none. */
    protected abstract String emptyHint();

    /** Asks the adapter, off the UI thread; the thread is null when a target, not a thread, is selected. */
    protected abstract T fetch(FaultlineDebugTarget target, FaultlineThread thread) throws DebugException;

    /** Shows an answer, on the UI thread. Returns a message to show instead, or null. */
    protected abstract String show(T data);

    @Override
    public void dispose() {
        DebugUITools.getDebugContextManager().getContextService(getSite().getWorkbenchWindow()).removeDebugContextListener(this);
        DebugPlugin.getDefault().removeDebugEventListener(this);
        super.dispose();
    }

    @Override
    public void debugContextChanged(DebugContextEvent event) {
        if ((event.getFlags() & DebugContextEvent.ACTIVATED) != 0) {
            select(event.getContext());
        }
    }

    private void select(ISelection selection) {
        Object element = selection instanceof IStructuredSelection structured ? structured.getFirstElement() : null;
        if (element instanceof IAdaptable adaptable && !(element instanceof IDebugElement)) {
            element = adaptable.getAdapter(IDebugElement.class);
        }
        if (element instanceof FaultlineDebugElement faultline) {
            FaultlineThread selectedThread = threadOf(faultline);
            if (faultline.target() != target || selectedThread != thread) {
                target = faultline.target();
                thread = selectedThread;
                refresh();
            }
        }
    }

    private static FaultlineThread threadOf(FaultlineDebugElement element) {
        if (element instanceof FaultlineThread thread) {
            return thread;
        }
        if (element instanceof org.eclipse.debug.core.model.IStackFrame frame) {
            return (FaultlineThread) frame.getThread();
        }
        return null;
    }

    @Override
    public void handleDebugEvents(DebugEvent[] events) {
        for (DebugEvent event : events) {
            if (event.getSource() instanceof FaultlineDebugTarget eventTarget && eventTarget == target
                    && (event.getKind() == DebugEvent.SUSPEND || event.getKind() == DebugEvent.TERMINATE)) {
                refresh();
                return;
            }
        }
    }

    protected FaultlineDebugTarget target() {
        return target;
    }

    protected FaultlineThread thread() {
        return thread;
    }

    /** Asks again now; a later answer replaces an earlier one, never the other way round. */
    public void refresh() {
        FaultlineDebugTarget askedTarget = target;
        FaultlineThread askedThread = thread;
        long generation = ++requestedGeneration;
        Job job = Job.create("Reading " + getPartName() + " from the Faultline machine", (IProgressMonitor monitor) -> {
            String problem = null;
            T data = null;
            if (askedTarget == null) {
                problem = NO_SESSION + " " + emptyHint();
            } else if (askedTarget.isTerminated()) {
                problem = "The Faultline session has ended.";
            } else if (!askedTarget.isSuspended()) {
                problem = "The machine is running; this view fills in when it stops.";
            } else {
                try {
                    data = fetch(askedTarget, askedThread);
                } catch (DebugException e) {
                    problem = e.getMessage();
                }
            }
            String shownProblem = problem;
            T shownData = data;
            if (!stack.isDisposed()) {
                stack.getDisplay().asyncExec(() -> deliver(generation, shownProblem, shownData));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void deliver(long generation, String problem, T data) {
        if (stack.isDisposed() || generation < shownGeneration) {
            return;
        }
        shownGeneration = generation;
        String instead = problem != null ? problem : show(data);
        if (instead != null) {
            showMessage(instead);
        } else {
            ((StackLayout) stack.getLayout()).topControl = content;
            stack.layout(true, true);
        }
    }

    private void showMessage(String text) {
        message.setText(text);
        ((StackLayout) stack.getLayout()).topControl = messagePage;
        stack.layout(true, true);
    }

    /** The message currently shown in place of the view's data, or null while data is shown. */
    public String shownMessage() {
        return ((StackLayout) stack.getLayout()).topControl == messagePage ? message.getText() : null;
    }

    /** True once an answer for the current selection and stop is on screen (tests wait for it). */
    public boolean isUpToDate() {
        return shownGeneration == requestedGeneration;
    }

    @Override
    public void setFocus() {
        stack.setFocus();
    }

    /** One row's cells as a table or tree shows them (text(i) is the item's column i), for the views' rows(). */
    protected static String[] cells(int columns, IntFunction<String> text) {
        String[] cells = new String[columns];
        for (int i = 0; i < columns; i++) {
            cells[i] = text.apply(i);
        }
        return cells;
    }
}

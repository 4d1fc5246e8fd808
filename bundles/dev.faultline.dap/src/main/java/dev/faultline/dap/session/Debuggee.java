package dev.faultline.dap.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.faultline.emulator.debug.WatchpointHit;
import dev.faultline.emulator.dwarf.LineRow;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.kernel.Kernel;
import dev.faultline.kernel.api.ObjectType;
import dev.faultline.kernel.fault.FaultLog;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.object.Tcb;

/**
 * The machine as a debug target: stopped, running, stepping or finished; its breakpoints and
 * exception filters; the stop it is in. The machine thread owns it and runs it a slice at a
 * time, so commands (pause among them) are taken between slices.
 */
public final class Debuggee {

    /** Instructions a running machine executes between looks at the command queue. */
    static final long SLICE = 200_000;
    /** Instructions a step executes, one at a time, between looks at the command queue. */
    static final int STEP_SLICE = 20_000;

    /** What the machine is doing. */
    public enum Mode {
        STOPPED,
        RUNNING,
        STEPPING,
        FINISHED
    }

    private final Machine machine;
    private final BreakpointTable breakpoints;
    /** The breakpoints that stopped the hart, as its check decided them; taken at the stop. */
    private List<Integer> breakpointHit;
    private final WatchTable watches;
    /** The last watchpoint hit seen, to tell a new one from the hart's stale record of an old one. */
    private WatchpointHit lastWatchHit;
    private final Set<ExceptionFilter> filters = EnumSet.noneOf(ExceptionFilter.class);
    private MachineListener listener = MachineListener.NONE;
    private Mode mode = Mode.STOPPED;
    private Stop stop;
    /** Each thread's last trap, for the Trapframe views: scause and stval are not in a fault message. */
    private final java.util.Map<Long, KernelEvent.TrapTaken> lastTraps = new java.util.HashMap<>();
    private Step step;
    /** Exception stops the kernel's events asked for, oldest first: one kernel entry can raise several. */
    private final Deque<Stop> pendingStops = new ArrayDeque<>();
    private int exitStatus;
    /** The fault events of the whole run, for the fault log (faults are rare; the newest MAX_FAULT_EVENTS are kept). */
    private final Deque<KernelEvent> faultEvents = new ArrayDeque<>();
    static final int MAX_FAULT_EVENTS = 10_000;

    public Debuggee(Machine machine) {
        this.machine = machine;
        this.breakpoints = new BreakpointTable(machine, this::breakpointStops);
        this.watches = new WatchTable(machine);
        machine.kernel().journal().addListener(this::kernelEvent);
    }

    public Machine machine() {
        return machine;
    }

    public BreakpointTable breakpoints() {
        return breakpoints;
    }

    public WatchTable watches() {
        return watches;
    }

    public Mode mode() {
        return mode;
    }

    /** The stop the machine is in; null while it runs or before its first stop. */
    public Stop stop() {
        return mode == Mode.STOPPED ? stop : null;
    }

    /** The last exception the thread trapped into the kernel with (scause, stval, trapframe), if any. */
    public Optional<KernelEvent.TrapTaken> lastTrap(long thread) {
        return Optional.ofNullable(lastTraps.get(thread));
    }

    /** The fault log of the run so far: each fault with its handler and outcome, oldest first. */
    public List<FaultLog.Entry> faultLog() {
        return FaultLog.of(List.copyOf(faultEvents));
    }

    public int exitStatus() {
        return exitStatus;
    }

    public void setListener(MachineListener listener) {
        this.listener = listener;
    }

    /** Sets the exception filters that stop the machine (every other filter is off). */
    public void setExceptionFilters(Set<ExceptionFilter> enabled) {
        filters.clear();
        filters.addAll(enabled);
    }

    /** Stops the machine where it is, as the launch's stop on entry, in the first thread. */
    public void stopAtEntry() {
        Tcb first = machine.currentThread() != null ? machine.currentThread() : machine.threads().get(0);
        stopped(Stop.of(Stop.Reason.ENTRY, first.id(), "Stopped at the program's entry"));
    }

    /**
     * Moves a thread of the stopped machine to pc, as a debugger's jump does: its next instruction
     * is the one there; the machine stays stopped, now for that thread (a GOTO stop).
     */
    public void moveTo(long thread, long pc) {
        if (mode != Mode.STOPPED) {
            throw new SessionException(SessionException.NOT_STOPPED, "the machine is running: pause it first");
        }
        machine.thread(thread).registers().setPc(pc);
        stopped(Stop.of(Stop.Reason.GOTO, thread, "Moved to 0x" + Long.toHexString(pc)));
    }

    /** Lets every thread run until something stops the machine. */
    public void resume() {
        requireStopped();
        if (!pendingStops.isEmpty()) {
            stopped(pendingStops.poll());
            return;
        }
        passBreakpoints();
        machine.clearBreakpointLines();
        step = null;
        mode = Mode.RUNNING;
    }

    /** Steps one thread; the others run as the scheduler lets them, and stop with it. */
    public void step(long thread, StepKind kind, boolean byInstruction) {
        requireStopped();
        Tcb tcb = machine.thread(thread);
        if (!pendingStops.isEmpty()) {
            stopped(pendingStops.poll());
            return;
        }
        passBreakpoints();
        step = new Step(new ThreadContext(machine, tcb), kind, byInstruction);
        machine.clearBreakpointLines();
        mode = Mode.STEPPING;
    }

    /** Stops a running machine, in the thread that runs now; answers false when it was not running. */
    public boolean pause() {
        if (mode != Mode.RUNNING && mode != Mode.STEPPING) {
            return false;
        }
        Tcb current = machine.currentThread();
        long thread = current != null ? current.id() : step != null ? step.thread() : machine.threads().get(0).id();
        stopped(Stop.of(Stop.Reason.PAUSE, thread, "Paused"));
        return true;
    }

    public boolean isRunning() {
        return mode == Mode.RUNNING || mode == Mode.STEPPING;
    }

    /** Runs one slice of the machine: a budget of instructions, or part of a step. */
    public void slice() {
        try {
            runSlice();
        } catch (RuntimeException e) {
            // A fault of the model itself, not of the guest: say so, and end the run rather than the session.
            machine.flushOutput();
            machine.kernel().console().kernelReport("faultline: the machine failed and stopped: " + e + "\n");
            finish();
        }
    }

    private void runSlice() {
        Kernel kernel = machine.kernel();
        if (mode == Mode.RUNNING) {
            handle(kernel.run(SLICE));
        } else if (mode == Mode.STEPPING) {
            for (int i = 0; i < STEP_SLICE && mode == Mode.STEPPING; i++) {
                Kernel.Exit exit = kernel.run(1);
                if (exit != Kernel.Exit.BUDGET) {
                    handle(exit);
                } else if (step.done()) {
                    stopped(Stop.of(Stop.Reason.STEP, step.thread(), "Step"));
                }
            }
        }
        machine.flushOutput();
    }

    private void handle(Kernel.Exit exit) {
        switch (exit) {
            case BUDGET -> {
            }
            case IDLE, HALTED -> finish();
            case DEBUG_STOP -> debugStop();
        }
    }

    private void debugStop() {
        if (!pendingStops.isEmpty()) {
            stopped(pendingStops.poll());
            return;
        }
        Tcb current = machine.currentThread();
        if (current == null) {
            return;
        }
        ThreadContext thread = new ThreadContext(machine, current);
        WatchpointHit watchHit = machine.kernel().hart().watchpointHit();
        if (watchHit != null && watchHit != lastWatchHit) {
            lastWatchHit = watchHit;
            Breakpoint watch = watches.of(watchHit.watchpoint());
            if (watch != null && decide(List.of(watch), thread).size() == 1) {
                stopped(new Stop(Stop.Reason.DATA_BREAKPOINT, current.id(), watchHit.access().name().toLowerCase() + " of "
                        + watchHit.size() + " bytes at 0x" + Long.toHexString(watchHit.address()), List.of(watch.id()), null,
                        null));
            }
            return;
        }
        List<Integer> hit = breakpointHit;
        breakpointHit = null;
        if (hit != null) {
            stopped(new Stop(breakpoints.reason(hit.get(0)), current.id(), "Breakpoint", hit, null, null));
        }
    }

    /**
     * Called by the hart at a breakpoint, inside its loop: counts the hit of each breakpoint
     * there, logs for the logpoints, and stops only for those whose condition and hit count say
     * so, so that a false condition costs no stop of the machine.
     */
    private boolean breakpointStops(Program program, long pc) {
        Tcb current = machine.currentThread();
        if (current == null) {
            return true;
        }
        ThreadContext thread = new ThreadContext(machine, current, program);
        List<Integer> hit = decide(breakpoints.at(program, pc), thread);
        if (hit.isEmpty()) {
            return false;
        }
        breakpointHit = hit;
        return true;
    }

    /** Counts a hit of each breakpoint, logs for the logpoints, and answers the ids of those that stop. */
    private List<Integer> decide(List<Breakpoint> reached, ThreadContext thread) {
        List<Integer> hit = List.of();
        for (Breakpoint breakpoint : reached) {
            Breakpoint.Action action;
            try {
                action = breakpoint.hit(thread);
            } catch (SessionException e) {
                machine.flushOutput();
                machine.kernel().console().kernelReport("breakpoint " + breakpoint.id() + ": " + e.getMessage() + "\n");
                action = Breakpoint.Action.STOP;
            }
            if (action == Breakpoint.Action.LOG) {
                machine.flushOutput();
                machine.kernel().console().kernelReport(breakpoint.log(thread) + "\n");
            } else if (action == Breakpoint.Action.STOP) {
                if (hit.isEmpty()) {
                    hit = new ArrayList<>();
                }
                hit.add(breakpoint.id());
            }
        }
        return hit;
    }

    private long threadOf(KernelEvent event) {
        return switch (event) {
            case KernelEvent.FaultRaised e -> e.thread();
            case KernelEvent.DoubleFault e -> e.thread();
            case KernelEvent.FaultDelivered e -> e.handlerThread();
            case KernelEvent.FaultReplyApplied e -> e.thread();
            default -> machine.threads().get(0).id();
        };
    }

    /** The journal's events, as the kernel makes them: a filtered one asks the kernel to stop. */
    private void kernelEvent(KernelEvent event) {
        if (event instanceof KernelEvent.ObjectCreated created && created.type() == ObjectType.TCB) {
            listener.threadStarted(created.object());
        }
        if (event instanceof KernelEvent.ObjectDestroyed destroyed && destroyed.type() == ObjectType.TCB) {
            listener.threadExited(destroyed.object());
            lastTraps.remove(destroyed.object());
        }
        if (event instanceof KernelEvent.TrapTaken trap) {
            lastTraps.put(trap.thread(), trap);
        }
        if (ExceptionFilter.of(event).isPresent()) {
            if (faultEvents.size() == MAX_FAULT_EVENTS) {
                faultEvents.poll();
            }
            faultEvents.add(event);
        }
        if (!isRunning()) {
            return;
        }
        Optional<ExceptionFilter> filter = ExceptionFilter.of(event);
        if (filter.isPresent() && filters.contains(filter.get())) {
            pendingStops.add(new Stop(Stop.Reason.EXCEPTION, threadOf(event), filter.get().label(), List.of(), filter.get(),
                    event));
            machine.kernel().requestStop();
        }
    }

    private void stopped(Stop reached) {
        machine.flushOutput();
        mode = Mode.STOPPED;
        step = null;
        stop = reached;
        machine.clearBreakpointLines();
        // A line breakpoint's thread stands at the line it was set on, even where an inlined
        // call's first instruction also begins the callee (Backtrace shows the caller there).
        if (reached.reason() == Stop.Reason.BREAKPOINT && reached.breakpoints() != null) {
            for (int id : reached.breakpoints()) {
                Optional<LineRow> line = breakpoints.sourceLine(id);
                if (line.isPresent()) {
                    machine.setBreakpointLine(reached.thread(), line.get());
                    break;
                }
            }
        }
        listener.stopped(reached);
    }

    private void finish() {
        machine.flushOutput();
        mode = Mode.FINISHED;
        step = null;
        exitStatus = ExitStatus.of(machine);
        listener.exited(exitStatus);
    }

    /** Threads stopped on a breakpoint's address for another reason run its instruction when resumed. */
    private void passBreakpoints() {
        for (Tcb tcb : machine.threads()) {
            AddressSpace space = machine.addressSpace(tcb);
            if (space != null && space.breakpoints().contains(tcb.registers().pc())) {
                tcb.registers().passBreakpoint();
            }
        }
    }

    private void requireStopped() {
        if (mode == Mode.FINISHED) {
            throw new SessionException(SessionException.NOT_STOPPED, "the machine has finished: nothing more runs");
        }
        if (mode != Mode.STOPPED) {
            throw new SessionException(SessionException.NOT_STOPPED, "the machine is running: pause it first");
        }
    }
}

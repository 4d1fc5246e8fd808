package dev.faultline.kernel;

import java.util.Arrays;

import dev.faultline.emulator.hart.Hart;
import dev.faultline.emulator.hart.StopReason;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.emulator.trap.Trap;
import dev.faultline.emulator.trap.TrapCause;
import dev.faultline.kernel.api.Fault;
import dev.faultline.kernel.arch.riscv64.AsidTable;
import dev.faultline.kernel.arch.riscv64.VmRoot;
import dev.faultline.kernel.fault.FaultHandler;
import dev.faultline.kernel.interrupt.InterruptController;
import dev.faultline.kernel.interrupt.IrqState;
import dev.faultline.kernel.interrupt.TimerDevice;
import dev.faultline.kernel.ipc.Ipc;
import dev.faultline.kernel.ipc.IpcContext;
import dev.faultline.kernel.ipc.Signals;
import dev.faultline.kernel.journal.Journal;
import dev.faultline.kernel.journal.KernelEvent;
import dev.faultline.kernel.journal.Trapframe;
import dev.faultline.kernel.object.Capability.NotificationCap;
import dev.faultline.kernel.object.ObjectSpace;
import dev.faultline.kernel.object.Tcb;
import dev.faultline.kernel.object.invocation.KernelServices;
import dev.faultline.kernel.schedule.Scheduler;
import dev.faultline.kernel.thread.ThreadControl;

/**
 * The seL4 kernel model on one hart: it runs the current thread until the thread traps or its
 * time runs out, turns the trap into a system call or a fault, and schedules. Time is the
 * hart's retired-instruction count, so a run is deterministic.
 */
public final class Kernel {

    private final KernelConfig config;
    private final Console console;
    private final Hart hart = new Hart(new AddressSpace());
    private final ObjectSpace objects = new ObjectSpace();
    private final AsidTable asids = new AsidTable();
    private final InterruptController interrupts = new InterruptController();
    private final Journal journal;
    private final Scheduler scheduler;
    private final IpcContext context;
    private final Signals signals;
    private final Ipc ipc;
    private final ThreadControl threads;
    private final FaultHandler faults;
    private final KernelServices services;
    private final SyscallHandler syscalls;
    /** An array, not a list: with none the run loop pays one length test per kernel exit. */
    private Runnable[] entryListeners = {};
    private long nextTick;
    private boolean halted;
    private boolean stopRequested;
    private long kernelEntries;

    public Kernel(KernelConfig config, Console console) {
        this.config = config;
        this.console = console;
        this.journal = new Journal(config.journalCapacity());
        this.scheduler = new Scheduler(this::switched);
        Finalisation finalisation = new Finalisation(objects, asids, interrupts, journal, hart::instret);
        this.context = new IpcContext(scheduler, journal, hart::instret, finalisation);
        this.signals = new Signals(context);
        this.ipc = new Ipc(context, signals);
        signals.setIpc(ipc);
        this.threads = new ThreadControl(context, ipc);
        finalisation.connect(ipc, signals, threads);
        this.faults = new FaultHandler(context, ipc, console::kernelReport);
        this.services = new KernelServices(context, ipc, signals, threads, objects);
        this.syscalls = new SyscallHandler(this);
        this.nextTick = config.instructionsPerTick();
        if (config.timerPeriod() > 0) {
            interrupts.addTimer(new TimerDevice(config.timerPeriod(), config.timerIrq(), 0));
        }
    }

    /** Why {@link #run} returned. */
    public enum Exit {
        /** The instruction budget ran out; the machine can go on. */
        BUDGET,
        /** No thread can run and nothing will wake one: the system has finished (or deadlocked). */
        IDLE,
        /** A thread called seL4_DebugHalt. */
        HALTED,
        /**
         * A breakpoint or watchpoint stopped the hart (the current thread is where it stopped), or
         * a debugger asked for a stop with {@link #requestStop} while the kernel handled an event.
         */
        DEBUG_STOP
    }

    /** Runs threads for at most budget instructions of machine time. */
    public Exit run(long budget) {
        long start = hart.instret();
        long end = budget > Long.MAX_VALUE - start ? Long.MAX_VALUE : start + budget;
        while (!halted) {
            if (stopRequested) {
                stopRequested = false;
                return Exit.DEBUG_STOP;
            }
            deliverPendingInterrupts();
            Tcb current = schedule();
            if (entryListeners.length != 0) {
                exited();
            }
            long now = hart.instret();
            if (current == null) {
                // The idle thread spins until the next device event: time passes, nothing retires.
                long next = interrupts.nextDeviceEvent();
                if (next == Long.MAX_VALUE || !interrupts.canWakeAThread()) {
                    return Exit.IDLE;
                }
                hart.idle(Math.min(next, end) - now);
                if (next > end) {
                    return Exit.BUDGET;
                }
                timeEvents(null);
                continue;
            }
            if (now >= end) {
                return Exit.BUDGET;
            }
            long until = Math.min(Math.min(end, nextTick), interrupts.nextDeviceEvent());
            StopReason reason = hart.run(until - now);
            switch (reason) {
                case TRAP -> enter(current, hart.trap());
                case BUDGET, STEP -> timeEvents(current);
                case BREAKPOINT, WATCHPOINT -> {
                    return Exit.DEBUG_STOP;
                }
            }
        }
        return Exit.HALTED;
    }

    /**
     * The kernel entered because time reached an event (like a timer interrupt, with FaultIP =
     * NextIP = pc): the scheduler's tick, and device interrupts.
     */
    private void timeEvents(Tcb current) {
        if (current != null) {
            current.setFaultIp(current.registers().pc());
        }
        long now = hart.instret();
        if (now >= nextTick) {
            nextTick = now - (now - nextTick) % config.instructionsPerTick() + config.instructionsPerTick();
            scheduler.tick();
        }
        for (TimerDevice timer : interrupts.timers()) {
            if (timer.fire(now)) {
                kernelEntries++;
                if (journal.isOn()) {
                    journal.record(new KernelEvent.InterruptRaised(now, timer.irq()));
                }
                if (interrupts.raise(timer.irq())) {
                    handleInterrupt(timer.irq());
                }
            }
        }
    }

    /** Interrupts that were raised while masked and whose lines are unmasked now (an Ack unmasks). */
    private void deliverPendingInterrupts() {
        for (int irq = interrupts.takePending(); irq > 0; irq = interrupts.takePending()) {
            handleInterrupt(irq);
        }
    }

    /**
     * seL4 handleInterrupt: a line with a handler signals its notification and stays masked until
     * the handler acknowledges it; a line without one is masked and dropped.
     */
    private void handleInterrupt(int irq) {
        NotificationCap notification = interrupts.notification(irq);
        interrupts.mask(irq);
        if (interrupts.state(irq) == IrqState.SIGNAL && notification != null && notification.rights().write()) {
            signals.send(notification.notification(), notification.badge());
            if (journal.isOn()) {
                journal.record(new KernelEvent.InterruptDelivered(hart.instret(), irq, notification.notification().id(),
                        notification.badge()));
            }
        } else if (journal.isOn()) {
            journal.record(new KernelEvent.InterruptDelivered(hart.instret(), irq, 0, 0));
        }
    }

    /** Carries out the scheduler's decision and readies the thread to run: the kernel's exit path. */
    private Tcb schedule() {
        Tcb current = scheduler.schedule();
        if (current != null) {
            threads.activate(current);
            // A thread's VSpace can change while it stays current (SetSpace on itself, its root
            // losing its ASID): the hart follows at the kernel's exit, as seL4's setVMRoot does.
            if (hart.registers() != current.registers() || hart.addressSpace() != addressSpaceOf(current)) {
                attach(current);
            }
        }
        return current;
    }

    private void attach(Tcb thread) {
        hart.attach(thread.registers(), addressSpaceOf(thread));
    }

    /** seL4 setVMRoot: the root's space if its ASID still names it, else nothing. */
    private AddressSpace addressSpaceOf(Tcb thread) {
        AddressSpace space = VmRoot.addressSpaceOf(thread, asids);
        return space != null ? space : EMPTY_SPACE;
    }

    /** A thread with no valid VSpace runs in nothing: its first fetch is a page fault. */
    private static final AddressSpace EMPTY_SPACE = new AddressSpace();

    private void switched(Tcb to) {
        if (to != null) {
            attach(to);
        }
        if (journal.isOn()) {
            journal.record(new KernelEvent.ThreadSwitched(hart.instret(), 0, to == null ? 0 : to.id()));
        }
    }

    /** A trap enters the kernel: ecall is a system call, anything else a fault (seL4 c_traps.c). */
    private void enter(Tcb thread, Trap trap) {
        kernelEntries++;
        thread.setFaultIp(trap.pc());
        hart.clearReservation();
        if (trap.cause() == TrapCause.ECALL_FROM_U) {
            thread.registers().setPc(trap.pc() + 4);
            syscalls.handle(thread);
        } else {
            if (journal.isOn()) {
                journal.record(new KernelEvent.TrapTaken(hart.instret(), thread.id(), thread.name(), trap.cause().code(),
                        trap.cause().description(), trap.tval(), Trapframe.of(thread.registers(), trap.pc())));
            }
            faults.handleFault(thread, faultOf(thread, trap));
        }
    }

    private void exited() {
        for (Runnable listener : entryListeners) {
            listener.run();
        }
    }

    /**
     * Makes {@link #run} return DEBUG_STOP once the kernel has finished what it is doing: a
     * debugger's journal listener calls it to stop the machine on an event (a fault raised, a
     * fault reply applied), on the machine's own thread.
     */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Runs listener at every kernel exit, once the entry is handled and the next thread chosen:
     * where seL4's invariants hold (tests check them there). A listener may throw to stop the run.
     */
    public void addEntryListener(Runnable listener) {
        entryListeners = Arrays.copyOf(entryListeners, entryListeners.length + 1);
        entryListeners[entryListeners.length - 1] = listener;
    }

    /** seL4's mapping of scause to a fault: page and access faults are VM faults, the rest user exceptions. */
    static Fault faultOf(Tcb thread, Trap trap) {
        long sp = thread.registers().get(2);
        return switch (trap.cause()) {
            case INSTRUCTION_ACCESS_FAULT, INSTRUCTION_PAGE_FAULT -> new Fault.VmFault(trap.pc(), trap.tval(), true, 1);
            case LOAD_ACCESS_FAULT, LOAD_PAGE_FAULT -> new Fault.VmFault(trap.pc(), trap.tval(), false, 5);
            case STORE_ACCESS_FAULT, STORE_PAGE_FAULT -> new Fault.VmFault(trap.pc(), trap.tval(), false, 7);
            default -> new Fault.UserException(trap.pc(), sp, trap.cause().code(), 0);
        };
    }

    void halt(Tcb thread) {
        halted = true;
        if (journal.isOn()) {
            journal.record(new KernelEvent.Halted(hart.instret(), thread.id()));
        }
    }

    public boolean isHalted() {
        return halted;
    }

    public KernelConfig config() {
        return config;
    }

    public Console console() {
        return console;
    }

    public Hart hart() {
        return hart;
    }

    public ObjectSpace objects() {
        return objects;
    }

    public AsidTable asids() {
        return asids;
    }

    /** The interrupt lines and the devices that raise them. */
    public InterruptController interrupts() {
        return interrupts;
    }

    public Journal journal() {
        return journal;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public KernelServices services() {
        return services;
    }

    FaultHandler faults() {
        return faults;
    }

    Ipc ipc() {
        return ipc;
    }

    Signals signals() {
        return signals;
    }

    IpcContext context() {
        return context;
    }

    /** Kernel entries so far (traps handled). */
    public long kernelEntries() {
        return kernelEntries;
    }

    /** The machine's clock: instructions retired. */
    public long now() {
        return hart.instret();
    }
}

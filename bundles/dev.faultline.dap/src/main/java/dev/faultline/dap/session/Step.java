package dev.faultline.dap.session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.faultline.emulator.dwarf.Function;
import dev.faultline.emulator.dwarf.FunctionKind;
import dev.faultline.emulator.dwarf.LineRow;
import dev.faultline.kernel.object.ThreadState;

/**
 * One step of one thread, at line or instruction granularity, decided after each instruction the
 * machine runs: in (to the next line, entering calls), over (to the next line of this frame or an
 * outer one, over calls and inlined calls alike) and out (until this frame has returned, or, from code inlined into its caller, until
 * the pc leaves the inlined copy). Frames are told apart by their CFA.
 */
final class Step {

    private final ThreadContext thread;
    private final StepKind kind;
    private final boolean byInstruction;
    private final long startPc;
    private final long startSp;
    private final long startFrame;
    private final Optional<LineRow> startLine;
    /** Function instances (a function and the inlined calls in it) the thread showed at the start. */
    private final int startDepth;
    private long lastPc;
    /** Set when an instruction step over a call waits for the call to return. */
    private long returnAddress = -1;
    /** The frame and line of a function's prologue that a step in has entered, to be stepped through. */
    private long prologueFrame = -1;
    private int prologueLine = -1;
    /** For a step out of code inlined into its caller: that inlined copy, whose end is the step's end. */
    private final Function inlined;

    Step(ThreadContext thread, StepKind kind, boolean byInstruction) {
        this.thread = thread;
        this.kind = kind;
        this.startPc = thread.thread().registers().pc();
        this.startSp = thread.thread().registers().get(2);
        this.startFrame = Backtrace.frameAddress(thread);
        // The line the thread shows: a line breakpoint's own, else the line table's at the pc.
        this.startLine = thread.breakpointLine().or(() -> thread.program().lineAt(startPc));
        this.startDepth = Backtrace.shownDepth(thread);
        this.byInstruction = byInstruction || startLine.isEmpty() && kind != StepKind.OUT;
        this.lastPc = startPc;
        List<Function> instances = thread.program().functionsAt(startPc);
        Function innermost = instances.isEmpty() ? null : instances.get(instances.size() - 1);
        this.inlined = kind == StepKind.OUT && innermost != null && innermost.kind() == FunctionKind.INLINED ? innermost
                : null;
    }

    long thread() {
        return thread.thread().id();
    }

    /** Whether the step is complete after the instruction the machine just ran. */
    boolean done() {
        long pc = thread.thread().registers().pc();
        if (thread.thread().state() == ThreadState.INACTIVE) {
            return true;
        }
        if (pc == lastPc) {
            return false;
        }
        long previous = lastPc;
        lastPc = pc;
        if (kind == StepKind.OUT) {
            long frame = Backtrace.frameAddress(thread);
            if (inlined != null && frame == startFrame && !inlined.contains(pc)) {
                return true;
            }
            return Long.compareUnsigned(frame, startFrame) > 0;
        }
        if (byInstruction) {
            return instructionDone(pc, previous);
        }
        Optional<LineRow> row = thread.program().lineAt(pc);
        if (row.isEmpty() || row.get().address() != pc) {
            return false;
        }
        long frame = Backtrace.frameAddress(thread);
        if (kind == StepKind.IN && frame != startFrame && isFunctionEntry(pc)) {
            // A function entered: its first line is the prologue's; stop at the body's first line, as gdb does.
            prologueFrame = frame;
            prologueLine = row.get().line();
            return false;
        }
        if (frame == prologueFrame && row.get().line() == prologueLine) {
            return false;
        }
        boolean otherLine = row.get().line() != startLine.get().line()
                || !Objects.equals(row.get().file(), startLine.get().file()) || frame != startFrame;
        if (kind == StepKind.IN) {
            return otherLine;
        }
        // A step over steps over inlined calls as over calls: deeper instances in this frame are theirs.
        if (frame == startFrame && thread.program().functionsAt(pc).size() > startDepth) {
            return false;
        }
        return otherLine && Long.compareUnsigned(frame, startFrame) >= 0;
    }

    private boolean isFunctionEntry(long pc) {
        return thread.program().elf().symbols().containing(pc).map(symbol -> symbol.value() == pc).orElse(false);
    }

    private boolean instructionDone(long pc, long previous) {
        if (kind == StepKind.IN) {
            return true;
        }
        if (returnAddress < 0 && previous == startPc) {
            long ra = thread.thread().registers().get(1);
            boolean called = (ra == startPc + 4 || ra == startPc + 2) && pc != ra;
            if (!called) {
                return true;
            }
            returnAddress = ra;
            return false;
        }
        return pc == returnAddress && thread.thread().registers().get(2) == startSp;
    }
}

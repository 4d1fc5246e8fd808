package dev.faultline.dap.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.faultline.emulator.dwarf.CallFrameInfo;
import dev.faultline.emulator.dwarf.DebugInfo;
import dev.faultline.emulator.dwarf.DwarfAttribute;
import dev.faultline.emulator.dwarf.DwarfFormatException;
import dev.faultline.emulator.dwarf.Frame;
import dev.faultline.emulator.dwarf.Function;
import dev.faultline.emulator.dwarf.FunctionKind;
import dev.faultline.emulator.dwarf.LineRow;
import dev.faultline.emulator.dwarf.RegisterReader;
import dev.faultline.emulator.dwarf.UnwindException;
import dev.faultline.emulator.dwarf.Unwinder;

/**
 * A thread's call stack: unwound with DWARF call frame information where the program has it,
 * else by the frame pointer chain (s0 points above the saved ra and caller's s0, as GCC lays
 * frames out with -fno-omit-frame-pointer); each frame with its function and source line, and
 * code inlined into a frame as frames of its own.
 */
public final class Backtrace {

    /** Frames a backtrace shows at most: a runaway recursion must not stall the session. */
    public static final int MAX_FRAMES = 256;

    private Backtrace() {
    }

    /**
     * One frame: level 0 is the innermost; cfa is the caller's sp at the call, when known.
     *
     * @param scopePc the pc whose scope the frame's variables come from: pc in the innermost
     *        frame, the call (pc - 1) in a caller, whose pc is a return address
     * @param instance the function or inlined copy the frame runs, when DWARF names one
     * @param registers the frame's registers: all of them in the innermost frame (and the code
     *        inlined into it); in a caller, only those a call preserves
     */
    public record StackFrame(int level, long pc, OptionalLong cfa, String function, Optional<LineRow> line,
            long scopePc, Optional<Function> instance, RegisterReader registers) {
    }

    // What a call preserves (RISC-V psABI): sp, gp, tp and s0..s11. A caller's other registers
    // hold whatever its callees left there, so a value the caller kept in one is lost.
    private static final long PRESERVED = 1L << 2 | 1L << 3 | 1L << 4 | 1L << 8 | 1L << 9 | 0xffcL << 16;

    public static List<StackFrame> of(ThreadContext thread) {
        return of(thread, MAX_FRAMES);
    }

    /**
     * The innermost frames, from at most rawFrames machine frames (each one a function's frame and
     * its inlined copies): as much as a frame's variables need, at every breakpoint hit when a
     * condition names one.
     */
    public static List<StackFrame> of(ThreadContext thread, int rawFrames) {
        long pc = thread.thread().registers().pc();
        List<StackFrame> frames = new ArrayList<>();
        for (Raw frame : unwind(thread, pc, rawFrames)) {
            long at = frame.pc();
            boolean innermost = frames.isEmpty();
            // A caller's pc is a return address, possibly past its call's line: look up the call.
            long lookup = innermost ? at : at - 1;
            RegisterReader registers = innermost ? frame.registers()
                    : r -> r >= 0 && r < 64 && (PRESERVED >>> r & 1) != 0 ? frame.registers().read(r) : OptionalLong.empty();
            Optional<LineRow> line = thread.program().lineAt(lookup);
            List<Function> instances = thread.program().functionsAt(lookup);
            if (innermost && thread.breakpointLine().isPresent()) {
                // Stopped by a line breakpoint: the thread stands at the line the user set it on,
                // in the caller of any inlined call that line makes (whose code starts here too).
                int hidden = hiddenInlines(instances, thread.breakpointLine().get());
                instances = instances.subList(0, instances.size() - hidden);
                line = thread.breakpointLine();
            }
            if (instances.isEmpty()) {
                frames.add(new StackFrame(frames.size(), at, frame.cfa(),
                        thread.program().functionAt(lookup).orElse("0x" + Long.toHexString(at)), line, lookup,
                        Optional.empty(), registers));
                continue;
            }
            // Code inlined into a function shows as frames of its own, innermost first, as a
            // debugger shows calls; each inlined copy's caller stands at the copy's call site.
            for (int i = instances.size() - 1; i >= 0; i--) {
                Function instance = instances.get(i);
                frames.add(new StackFrame(frames.size(), at, frame.cfa(), instance.name(), line, lookup,
                        Optional.of(instance), registers));
                if (instance.kind() != FunctionKind.INLINED) {
                    break;
                }
                line = callSite(instance, at);
            }
        }
        return frames;
    }

    /** How many of the innermost instances are inlined calls made on line (at it, or within one it calls). */
    private static int hiddenInlines(List<Function> instances, LineRow line) {
        for (int i = instances.size() - 1; i >= 0 && instances.get(i).kind() == FunctionKind.INLINED; i--) {
            Optional<LineRow> call = callSite(instances.get(i), 0);
            if (call.isPresent() && call.get().line() == line.line() && call.get().file().equals(line.file())) {
                return instances.size() - i;
            }
        }
        return 0;
    }

    /** The function instances a thread's innermost frame shows: at its pc, less the inlined calls a line breakpoint hides. */
    static int shownDepth(ThreadContext thread) {
        List<Function> instances = thread.program().functionsAt(thread.thread().registers().pc());
        return instances.size() - thread.breakpointLine().map(line -> hiddenInlines(instances, line)).orElse(0);
    }

    /** Where an inlined copy was called from: DW_AT_call_file and DW_AT_call_line of its entry. */
    private static Optional<LineRow> callSite(Function inlined, long pc) {
        OptionalLong file = inlined.die().constant(DwarfAttribute.CALL_FILE);
        OptionalLong line = inlined.die().constant(DwarfAttribute.CALL_LINE);
        if (file.isEmpty() || line.isEmpty()) {
            return Optional.empty();
        }
        return inlined.die().unit().filePath(file.getAsLong())
                .map(path -> new LineRow(pc, path, (int) line.getAsLong(), 0, true));
    }

    /** The CFA of the innermost frame (the function's own frame, steady through its body), else sp. */
    public static long frameAddress(ThreadContext thread) {
        Optional<CallFrameInfo> cfi = thread.program().debugInfo().flatMap(DebugInfo::callFrames);
        if (cfi.isPresent()) {
            try {
                List<Frame> frames = new Unwinder(cfi.get()).backtrace(thread.thread().registers().pc(),
                        live(thread), thread::read, 1);
                if (!frames.isEmpty() && frames.get(0).cfa().isPresent()) {
                    return frames.get(0).cfa().getAsLong();
                }
            } catch (UnwindException | DwarfFormatException e) {
                // fall back to sp below
            }
        }
        return thread.thread().registers().get(2);
    }

    /** A frame as the unwinder found it. */
    private record Raw(long pc, OptionalLong cfa, RegisterReader registers) {
    }

    private static RegisterReader live(ThreadContext thread) {
        return r -> r >= 0 && r < 32 ? OptionalLong.of(thread.register(r)) : OptionalLong.empty();
    }

    private static List<Raw> unwind(ThreadContext thread, long pc, int limit) {
        Optional<CallFrameInfo> cfi = thread.program().debugInfo().flatMap(DebugInfo::callFrames);
        if (cfi.isPresent()) {
            try {
                List<Raw> frames = new ArrayList<>();
                for (Frame frame : new Unwinder(cfi.get()).backtrace(pc, live(thread), thread::read, limit)) {
                    frames.add(new Raw(frame.pc(), frame.cfa(), frame.registers()));
                }
                if (frames.size() > 1 || cfi.get().fdeFor(pc).isPresent()) {
                    return frames;
                }
            } catch (UnwindException | DwarfFormatException e) {
                // the frame pointer below may still give a backtrace
            }
        }
        return framePointerChain(thread, pc, limit);
    }

    private static List<Raw> framePointerChain(ThreadContext thread, long pc, int limit) {
        List<Raw> frames = new ArrayList<>();
        long framePc = pc;
        long fp = thread.thread().registers().get(8);
        while (frames.size() < limit - 1 && fp != 0 && (fp & 7) == 0) {
            OptionalLong ra = thread.read(fp - 8, 8);
            OptionalLong callerFp = thread.read(fp - 16, 8);
            if (ra.isEmpty() || callerFp.isEmpty() || ra.getAsLong() == 0) {
                break;
            }
            frames.add(new Raw(framePc, OptionalLong.of(fp), frames.isEmpty() ? live(thread) : r -> OptionalLong.empty()));
            framePc = ra.getAsLong();
            if (Long.compareUnsigned(callerFp.getAsLong(), fp) <= 0) {
                break;
            }
            fp = callerFp.getAsLong();
        }
        frames.add(new Raw(framePc, OptionalLong.empty(), frames.isEmpty() ? live(thread) : r -> OptionalLong.empty()));
        return frames;
    }
}

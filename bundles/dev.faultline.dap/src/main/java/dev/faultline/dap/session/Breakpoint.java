package dev.faultline.dap.session;

import java.util.List;
import java.util.Optional;

import dev.faultline.emulator.dwarf.LineRow;

/**
 * A breakpoint as the machine holds it: where it stops (the addresses in its program), what it
 * evaluates at a hit, and how often it was hit. Unverified breakpoints have no addresses and a
 * message saying why.
 */
public final class Breakpoint {

    private final int id;
    private final Program program;
    private final List<Long> addresses;
    private final Expression condition;
    private final HitCondition hitCondition;
    private final LogMessage logMessage;
    private final String message;
    private final Optional<LineRow> sourceLine;
    private long hits;

    Breakpoint(int id, Program program, List<Long> addresses, BreakpointSpec spec, String message) {
        this(id, program, addresses, spec, message, Optional.empty());
    }

    /** A breakpoint; sourceLine is the file and line a line breakpoint was set on (after moving to code). */
    Breakpoint(int id, Program program, List<Long> addresses, BreakpointSpec spec, String message,
            Optional<LineRow> sourceLine) {
        this.sourceLine = sourceLine;
        this.id = id;
        this.program = program;
        this.addresses = List.copyOf(addresses);
        this.condition = spec.condition() == null || spec.condition().isBlank() ? null : Expression.parse(spec.condition());
        this.hitCondition = spec.hitCondition() == null || spec.hitCondition().isBlank() ? null
                : HitCondition.parse(spec.hitCondition());
        this.logMessage = spec.logMessage() == null ? null : LogMessage.parse(spec.logMessage());
        this.message = message;
    }

    public int id() {
        return id;
    }

    public boolean verified() {
        return !addresses.isEmpty();
    }

    /** Why the breakpoint is not verified, or a note on a verified one; null for none. */
    public String message() {
        return message;
    }

    public List<Long> addresses() {
        return addresses;
    }

    /** The program it is set in; null when it could not be placed. */
    public Program program() {
        return program;
    }

    /** The source line it was set on, else that of its first address, when the line table has one. */
    public Optional<LineRow> line() {
        if (sourceLine.isPresent()) {
            return sourceLine;
        }
        return addresses.isEmpty() || program == null ? Optional.empty() : program.lineAt(addresses.get(0));
    }

    /** What a hit does. */
    public enum Action {
        STOP,
        LOG,
        NOTHING
    }

    /** Counts a hit by the thread and answers what it does: stop, log, or nothing (condition false, hit count not met). */
    Action hit(ThreadContext thread) {
        if (condition != null && condition.evaluate(thread) == 0) {
            return Action.NOTHING;
        }
        hits++;
        if (hitCondition != null && !hitCondition.allows(hits)) {
            return Action.NOTHING;
        }
        return logMessage != null ? Action.LOG : Action.STOP;
    }

    String log(ThreadContext thread) {
        return logMessage.format(thread);
    }
}

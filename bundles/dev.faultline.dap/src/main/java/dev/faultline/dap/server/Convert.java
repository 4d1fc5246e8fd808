package dev.faultline.dap.server;

import org.eclipse.lsp4j.debug.BreakpointEventArguments;
import org.eclipse.lsp4j.debug.BreakpointEventArgumentsReason;
import org.eclipse.lsp4j.debug.StoppedEventArguments;

import dev.faultline.dap.session.Breakpoint;
import dev.faultline.dap.session.Expression;
import dev.faultline.dap.session.SessionException;
import dev.faultline.dap.session.Stop;

/** Machine-side values as lsp4j's protocol types. */
public final class Convert {

    private Convert() {
    }

    /** A breakpoint as a setBreakpoints response or a breakpoint event shows it. */
    public static org.eclipse.lsp4j.debug.Breakpoint breakpoint(Breakpoint breakpoint) {
        org.eclipse.lsp4j.debug.Breakpoint dap = new org.eclipse.lsp4j.debug.Breakpoint();
        dap.setId(breakpoint.id());
        dap.setVerified(breakpoint.verified());
        dap.setMessage(breakpoint.message());
        breakpoint.line().ifPresent(row -> {
            dap.setSource(DapSession.source(row.file()));
            dap.setLine(row.line());
        });
        if (breakpoint.verified()) {
            dap.setInstructionReference(address(breakpoint.addresses().get(0)));
        }
        return dap;
    }

    /** An unverified breakpoint, kept until a program is launched. */
    public static org.eclipse.lsp4j.debug.Breakpoint pending(int id) {
        org.eclipse.lsp4j.debug.Breakpoint dap = new org.eclipse.lsp4j.debug.Breakpoint();
        dap.setId(id);
        dap.setVerified(false);
        dap.setMessage("no program is launched yet: the breakpoint is placed at launch");
        return dap;
    }

    public static BreakpointEventArguments breakpointEvent(Breakpoint breakpoint) {
        BreakpointEventArguments event = new BreakpointEventArguments();
        event.setReason(BreakpointEventArgumentsReason.CHANGED);
        event.setBreakpoint(breakpoint(breakpoint));
        return event;
    }

    /** A stop as a stopped event: every thread stops with the machine. */
    public static StoppedEventArguments stopped(Stop stop) {
        StoppedEventArguments event = new StoppedEventArguments();
        event.setReason(stop.reason().dapName());
        event.setDescription(stop.description());
        event.setThreadId((int) stop.thread());
        event.setAllThreadsStopped(true);
        if (!stop.breakpoints().isEmpty()) {
            event.setHitBreakpointIds(stop.breakpoints().toArray(Integer[]::new));
        }
        if (stop.filter() != null) {
            event.setText(stop.filter().id());
        }
        return event;
    }

    /** A memory reference or instruction pointer reference: the address in hex. */
    public static String address(long address) {
        return "0x" + Long.toHexString(address);
    }

    /** An address from a memory reference ("0x1f0", or decimal) plus an offset. */
    public static long parseAddress(String reference, Integer offset) {
        if (reference == null) {
            throw new SessionException(SessionException.BAD_ARGUMENT,
                    "no memory reference given");
        }
        String text = reference.trim();
        try {
            long base = text.startsWith("0x") || text.startsWith("0X") ? Long.parseUnsignedLong(text.substring(2), 16)
                    : Long.parseUnsignedLong(text);
            return base + (offset == null ? 0 : offset);
        } catch (NumberFormatException e) {
            throw new SessionException(SessionException.BAD_ARGUMENT,
                    "memory reference '" + reference + "' is not an address (expected 0x followed by hex digits)");
        }
    }

    /** A register value as the Registers scope shows it. */
    public static String hex(long value) {
        return Expression.Radix.HEX.format(value);
    }
}

package dev.faultline.dap.handler;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.debug.GotoArguments;
import org.eclipse.lsp4j.debug.GotoTarget;
import org.eclipse.lsp4j.debug.GotoTargetsArguments;
import org.eclipse.lsp4j.debug.GotoTargetsResponse;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.server.References;
import dev.faultline.dap.session.BreakpointTable;
import dev.faultline.dap.session.Debuggee;
import dev.faultline.dap.session.SessionException;

/**
 * gotoTargets and goto, a debugger's jump (VS Code's Jump to Cursor): the addresses a source line
 * has, and moving a stopped thread to one, so that it goes on from there. A line without code
 * moves down to the next line with code, as a breakpoint does. The machine stays stopped: goto
 * answers, then the stopped event (reason goto) follows.
 */
public final class GotoHandler {

    private final DapSession session;

    public GotoHandler(DapSession session) {
        this.session = session;
    }

    public GotoTargetsResponse targets(GotoTargetsArguments arguments) {
        String path = arguments.getSource() == null ? null : arguments.getSource().getPath();
        if (path == null) {
            throw new SessionException(SessionException.BAD_ARGUMENT, "gotoTargets needs a source with a path");
        }
        BreakpointTable.Placement place = session.call(debuggee -> debuggee.breakpoints().placeLine(path,
                arguments.getLine()));
        if (place.addresses().isEmpty()) {
            throw new SessionException(SessionException.BAD_ARGUMENT, "no place to go to: " + place.message());
        }
        int line = place.line().map(row -> row.line()).orElse(arguments.getLine());
        List<GotoTarget> targets = new ArrayList<>();
        for (long address : place.addresses()) {
            GotoTarget target = new GotoTarget();
            target.setId(session.references().add(new References.GotoRef(address)));
            target.setLabel(place.addresses().size() == 1 ? "line " + line : "line " + line + " at " + Convert.address(address));
            target.setLine(line);
            target.setInstructionPointerReference(Convert.address(address));
            targets.add(target);
        }
        GotoTargetsResponse response = new GotoTargetsResponse();
        response.setTargets(targets.toArray(GotoTarget[]::new));
        return response;
    }

    public void go(GotoArguments arguments) {
        if (!(session.references().get(arguments.getTargetId()) instanceof References.GotoRef target)) {
            throw new SessionException(SessionException.BAD_ARGUMENT, "no goto target " + arguments.getTargetId()
                    + " at this stop (targets last until the machine runs again)");
        }
        session.call(debuggee -> {
            DapSession.thread(debuggee, arguments.getThreadId());
            if (debuggee.mode() != Debuggee.Mode.STOPPED) {
                throw new SessionException(SessionException.NOT_STOPPED, "the machine is not stopped: pause it first");
            }
            return null;
        });
        session.afterResponse(() -> session.host().machine().post(debuggee -> debuggee.moveTo(arguments.getThreadId(),
                target.address())));
    }
}

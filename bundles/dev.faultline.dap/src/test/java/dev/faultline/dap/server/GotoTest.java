package dev.faultline.dap.server;

import static dev.faultline.dap.server.TestClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.lsp4j.debug.GotoArguments;
import org.eclipse.lsp4j.debug.GotoTarget;
import org.eclipse.lsp4j.debug.GotoTargetsArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;

/** gotoTargets and goto: moving a stopped thread to a line (Jump to Cursor), the machine staying stopped. */
class GotoTest extends ServerFixture {

    private GotoTarget[] targets(Path file, int line) {
        GotoTargetsArguments arguments = new GotoTargetsArguments();
        arguments.setSource(source(file));
        arguments.setLine(line);
        return await(client.server().gotoTargets(arguments)).getTargets();
    }

    private void go(int thread, int target) {
        GotoArguments arguments = new GotoArguments();
        arguments.setThreadId(thread);
        arguments.setTargetId(target);
        await(client.server().goto_(arguments));
    }

    @Test
    void aThreadMovedToALineGoesOnFromThere() {
        StackFrame square = stopInSquare();
        int thread = await(client.server().threads()).getThreads()[0].getId();
        int back = lineOf(stepsSource(), "return result;");
        GotoTarget[] found = targets(stepsSource(), back);
        assertEquals(1, found.length);
        assertEquals(back, found[0].getLine());
        go(thread, found[0].getId());
        StoppedEventArguments stopped = client.stopped();
        assertEquals("goto", stopped.getReason());
        StackFrame top = frames(thread)[0];
        assertLine(back, top);
        assertEquals(found[0].getInstructionPointerReference(), top.getInstructionPointerReference());
        assertTrue(!top.getInstructionPointerReference().equals(square.getInstructionPointerReference()));

        int comment = lineOf(stepsSource(), "static long square(long x)") - 1;
        assertTrue(targets(stepsSource(), comment)[0].getLine() > comment, "a line without code moves down to code");
        ResponseErrorException nowhere = assertThrows(ResponseErrorException.class,
                () -> targets(Path.of("/nowhere/other.c"), 3));
        assertTrue(nowhere.getMessage().contains("other.c"), nowhere.getMessage());
        ResponseErrorException stale = assertThrows(ResponseErrorException.class, () -> go(thread, 9999));
        assertTrue(stale.getMessage().contains("no goto target"), stale.getMessage());
    }
}

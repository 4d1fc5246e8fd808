package dev.faultline.dap.handler;

import java.util.Base64;

import org.eclipse.lsp4j.debug.InvalidatedAreas;
import org.eclipse.lsp4j.debug.ReadMemoryArguments;
import org.eclipse.lsp4j.debug.ReadMemoryResponse;
import org.eclipse.lsp4j.debug.WriteMemoryArguments;
import org.eclipse.lsp4j.debug.WriteMemoryResponse;

import dev.faultline.dap.server.Convert;
import dev.faultline.dap.server.DapSession;
import dev.faultline.dap.session.Debuggee;
import dev.faultline.dap.session.SessionException;
import dev.faultline.emulator.memory.AddressSpace;
import dev.faultline.kernel.object.Tcb;

/**
 * readMemory and writeMemory, in the address space of the stopped thread (else the first
 * program's): the debugger's view, which neither checks permissions nor fires watchpoints.
 */
public final class MemoryHandler {

    /** The most one readMemory answers, so that one request cannot exhaust the adapter. */
    static final int MAX_READ = 1 << 20;

    private final DapSession session;

    public MemoryHandler(DapSession session) {
        this.session = session;
    }

    public ReadMemoryResponse readMemory(ReadMemoryArguments arguments) {
        long address = Convert.parseAddress(arguments.getMemoryReference(), arguments.getOffset());
        int count = Math.min(Math.max(0, arguments.getCount()), MAX_READ);
        byte[] bytes = new byte[count];
        int read = session.call(debuggee -> memory(debuggee).read(address, bytes, 0, count));
        ReadMemoryResponse response = new ReadMemoryResponse();
        response.setAddress(Convert.address(address));
        if (read < count) {
            response.setUnreadableBytes(count - read);
        }
        byte[] readable = new byte[read];
        System.arraycopy(bytes, 0, readable, 0, read);
        response.setData(Base64.getEncoder().encodeToString(readable));
        return response;
    }

    public WriteMemoryResponse writeMemory(WriteMemoryArguments arguments) {
        long address = Convert.parseAddress(arguments.getMemoryReference(), arguments.getOffset());
        byte[] data;
        try {
            data = Base64.getDecoder().decode(arguments.getData() == null ? "" : arguments.getData());
        } catch (IllegalArgumentException e) {
            throw new SessionException(SessionException.BAD_ARGUMENT, "writeMemory data is not base64: " + e.getMessage());
        }
        boolean partial = Boolean.TRUE.equals(arguments.getAllowPartial());
        int written = session.call(debuggee -> {
            AddressSpace memory = memory(debuggee);
            byte[] probe = new byte[data.length];
            int writable = memory.read(address, probe, 0, data.length);
            if (writable < data.length && !partial) {
                throw new SessionException(SessionException.MEMORY, "memory at " + Convert.address(address + writable)
                        + " is not mapped: nothing was written (allowPartial writes what is mapped)");
            }
            return memory.write(address, data, 0, writable);
        });
        if (written > 0) {
            // The writer's own memory view knows; its other views of the range, the locals and
            // IPC buffer words in it, and return addresses the backtrace reads from it do not.
            session.memoryChanged(address, written);
            session.invalidated(null, InvalidatedAreas.STACKS, InvalidatedAreas.VARIABLES);
        }
        WriteMemoryResponse response = new WriteMemoryResponse();
        response.setBytesWritten(written);
        return response;
    }

    /** The address space memory requests use: the stopped thread's, else the first program's first thread's. */
    static AddressSpace memory(Debuggee debuggee) {
        Tcb thread = debuggee.stop() != null ? debuggee.machine().thread(debuggee.stop().thread()) : null;
        AddressSpace space = thread != null ? debuggee.machine().addressSpace(thread) : null;
        if (space == null) {
            space = debuggee.machine().programSpaces().keySet().stream().findFirst().orElse(null);
        }
        if (space == null) {
            throw new SessionException(SessionException.MEMORY, "no address space to read: no thread has a valid VSpace");
        }
        return space;
    }
}

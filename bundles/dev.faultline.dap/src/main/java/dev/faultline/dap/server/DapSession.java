package dev.faultline.dap.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.InvalidatedEventArguments;
import org.eclipse.lsp4j.debug.MemoryEventArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;

import dev.faultline.dap.session.Breakpoint;
import dev.faultline.dap.session.Debuggee;
import dev.faultline.dap.session.ExceptionFilter;
import dev.faultline.dap.session.MachineListener;
import dev.faultline.dap.session.MachineOutput;
import dev.faultline.dap.session.SessionException;
import dev.faultline.dap.session.Stop;
import dev.faultline.kernel.object.Tcb;

/**
 * One client's session with the machine: the host, the client's event channel, the references
 * handed out at the current stop, the breakpoint requests (kept so they can be placed once a
 * program is launched), and what to do once the current response has been written.
 */
public final class DapSession {

    private final MachineHost host;
    private final References references = new References();
    private final Queue<Runnable> afterResponse = new ConcurrentLinkedQueue<>();
    private final Map<String, Function<Debuggee, List<Breakpoint>>> breakpointGroups = new LinkedHashMap<>();
    private final AtomicInteger nextBreakpointId = new AtomicInteger(1);
    private java.util.Set<ExceptionFilter> exceptionFilters = java.util.EnumSet.noneOf(ExceptionFilter.class);
    private IDebugProtocolClient client;
    private ClientEvents events;
    private volatile boolean connected;
    /** What the client said in initialize it takes: events it did not name are never sent. */
    private volatile boolean takesInvalidated;
    private volatile boolean takesMemory;
    /** Whether the client counts columns from 1 (DAP's default) or from 0. */
    private volatile boolean columnsStartAt1 = true;

    DapSession(MachineHost host) {
        this.host = host;
    }

    void connect(IDebugProtocolClient remote) {
        this.client = remote;
        this.events = new ClientEvents(remote, references);
    }

    /** Keeps what the client's initialize said it supports, for the events only such clients get. */
    void clientSupports(InitializeRequestArguments arguments) {
        takesInvalidated = arguments != null && Boolean.TRUE.equals(arguments.getSupportsInvalidatedEvent());
        takesMemory = arguments != null && Boolean.TRUE.equals(arguments.getSupportsMemoryEvent());
        columnsStartAt1 = arguments == null || !Boolean.FALSE.equals(arguments.getColumnsStartAt1());
    }

    /** The number the client gives the first column: 1, unless its initialize said columnsStartAt1 false. */
    public int firstColumn() {
        return columnsStartAt1 ? 1 : 0;
    }

    /**
     * After the response: what the client fetched of these areas (for one thread, or for all when
     * thread is null) changed under it. Only for a client that takes invalidated events.
     */
    public void invalidated(Long thread, String... areas) {
        if (!takesInvalidated) {
            return;
        }
        InvalidatedEventArguments event = new InvalidatedEventArguments();
        event.setAreas(areas);
        event.setThreadId(thread == null ? null : Math.toIntExact(thread));
        afterResponse(() -> client.invalidated(event));
    }

    /** After the response: count bytes at address changed. Only for a client that takes memory events. */
    public void memoryChanged(long address, int count) {
        if (!takesMemory) {
            return;
        }
        MemoryEventArguments event = new MemoryEventArguments();
        event.setMemoryReference(Convert.address(address));
        event.setOffset(0);
        event.setCount(count);
        afterResponse(() -> client.memory(event));
    }

    public IDebugProtocolClient client() {
        return client;
    }

    public MachineHost host() {
        return host;
    }

    public References references() {
        return references;
    }

    /** Runs command on the machine thread and answers its result. */
    public <T> T call(Function<Debuggee, T> command) {
        return host.machine().call(command);
    }

    /** Whether this client launched or attached: it receives the machine's events. */
    public boolean isConnected() {
        return connected;
    }

    /**
     * Makes this client the machine's: its events and output come here, its breakpoints and filters
     * apply. Answers the stop the machine stands at as this client joins (null when it runs): no
     * stopped event has told this client of that one, while any later stop is sent to it.
     */
    public Stop connectMachine() {
        connected = true;
        Stop standing = call(debuggee -> {
            debuggee.setListener(events);
            debuggee.machine().setOutput(events);
            debuggee.setExceptionFilters(exceptionFilters);
            return debuggee.stop();
        });
        breakpointGroups.values().forEach(group -> afterResponse(() -> {
            for (Breakpoint breakpoint : call(group)) {
                client.breakpoint(Convert.breakpointEvent(breakpoint));
            }
        }));
        return standing;
    }

    /** Lets go of the machine: its breakpoints, filters and events leave with this client. */
    public void disconnectMachine() {
        if (!connected) {
            return;
        }
        connected = false;
        call(debuggee -> {
            debuggee.setListener(MachineListener.NONE);
            debuggee.machine().setOutput(MachineOutput.NONE);
            debuggee.breakpoints().clear();
            debuggee.watches().clear();
            debuggee.setExceptionFilters(java.util.Set.of());
            return null;
        });
    }

    /** Sets a group of breakpoints now if a machine is connected (empty if not: they wait for the launch). */
    public java.util.Optional<List<Breakpoint>> setBreakpoints(String group, Function<Debuggee, List<Breakpoint>> place) {
        breakpointGroups.put(group, place);
        return connected ? java.util.Optional.of(call(place)) : java.util.Optional.empty();
    }

    public void setExceptionFilters(java.util.Set<ExceptionFilter> filters) {
        exceptionFilters = filters;
        if (connected) {
            call(debuggee -> {
                debuggee.setExceptionFilters(filters);
                return null;
            });
        }
    }

    /** The id the next breakpoint gets: ids stay the same when a pending breakpoint is placed. */
    public int nextBreakpointId() {
        return nextBreakpointId.getAndIncrement();
    }

    /** Runs action once the response now being answered has been written (its events must follow it). */
    public void afterResponse(Runnable action) {
        afterResponse.add(action);
    }

    void responseWritten() {
        for (Runnable action = afterResponse.poll(); action != null; action = afterResponse.poll()) {
            action.run();
        }
    }

    /** The thread a DAP thread id names. */
    public static Tcb thread(Debuggee debuggee, int id) {
        return debuggee.machine().thread(id);
    }

    /** The thread of a frame id from a stackTrace response. */
    public References.FrameRef frame(int frameId) {
        if (references.get(frameId) instanceof References.FrameRef frame) {
            return frame;
        }
        throw new SessionException(SessionException.BAD_ARGUMENT, "no stack frame " + frameId
                + " at this stop (frame ids last until the machine runs again)");
    }

    /** A DAP source for a path from the line table. */
    public static Source source(String path) {
        Source source = new Source();
        source.setPath(path);
        source.setName(java.nio.file.Path.of(path).getFileName().toString());
        return source;
    }
}

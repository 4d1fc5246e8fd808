package dev.faultline.dap.server;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.eclipse.lsp4j.debug.BreakpointLocationsArguments;
import org.eclipse.lsp4j.debug.BreakpointLocationsResponse;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ContinueResponse;
import org.eclipse.lsp4j.debug.CompletionsArguments;
import org.eclipse.lsp4j.debug.GotoArguments;
import org.eclipse.lsp4j.debug.GotoTargetsArguments;
import org.eclipse.lsp4j.debug.GotoTargetsResponse;
import org.eclipse.lsp4j.debug.CompletionsResponse;
import org.eclipse.lsp4j.debug.DataBreakpointInfoArguments;
import org.eclipse.lsp4j.debug.DataBreakpointInfoResponse;
import org.eclipse.lsp4j.debug.DisassembleArguments;
import org.eclipse.lsp4j.debug.DisassembleResponse;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.ExceptionInfoArguments;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.LoadedSourcesArguments;
import org.eclipse.lsp4j.debug.LoadedSourcesResponse;
import org.eclipse.lsp4j.debug.ModulesArguments;
import org.eclipse.lsp4j.debug.ModulesResponse;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.ReadMemoryArguments;
import org.eclipse.lsp4j.debug.ReadMemoryResponse;
import org.eclipse.lsp4j.debug.RestartArguments;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetDataBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExpressionArguments;
import org.eclipse.lsp4j.debug.SetExpressionResponse;
import org.eclipse.lsp4j.debug.SetDataBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetInstructionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetInstructionBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.lsp4j.debug.SetVariableResponse;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.TerminateArguments;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.VariablesResponse;
import org.eclipse.lsp4j.debug.WriteMemoryArguments;
import org.eclipse.lsp4j.debug.WriteMemoryResponse;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

import dev.faultline.dap.handler.BreakpointsHandler;
import dev.faultline.dap.handler.CompletionsHandler;
import dev.faultline.dap.handler.DataBreakpointsHandler;
import dev.faultline.dap.handler.GotoHandler;
import dev.faultline.dap.handler.SetVariableHandler;
import dev.faultline.dap.handler.DisassembleHandler;
import dev.faultline.dap.handler.EvaluateHandler;
import dev.faultline.dap.handler.ExceptionInfoHandler;
import dev.faultline.dap.handler.FaultlineHandler;
import dev.faultline.dap.handler.KernelObjectsHandler;
import dev.faultline.dap.handler.LaunchHandler;
import dev.faultline.dap.handler.MemoryHandler;
import dev.faultline.dap.handler.ModulesHandler;
import dev.faultline.dap.handler.RunControlHandler;
import dev.faultline.dap.handler.StackHandler;
import dev.faultline.dap.handler.VariablesHandler;
import dev.faultline.dap.session.ExceptionFilter;
import dev.faultline.dap.session.SessionException;
import dev.faultline.dap.session.StepKind;

/**
 * The DAP server of one client connection: each request goes to its handler, which does its work
 * on the machine thread and answers before the reader takes the next request. Requests that are
 * not listed here are answered with an error by lsp4j, and not advertised by initialize.
 */
public final class DapServer implements IDebugProtocolServer, FaultlineServer {

    private final DapSession session;
    private final LaunchHandler launch;
    private final RunControlHandler run;
    private final StackHandler stack;
    private final VariablesHandler variables;
    private final BreakpointsHandler breakpoints;
    private final MemoryHandler memory;
    private final DisassembleHandler disassembly;
    private final EvaluateHandler evaluation;
    private final ExceptionInfoHandler exceptions;
    private final ModulesHandler modules;
    private final FaultlineHandler faultline;
    private final KernelObjectsHandler kernelObjects;
    private final DataBreakpointsHandler data;
    private final SetVariableHandler setVariable;
    private final CompletionsHandler completions;
    private final GotoHandler gotos;

    public DapServer(MachineHost host) {
        this.session = new DapSession(host);
        this.launch = new LaunchHandler(session);
        this.run = new RunControlHandler(session);
        this.stack = new StackHandler(session);
        this.variables = new VariablesHandler(session);
        this.breakpoints = new BreakpointsHandler(session);
        this.memory = new MemoryHandler(session);
        this.disassembly = new DisassembleHandler(session);
        this.evaluation = new EvaluateHandler(session);
        this.setVariable = new SetVariableHandler(session, evaluation);
        this.exceptions = new ExceptionInfoHandler(session);
        this.modules = new ModulesHandler(session);
        this.faultline = new FaultlineHandler(session);
        this.kernelObjects = new KernelObjectsHandler(session);
        this.data = new DataBreakpointsHandler(session);
        this.completions = new CompletionsHandler(session);
        this.gotos = new GotoHandler(session);
    }

    public DapSession session() {
        return session;
    }

    /** Answers now, on the reader thread: a failure becomes an error response with body.error. */
    private static <T> CompletableFuture<T> answer(Supplier<T> work) {
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(DapErrors.error(DapErrors.fromThrowable(e)));
        }
    }

    private static CompletableFuture<Void> perform(Runnable work) {
        return answer(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public CompletableFuture<Capabilities> initialize(InitializeRequestArguments arguments) {
        return answer(() -> {
            session.host().claim(session);
            session.clientSupports(arguments);
            session.afterResponse(() -> session.client().initialized());
            return capabilities();
        });
    }

    /** Exactly what this adapter implements. */
    static Capabilities capabilities() {
        Capabilities capabilities = new Capabilities();
        capabilities.setSupportsConfigurationDoneRequest(true);
        capabilities.setSupportsFunctionBreakpoints(true);
        capabilities.setSupportsConditionalBreakpoints(true);
        capabilities.setSupportsHitConditionalBreakpoints(true);
        capabilities.setSupportsLogPoints(true);
        capabilities.setSupportsInstructionBreakpoints(true);
        capabilities.setSupportsDataBreakpoints(true);
        capabilities.setSupportsDataBreakpointBytes(true);
        capabilities.setSupportsCompletionsRequest(true);
        capabilities.setSupportsGotoTargetsRequest(true);
        capabilities.setSupportsBreakpointLocationsRequest(true);
        capabilities.setSupportsSetExpression(true);
        capabilities.setSupportsEvaluateForHovers(true);
        capabilities.setSupportsSetVariable(true);
        capabilities.setSupportsModulesRequest(true);
        capabilities.setSupportsLoadedSourcesRequest(true);
        capabilities.setSupportsExceptionInfoRequest(true);
        capabilities.setSupportTerminateDebuggee(true);
        capabilities.setSupportSuspendDebuggee(true);
        capabilities.setSupportsTerminateRequest(true);
        capabilities.setSupportsRestartRequest(true);
        capabilities.setSupportsReadMemoryRequest(true);
        capabilities.setSupportsWriteMemoryRequest(true);
        capabilities.setSupportsDisassembleRequest(true);
        capabilities.setSupportsSteppingGranularity(true);
        capabilities.setSupportsDelayedStackTraceLoading(true);
        ExceptionFilter[] all = ExceptionFilter.values();
        ExceptionBreakpointsFilter[] filters = new ExceptionBreakpointsFilter[all.length];
        for (int i = 0; i < all.length; i++) {
            filters[i] = new ExceptionBreakpointsFilter();
            filters[i].setFilter(all[i].id());
            filters[i].setLabel(all[i].label());
            filters[i].setDescription(all[i].description());
            filters[i].setDefault_(all[i].byDefault());
        }
        capabilities.setExceptionBreakpointFilters(filters);
        return capabilities;
    }

    @Override
    public CompletableFuture<Void> launch(Map<String, Object> arguments) {
        return perform(() -> launch.launch(arguments == null ? Map.of() : arguments));
    }

    @Override
    public CompletableFuture<Void> attach(Map<String, Object> arguments) {
        return perform(() -> launch.attach(arguments == null ? Map.of() : arguments));
    }

    @Override
    public CompletableFuture<Void> configurationDone(ConfigurationDoneArguments arguments) {
        return perform(launch::configurationDone);
    }

    @Override
    public CompletableFuture<Void> disconnect(DisconnectArguments arguments) {
        return perform(() -> {
            launch.disconnect(arguments);
            session.host().release(session);
        });
    }

    @Override
    public CompletableFuture<Void> restart(RestartArguments arguments) {
        return perform(launch::restart);
    }

    @Override
    public CompletableFuture<Void> terminate(TerminateArguments arguments) {
        return perform(launch::terminate);
    }

    @Override
    public CompletableFuture<ContinueResponse> continue_(ContinueArguments arguments) {
        return answer(() -> {
            run.resume(arguments.getThreadId());
            ContinueResponse response = new ContinueResponse();
            response.setAllThreadsContinued(true);
            return response;
        });
    }

    @Override
    public CompletableFuture<Void> next(NextArguments arguments) {
        return perform(() -> run.step(arguments.getThreadId(), StepKind.OVER, arguments.getGranularity()));
    }

    @Override
    public CompletableFuture<Void> stepIn(StepInArguments arguments) {
        return perform(() -> run.step(arguments.getThreadId(), StepKind.IN, arguments.getGranularity()));
    }

    @Override
    public CompletableFuture<Void> stepOut(StepOutArguments arguments) {
        return perform(() -> run.step(arguments.getThreadId(), StepKind.OUT, arguments.getGranularity()));
    }

    @Override
    public CompletableFuture<GotoTargetsResponse> gotoTargets(GotoTargetsArguments arguments) {
        return answer(() -> gotos.targets(arguments));
    }

    @Override
    public CompletableFuture<Void> goto_(GotoArguments arguments) {
        return perform(() -> gotos.go(arguments));
    }

    @Override
    public CompletableFuture<Void> pause(PauseArguments arguments) {
        return perform(run::pause);
    }

    @Override
    public CompletableFuture<ThreadsResponse> threads() {
        return answer(stack::threads);
    }

    @Override
    public CompletableFuture<StackTraceResponse> stackTrace(StackTraceArguments arguments) {
        return answer(() -> stack.stackTrace(arguments));
    }

    @Override
    public CompletableFuture<ScopesResponse> scopes(ScopesArguments arguments) {
        return answer(() -> variables.scopes(arguments.getFrameId()));
    }

    @Override
    public CompletableFuture<VariablesResponse> variables(VariablesArguments arguments) {
        return answer(() -> variables.variables(arguments.getVariablesReference()));
    }

    @Override
    public CompletableFuture<CompletionsResponse> completions(CompletionsArguments arguments) {
        return answer(() -> completions.completions(arguments));
    }

    @Override
    public CompletableFuture<SetExpressionResponse> setExpression(SetExpressionArguments arguments) {
        return answer(() -> setVariable.setExpression(arguments));
    }

    @Override
    public CompletableFuture<SetVariableResponse> setVariable(SetVariableArguments arguments) {
        return answer(() -> setVariable.setVariable(arguments));
    }

    @Override
    public CompletableFuture<SetBreakpointsResponse> setBreakpoints(SetBreakpointsArguments arguments) {
        return answer(() -> {
            SetBreakpointsResponse response = new SetBreakpointsResponse();
            response.setBreakpoints(breakpoints.setBreakpoints(arguments));
            return response;
        });
    }

    @Override
    public CompletableFuture<BreakpointLocationsResponse> breakpointLocations(BreakpointLocationsArguments arguments) {
        return answer(() -> {
            BreakpointLocationsResponse response = new BreakpointLocationsResponse();
            response.setBreakpoints(breakpoints.locations(arguments));
            return response;
        });
    }

    @Override
    public CompletableFuture<SetFunctionBreakpointsResponse> setFunctionBreakpoints(
            SetFunctionBreakpointsArguments arguments) {
        return answer(() -> {
            SetFunctionBreakpointsResponse response = new SetFunctionBreakpointsResponse();
            response.setBreakpoints(breakpoints.setFunctionBreakpoints(arguments.getBreakpoints()));
            return response;
        });
    }

    @Override
    public CompletableFuture<SetInstructionBreakpointsResponse> setInstructionBreakpoints(
            SetInstructionBreakpointsArguments arguments) {
        return answer(() -> {
            SetInstructionBreakpointsResponse response = new SetInstructionBreakpointsResponse();
            response.setBreakpoints(breakpoints.setInstructionBreakpoints(arguments.getBreakpoints()));
            return response;
        });
    }

    @Override
    public CompletableFuture<DataBreakpointInfoResponse> dataBreakpointInfo(DataBreakpointInfoArguments arguments) {
        return answer(() -> data.info(arguments));
    }

    @Override
    public CompletableFuture<SetDataBreakpointsResponse> setDataBreakpoints(SetDataBreakpointsArguments arguments) {
        return answer(() -> {
            SetDataBreakpointsResponse response = new SetDataBreakpointsResponse();
            response.setBreakpoints(data.set(arguments.getBreakpoints()));
            return response;
        });
    }

    @Override
    public CompletableFuture<SetExceptionBreakpointsResponse> setExceptionBreakpoints(
            SetExceptionBreakpointsArguments arguments) {
        return answer(() -> {
            SetExceptionBreakpointsResponse response = new SetExceptionBreakpointsResponse();
            response.setBreakpoints(breakpoints.setExceptionBreakpoints(arguments));
            return response;
        });
    }

    @Override
    public CompletableFuture<ExceptionInfoResponse> exceptionInfo(ExceptionInfoArguments arguments) {
        return answer(() -> exceptions.exceptionInfo(arguments.getThreadId()));
    }

    @Override
    public CompletableFuture<ReadMemoryResponse> readMemory(ReadMemoryArguments arguments) {
        return answer(() -> memory.readMemory(arguments));
    }

    @Override
    public CompletableFuture<WriteMemoryResponse> writeMemory(WriteMemoryArguments arguments) {
        return answer(() -> memory.writeMemory(arguments));
    }

    @Override
    public CompletableFuture<DisassembleResponse> disassemble(DisassembleArguments arguments) {
        return answer(() -> disassembly.disassemble(arguments));
    }

    @Override
    public CompletableFuture<EvaluateResponse> evaluate(EvaluateArguments arguments) {
        return answer(() -> evaluation.evaluate(arguments));
    }

    @Override
    public CompletableFuture<ModulesResponse> modules(ModulesArguments arguments) {
        return answer(modules::modules);
    }

    @Override
    public CompletableFuture<LoadedSourcesResponse> loadedSources(LoadedSourcesArguments arguments) {
        return answer(modules::loadedSources);
    }

    @Override
    public CompletableFuture<Map<String, Object>> faultLog(Map<String, Object> arguments) {
        return answer(faultline::faultLog);
    }

    @Override
    public CompletableFuture<Map<String, Object>> trapframe(Map<String, Object> arguments) {
        return answer(() -> faultline.trapframe(arguments));
    }

    @Override
    public CompletableFuture<Map<String, Object>> endpoints(Map<String, Object> arguments) {
        return answer(kernelObjects::endpoints);
    }

    @Override
    public CompletableFuture<Map<String, Object>> capabilities(Map<String, Object> arguments) {
        return answer(() -> kernelObjects.capabilities(arguments));
    }

    /** The connection closed: a client that vanished without disconnect detaches (the machine stays). */
    void connectionClosed() {
        try {
            if (session.isConnected()) {
                launch.disconnect(detachArguments());
            }
        } catch (SessionException e) {
            // The machine is gone already (terminated, or the adapter is shutting down): nothing to detach from.
        } finally {
            session.host().release(session);
        }
    }

    private static DisconnectArguments detachArguments() {
        DisconnectArguments arguments = new DisconnectArguments();
        arguments.setTerminateDebuggee(false);
        return arguments;
    }
}

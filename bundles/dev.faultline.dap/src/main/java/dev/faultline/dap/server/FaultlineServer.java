package dev.faultline.dap.server;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/**
 * Faultline's own requests, beside DAP's, for the views that show what only this machine has
 * (arguments and results are documented in the module's README).
 */
public interface FaultlineServer {

    /** faultline/faultLog: every fault so far, decoded, with its handler and outcome, and the log as `faultline run` prints it. */
    @JsonRequest("faultline/faultLog")
    CompletableFuture<Map<String, Object>> faultLog(Map<String, Object> arguments);

    /** faultline/trapframe: a thread's trapframe (pc and registers by ABI name), FaultIP and its current or last fault. */
    @JsonRequest("faultline/trapframe")
    CompletableFuture<Map<String, Object>> trapframe(Map<String, Object> arguments);

    /**
     * faultline/endpoints: every endpoint and notification, its state, its queue in order (thread,
     * badge, message info, blocked state) and the cap slots that name it.
     */
    @JsonRequest("faultline/endpoints")
    CompletableFuture<Map<String, Object>> endpoints(Map<String, Object> arguments);

    /** faultline/capabilities: a thread's CSpace, every filled slot reachable from its root with its CPtr. */
    @JsonRequest("faultline/capabilities")
    CompletableFuture<Map<String, Object>> capabilities(Map<String, Object> arguments);
}

package dev.faultline.debug.core.dap;

import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

import dev.faultline.dap.server.FaultlineServer;

/** The adapter as the client sees it: DAP's requests and Faultline's own (faultline/endpoints and the others). */
public interface FaultlineRemote extends IDebugProtocolServer, FaultlineServer {
}
